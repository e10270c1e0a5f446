import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConvertJob, IngestItem } from '../../../../shared/contract/convert';
import type { Finding } from '../../../../shared/ingest/finding';
import { X264_PRESETS, type HdrMode } from '../../../../shared/ingest/options';
import { formatRule } from '../../../../shared/ingest/problems';
import type { ProbeResult } from '../../../../shared/probe';
import { DELIVERY_ENCODE, VIDEO_SCALE_RATIO } from '../../../../shared/standards';
import { formatBytes, formatClock, formatRate } from '../../lib/format';
import { useRuleText } from '../../lib/rules';
import { useStudio } from '../../stores/studio-store';
import { defaultMergeName, useConvert } from './convert-store';
import { pathsFromText } from './paths-text';
import './convert.css';

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

/** A shoot's take is shown by its name ("take-002 · delivery.mp4"), not as one more delivery.mp4. */
function useLabel(): (p: string) => string {
  const f = useConvert((s) => s.shootFiles);
  return (p) => {
    const take = f?.takes.find((x) => x.path === p);
    return take ? `${take.name} · ${baseName(p)}` : baseName(p);
  };
}

/** A file's problem as a badge: the rule in words, its §, and whether converting cures it. */
function ProblemBadge({ f }: { f: Finding }) {
  const { t } = useTranslation();
  const rules = useRuleText();
  const fixed = formatRule(f.rule)?.fixedByConvert ?? false;
  return (
    <li
      className={`cv-badge ${f.severity} ${fixed ? 'fixed' : 'stays'}`}
      data-testid="problem"
      data-rule={f.rule}
      data-severity={f.severity}
      data-section={f.section}
      title={`${f.message} — ${t(fixed ? 'convert.files.fixedByConvert' : 'convert.files.staysAfter')}`}
    >
      <span className="cv-badge-text">{rules.brief(f)}</span>
      <span className="cv-section">{f.section}</span>
    </li>
  );
}

function probeLine(p: ProbeResult, t: (k: string, o?: Record<string, unknown>) => string): string {
  const v = p.video;
  if (!v) return `${formatClock(p.durationSec)} · ${t('convert.files.noAudio')}`;
  return t('convert.files.facts', {
    codec: v.codec.toUpperCase(),
    width: v.displayWidth,
    height: v.displayHeight,
    fps: formatRate(v.vfr ? Math.round(v.avgFrameRate.fps * 100) / 100 : v.rFrameRate.fps),
    duration: `${p.durationSec.toFixed(2)} s`,
    audio: p.audio ? `${p.audio.codec.toUpperCase()} ${p.audio.sampleRate} Hz` : t('convert.files.noAudio'),
  });
}

function ImportPanel() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [dropNote, setDropNote] = useState(false);
  const importing = useConvert((s) => s.importing);
  const addPaths = useConvert((s) => s.addPaths);
  const submit = async () => {
    await addPaths(text);
    setText('');
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    // Electron's preload exposes the real path of dropped files; a browser never gives it.
    const files = (window as unknown as { studioFiles?: { pathFor: (f: File) => string } }).studioFiles;
    const fromFiles = files ? [...e.dataTransfer.files].map((f) => files.pathFor(f)).filter(Boolean) : [];
    const fromText = pathsFromText(e.dataTransfer.getData('text/uri-list') || e.dataTransfer.getData('text/plain'));
    const paths = [...fromFiles, ...fromText];
    setDropNote(paths.length === 0 && e.dataTransfer.files.length > 0);
    if (paths.length) void addPaths(paths.join('\n'));
  };
  return (
    <section className="panel cv-import" onDragOver={(e) => e.preventDefault()} onDrop={onDrop} data-testid="convert-import">
      <h2>{t('convert.import.heading')}</h2>
      <label className="field">
        {t('convert.import.label')}
        <textarea
          data-testid="convert-path"
          rows={2}
          value={text}
          placeholder={t('convert.import.placeholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              void submit();
            }
          }}
        />
      </label>
      <div className="cv-row">
        <button type="button" data-testid="convert-add" disabled={importing || text.trim() === ''} onClick={() => void submit()}>
          {importing ? t('convert.import.adding') : t('convert.import.add')}
        </button>
        <span className="muted small">{t('convert.import.drop')}</span>
      </div>
      <p className="muted small">{t('convert.import.hint')}</p>
      {dropNote && <p className="reason small">{t('convert.import.dropNoPath')}</p>}
    </section>
  );
}

/** The shoot's finished takes by name: pick them instead of typing paths (issue #13). */
function ShootTakesPanel() {
  const { t } = useTranslation();
  const f = useConvert((s) => s.shootFiles);
  const addTakes = useConvert((s) => s.addTakes);
  const [picked, setPicked] = useState<string[]>([]);
  if (!f) return null;
  const toggle = (id: string, on: boolean) => setPicked((p) => (on ? [...p.filter((x) => x !== id), id] : p.filter((x) => x !== id)));
  const add = async (toMerge: boolean) => {
    await addTakes(picked, toMerge);
    setPicked([]);
  };
  return (
    <section className="panel cv-takes" data-testid="shoot-takes">
      <h2>{t('convert.takes.heading', { shoot: f.shootName })}</h2>
      {f.takes.length === 0 && <p className="muted small">{t('convert.takes.none')}</p>}
      <ul className="cv-list">
        {f.takes.map((x) => (
          <li key={x.takeId}>
            <label className="check">
              <input type="checkbox" data-testid="shoot-take-pick" data-take-id={x.takeId} checked={picked.includes(x.takeId)} onChange={(e) => toggle(x.takeId, e.target.checked)} />
              {x.name}
            </label>
          </li>
        ))}
      </ul>
      {f.takes.length > 0 && (
        <div className="cv-row">
          <button type="button" className="secondary" data-testid="shoot-takes-add" disabled={picked.length === 0} onClick={() => void add(false)}>
            {t('convert.takes.add', { count: picked.length })}
          </button>
          <button type="button" data-testid="shoot-takes-merge" disabled={picked.length < 2} onClick={() => void add(true)}>
            {t('convert.takes.merge', { count: picked.length })}
          </button>
        </div>
      )}
    </section>
  );
}

/** Parts of a merge that differ in picture size or frame rate: the merge would rescale or retime one. */
function mergeMismatch(list: string[], items: IngestItem[]): { sizes: string[]; rates: string[] } {
  const vids = list.map((p) => items.find((i) => i.path === p)?.probe?.video).filter((v): v is NonNullable<typeof v> => !!v);
  const sizes = [...new Set(vids.map((v) => `${v.displayWidth}×${v.displayHeight}`))];
  const rates = [...new Set(vids.map((v) => formatRate(Math.round((v.vfr ? v.avgFrameRate.fps : v.rFrameRate.fps) * 100) / 100)))];
  return { sizes, rates };
}

function FileItem({ item }: { item: IngestItem }) {
  const { t } = useTranslation();
  const selected = useConvert((s) => s.selected.includes(item.path));
  const toggle = useConvert((s) => s.toggle);
  const remove = useConvert((s) => s.remove);
  const addToMerge = useConvert((s) => s.addToMerge);
  const outputDir = useConvert((s) => s.outputDir.trim());
  const label = useLabel();
  const convertible = Boolean(item.probe?.video && item.suggestedOutput);
  const output = item.suggestedOutput && outputDir ? `${outputDir.replace(/[\\/]+$/, '')}/${baseName(item.suggestedOutput)}` : item.suggestedOutput;
  return (
    <li
      className={`cv-item ${item.error ? 'error' : ''}`}
      data-testid="convert-item"
      data-path={item.path}
      data-name={item.name}
      data-convertible={convertible ? 'true' : 'false'}
      data-problems={item.problems.map((p) => p.rule).join(',')}
    >
      <div className="cv-item-head">
        <label className="cv-check">
          <input type="checkbox" data-testid="convert-select" disabled={!convertible} checked={selected && convertible} onChange={(e) => toggle(item.path, e.target.checked)} aria-label={t('convert.files.select')} />
          <strong className="cv-name">{label(item.path)}</strong>
        </label>
        <div className="cv-row">
          {convertible && (
            <button type="button" className="secondary small-btn" data-testid="merge-add" onClick={() => addToMerge(item.path)}>
              {t('convert.merge.add')}
            </button>
          )}
          <button type="button" className="link" onClick={() => remove(item.path)} aria-label={t('convert.files.remove')} title={t('convert.files.remove')}>
            ×
          </button>
        </div>
      </div>
      <div className="muted small cv-path">{item.path}</div>
      {item.probe && <div className="small">{probeLine(item.probe, t)}{item.probe.sizeBytes ? ` · ${formatBytes(item.probe.sizeBytes)}` : ''}</div>}
      {item.error && (
        <p className="problem" data-testid="convert-item-error" data-code={item.error.code}>
          {t(`errors.${item.error.code}`)} {item.error.message}
        </p>
      )}
      {item.problems.length > 0 ? (
        <ul className="cv-badges">
          {item.problems.map((f) => (
            <ProblemBadge key={f.rule} f={f} />
          ))}
        </ul>
      ) : (
        item.probe && <p className="ok">{t('convert.files.ok')}</p>
      )}
      {convertible && output && <div className="muted small cv-path">{t('convert.files.output', { path: output })}</div>}
    </li>
  );
}

function FileList() {
  const { t } = useTranslation();
  const items = useConvert((s) => s.items);
  const clearItems = useConvert((s) => s.clearItems);
  return (
    <section className="panel cv-files" data-testid="convert-items">
      <div className="cv-row cv-spread">
        <h2>{t('convert.files.heading')}</h2>
        {items.length > 0 && (
          <button type="button" className="link small" onClick={clearItems}>
            {t('convert.files.clear')}
          </button>
        )}
      </div>
      {items.length === 0 && <p className="muted">{t('convert.files.empty')}</p>}
      {items.some((i) => i.problems.length > 0) && (
        <p className="cv-legend small">
          <span className="cv-badge warn fixed">{t('convert.files.legendFixed')}</span>
          <span className="cv-badge warn stays">{t('convert.files.legendStays')}</span>
        </p>
      )}
      <ul className="cv-list">
        {items.map((i) => (
          <FileItem key={i.path} item={i} />
        ))}
      </ul>
    </section>
  );
}

function OptionsPanel() {
  const { t } = useTranslation();
  const options = useConvert((s) => s.options);
  const setOptions = useConvert((s) => s.setOptions);
  const outputDir = useConvert((s) => s.outputDir);
  const setOutputDir = useConvert((s) => s.setOutputDir);
  const count = useConvert((s) => s.selected.filter((p) => s.items.some((i) => i.path === p && i.suggestedOutput)).length);
  const convertSelected = useConvert((s) => s.convertSelected);
  const ratios = [...new Set([...VIDEO_SCALE_RATIO.common, options.scale])].sort((a, b) => b - a);
  return (
    <section className="panel cv-options">
      <h2>{t('convert.options.heading')}</h2>
      <label className="field">
        {t('convert.options.scale')}
        <select data-testid="opt-scale" value={options.scale} onChange={(e) => setOptions({ scale: Number(e.target.value) })}>
          {ratios.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <span className="small">{t('convert.options.scaleHint')}</span>
      </label>
      <label className="field">
        {t('convert.options.crf')}
        <input
          data-testid="opt-crf"
          type="number"
          min={DELIVERY_ENCODE.crfMin}
          max={DELIVERY_ENCODE.crfMax}
          value={options.crf}
          onChange={(e) => {
            const crf = Math.round(Number(e.target.value));
            if (Number.isFinite(crf) && crf >= DELIVERY_ENCODE.crfMin && crf <= DELIVERY_ENCODE.crfMax) setOptions({ crf });
          }}
        />
        <span className="small">{t('convert.options.crfHint')}</span>
      </label>
      <label className="field">
        {t('convert.options.preset')}
        <select data-testid="opt-preset" value={options.preset} onChange={(e) => setOptions({ preset: e.target.value as (typeof X264_PRESETS)[number] })}>
          {X264_PRESETS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <span className="small">{t('convert.options.presetHint')}</span>
      </label>
      <label className="field">
        {t('convert.options.hdr')}
        <select data-testid="opt-hdr" value={options.hdr} onChange={(e) => setOptions({ hdr: e.target.value as HdrMode })}>
          {(['auto', 'exact', 'fast'] as const).map((m) => (
            <option key={m} value={m}>
              {t(`convert.options.hdrMode.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t('convert.options.outputDir')}
        <input data-testid="opt-outdir" value={outputDir} placeholder={t('convert.options.outputDirPlaceholder')} onChange={(e) => setOutputDir(e.target.value)} />
      </label>
      <button type="button" data-testid="convert-start" disabled={count === 0} onClick={() => void convertSelected()}>
        {t('convert.options.start', { count })}
      </button>
    </section>
  );
}

function hdrLine(job: ConvertJob, t: (k: string, o?: Record<string, unknown>) => string): string {
  const hdr = job.result?.hdr;
  if (!hdr) return '';
  if (hdr.method === 'lut' && hdr.psnrDb !== null) return t('convert.hdrMethod.lutMeasured', { psnr: hdr.psnrDb.toFixed(1) });
  return t(`convert.hdrMethod.${hdr.method}`);
}

function JobItem({ job }: { job: ConvertJob }) {
  const { t } = useTranslation();
  const cancel = useConvert((s) => s.cancel);
  const r = job.result;
  const v = r?.probe.video;
  const active = job.status === 'queued' || job.status === 'running';
  return (
    <li
      className={`cv-job ${job.status}`}
      data-testid="convert-job"
      data-job-id={job.id}
      data-kind={job.kind}
      data-status={job.status}
      data-progress={job.progress ?? ''}
      data-output={job.output}
    >
      <div className="cv-item-head">
        <strong className="cv-name">
          {t(`convert.queue.kind.${job.kind}`)}: {job.inputs.map(baseName).join(' + ')}
        </strong>
        <span className={`status ${job.status === 'done' ? 'ready' : job.status === 'running' ? 'finalizing' : job.status === 'failed' ? 'failed' : ''}`}>
          {t(`convert.queue.status.${job.status}`)}
        </span>
      </div>
      <div className="muted small cv-path">→ {job.output}</div>
      {job.status === 'running' && (
        <div className="progress">
          <progress data-testid="job-progress" max={1} value={job.progress ?? 0} />
          <span className="small cv-eta" data-testid="job-eta">
            {job.progress !== null ? `${Math.round(job.progress * 100)}%` : t('convert.queue.starting')}
            {job.speed ? ` · ${t('convert.queue.speed', { speed: job.speed.toFixed(2) })}` : ''}
            {job.etaSeconds !== null ? ` · ${t('convert.queue.eta', { time: formatClock(Math.ceil(job.etaSeconds)) })}` : ''}
          </span>
        </div>
      )}
      {active && (
        <button type="button" className="secondary small-btn" data-testid="job-cancel" onClick={() => void cancel(job.id)}>
          {t('convert.queue.cancel')}
        </button>
      )}
      {job.error && (
        <div className="problem cv-error" data-testid="job-error" data-code={job.error.code}>
          <strong>{t(`errors.${job.error.code}`)}</strong>
          <pre>{job.error.message}</pre>
          {job.error.hint && <div className="small">{job.error.hint}</div>}
        </div>
      )}
      {r && v && (
        <div data-testid="job-result" data-codec={v.codec} data-width={v.width} data-height={v.height} data-fps={`${v.rFrameRate.num}/${v.rFrameRate.den}`} data-hdr-method={r.hdr.method}>
          <dl className="facts-grid">
            <dt>{t('convert.queue.output')}</dt>
            <dd>
              {r.probe.container.toUpperCase()} · {formatBytes(r.probe.sizeBytes)} · {r.probe.durationSec.toFixed(2)} s
            </dd>
            <dt>{t('convert.queue.video')}</dt>
            <dd>
              {v.codec.toUpperCase()} {v.profile ?? ''} {v.width}×{v.height} · {v.rFrameRate.num}/{v.rFrameRate.den} fps · {v.pixelFormat} · {v.colorSpace ?? '—'}
              {v.frameCount !== null ? ` · ${t('convert.queue.frames', { n: v.frameCount })}` : ''}
            </dd>
            <dt>{t('convert.queue.audio')}</dt>
            <dd>{r.probe.audio ? `${r.probe.audio.codec.toUpperCase()} ${r.probe.audio.sampleRate} Hz · ${r.probe.audio.channels} ch` : t('convert.queue.noAudio')}</dd>
            <dt>{t('convert.queue.hdr')}</dt>
            <dd data-testid="job-hdr">{hdrLine(job, t)}</dd>
          </dl>
          <div className="small muted">{t('convert.queue.took', { time: `${r.wallSeconds.toFixed(1)} s`, speed: r.speed.toFixed(2) })}</div>
          {r.parts && (
            <div className="cv-parts">
              <div className="small">{t('convert.queue.parts')}</div>
              <ol>
                {r.parts.map((p) => (
                  <li key={`${p.startFrame}`} data-testid="job-part" data-start={p.startSec} data-frame={p.startFrame}>
                    {t('convert.queue.part', { time: `${p.startSec.toFixed(2)} s`, frame: p.startFrame, name: baseName(p.file), duration: `${p.durationSec.toFixed(2)} s` })}
                  </li>
                ))}
              </ol>
            </div>
          )}
          {r.warnings.length > 0 && (
            <div>
              <div className="small">{t('convert.queue.warnings')}</div>
              <ul className="cv-badges">
                {r.warnings.map((f, i) => (
                  <ProblemBadge key={`${f.rule}-${i}`} f={f} />
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </li>
  );
}

function QueuePanel() {
  const { t } = useTranslation();
  const jobs = useConvert((s) => s.jobs);
  const clearJobs = useConvert((s) => s.clearJobs);
  return (
    <section className="panel cv-queue" data-testid="convert-queue">
      <div className="cv-row cv-spread">
        <h2>{t('convert.queue.heading')}</h2>
        {jobs.some((j) => j.status !== 'queued' && j.status !== 'running') && (
          <button type="button" className="link small" onClick={() => void clearJobs()}>
            {t('convert.queue.clear')}
          </button>
        )}
      </div>
      {jobs.length === 0 && <p className="muted">{t('convert.queue.empty')}</p>}
      <ol className="cv-list">
        {[...jobs].reverse().map((j) => (
          <JobItem key={j.id} job={j} />
        ))}
      </ol>
    </section>
  );
}

function MergePanel() {
  const { t } = useTranslation();
  const list = useConvert((s) => s.mergeList);
  const name = useConvert((s) => s.mergeName);
  const items = useConvert((s) => s.items);
  const shootFiles = useConvert((s) => s.shootFiles);
  const { moveMerge, removeFromMerge, setMergeName, merge } = useConvert.getState();
  const mismatch = mergeMismatch(list, items);
  const label = useLabel();
  const suggested = defaultMergeName(list, shootFiles).outputName;
  return (
    <section className="panel cv-merge" data-testid="merge-panel">
      <h2>{t('convert.merge.heading')}</h2>
      <p className="muted small">{t('convert.merge.intro')}</p>
      {list.length < 2 && <p className="muted small">{t('convert.merge.empty')}</p>}
      <ol className="cv-merge-list" data-testid="merge-list">
        {list.map((p, i) => (
          <li key={`${p}-${i}`} data-testid="merge-part" data-path={p}>
            <span className="cv-name">{label(p)}</span>
            <span className="cv-row">
              <button type="button" className="link" disabled={i === 0} onClick={() => moveMerge(i, -1)} title={t('convert.merge.up')} aria-label={t('convert.merge.up')}>
                ↑
              </button>
              <button type="button" className="link" disabled={i === list.length - 1} onClick={() => moveMerge(i, 1)} title={t('convert.merge.down')} aria-label={t('convert.merge.down')}>
                ↓
              </button>
              <button type="button" className="link" onClick={() => removeFromMerge(i)} title={t('convert.merge.remove')} aria-label={t('convert.merge.remove')}>
                ×
              </button>
            </span>
          </li>
        ))}
      </ol>
      {(mismatch.sizes.length > 1 || mismatch.rates.length > 1) && (
        <p className="reason small" data-testid="merge-mismatch" data-sizes={mismatch.sizes.join(',')} data-rates={mismatch.rates.join(',')}>
          {mismatch.sizes.length > 1 && t('convert.merge.sizesDiffer', { sizes: mismatch.sizes.join(', ') })}{' '}
          {mismatch.rates.length > 1 && t('convert.merge.ratesDiffer', { rates: mismatch.rates.join(', ') })}
        </p>
      )}
      <label className="field">
        {t('convert.merge.name')}
        <input data-testid="merge-name" value={name} placeholder={suggested ?? t('convert.merge.namePlaceholder')} onChange={(e) => setMergeName(e.target.value)} />
      </label>
      <button type="button" data-testid="merge-start" disabled={list.length < 2} onClick={() => void merge()}>
        {t('convert.merge.start', { count: list.length })}
      </button>
    </section>
  );
}

/**
 * Ingest and transcode (issue #7): import by path, each file's problems before anything runs, the
 * options, a queue with progress, ETA and cancel, the results with their facts, and §3.2 merging.
 */
export function ConvertScreen() {
  const { t } = useTranslation();
  const load = useConvert((s) => s.load);
  const hdrMethod = useConvert((s) => s.hdrMethod);
  const loadShootFiles = useConvert((s) => s.loadShootFiles);
  const shootId = useStudio((s) => s.shootId);
  const takes = useStudio((s) => s.takes);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void loadShootFiles();
  }, [loadShootFiles, shootId, takes]);
  return (
    <main className="convert-screen" data-testid="convert-screen">
      <div className="cv-col cv-left">
        <header className="cv-intro">
          <h2>{t('convert.title')}</h2>
          <p className="small muted">{t('convert.intro')}</p>
          {hdrMethod && (
            <p className="small muted" data-testid="convert-hdr-here" data-method={hdrMethod}>
              {t('convert.capabilities', { method: t(`convert.hdrHere.${hdrMethod}`) })}
            </p>
          )}
        </header>
        <ShootTakesPanel />
        <ImportPanel />
        <FileList />
      </div>
      <div className="cv-col cv-mid">
        <OptionsPanel />
        <MergePanel />
      </div>
      <div className="cv-col cv-right">
        <QueuePanel />
      </div>
    </main>
  );
}

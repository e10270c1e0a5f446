import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { summarizeFindings, VISION_RULE_IDS } from '../../../../shared/vision/analysis';
import type { Finding } from '../../../../shared/findings';
import { formatClock } from '../../lib/format';
import { useRuleText } from '../../lib/rules';
import { containRect, drawOverlay, LEVEL_COLOURS } from './draw-overlay';
import { useVision, type OverlayParts } from './vision-store';

/** Face boxes and lips older than this (behind the live picture) are drawn faded. */
const STALE_MS = 400;

const deg = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(Math.round(v) || 0));

/**
 * The readout: face count, head angles, lip state. Always in the DOM (tests read its data-*
 * attributes); hidden, not removed, when the operator turns it off.
 */
export function VisionHud() {
  const { t } = useTranslation();
  const monitor = useVision((s) => s.monitor);
  const status = useVision((s) => s.status);
  const stats = useVision((s) => s.stats);
  const show = useVision((s) => s.show.hud);
  const p = monitor?.primary ?? null;
  const lips = monitor?.lips ?? 'unknown';
  return (
    <div
      className={`vision-hud${show ? '' : ' hidden'}`}
      data-testid="face-status"
      data-status={status}
      data-faces={monitor ? String(monitor.faces) : ''}
      data-yaw={deg(p?.yaw)}
      data-pitch={deg(p?.pitch)}
      data-roll={deg(p?.roll)}
      data-lips={lips}
      data-lip-gap={p ? p.lipGap.toFixed(4) : ''}
      data-analysed-fps={stats.analysedFps.toFixed(1)}
      data-detect-ms={stats.detectMs.toFixed(1)}
      data-scale-ms={stats.scaleMs.toFixed(1)}
      data-analysed={stats.analysedFrames}
      data-skipped={stats.skippedFrames}
      data-share={stats.share.toFixed(2)}
      data-backoffs={stats.backoffs}
    >
      <span>
        {t('vision.hud.faces')} <b>{monitor ? monitor.faces : '–'}</b>
      </span>
      <span>
        {t('vision.hud.yaw')} <b>{p?.yaw != null ? `${deg(p.yaw)}°` : '–'}</b>
      </span>
      <span>
        {t('vision.hud.pitch')} <b>{p?.pitch != null ? `${deg(p.pitch)}°` : '–'}</b>
      </span>
      <span>
        {t('vision.hud.roll')} <b>{p?.roll != null ? `${deg(p.roll)}°` : '–'}</b>
      </span>
      <span className={`lips-${lips}`}>
        {t('vision.hud.lips')} <b>{t(`vision.hud.lipState.${lips}`)}</b>
      </span>
      {status === 'running' && stats.analysedFrames > 0 && (
        <span className="rate">{t('vision.hud.rate', { fps: stats.analysedFps.toFixed(0), ms: stats.detectMs.toFixed(0) })}</span>
      )}
    </div>
  );
}

/** One traffic light per rule, named in the UI language. */
export function VisionRulesPanel() {
  const { t } = useTranslation();
  const rules = useRuleText();
  const monitor = useVision((s) => s.monitor);
  const show = useVision((s) => s.show.rules);
  return (
    <ul className={`vision-rules${show ? '' : ' hidden'}`} data-testid="vision-rules">
      {VISION_RULE_IDS.map((id) => {
        const level = monitor?.rules[id].level ?? 'off';
        return (
          <li key={id} data-rule={id} data-level={level} title={t(`vision.level.${level}`)}>
            <span className="light" style={{ background: LEVEL_COLOURS[level] }} />
            {rules.checkName(id)}
          </li>
        );
      })}
    </ul>
  );
}

/** Which parts of the overlay are drawn (remembered). */
export function VisionToggles() {
  const { t } = useTranslation();
  const show = useVision((s) => s.show);
  const toggle = useVision((s) => s.toggle);
  return (
    <div className="vision-toggles" data-testid="overlay-toggles">
      <span>{t('vision.show.label')}</span>
      {(Object.keys(show) as (keyof OverlayParts)[]).map((k) => (
        <label key={k}>
          <input type="checkbox" checked={show[k]} data-testid={`overlay-toggle-${k}`} onChange={() => toggle(k)} />
          {t(`vision.show.${k}`)}
        </label>
      ))}
    </div>
  );
}

/** Model download, start-up and failures of the monitor. */
export function VisionStatusLine() {
  const { t } = useTranslation();
  const status = useVision((s) => s.status);
  const progress = useVision((s) => s.modelProgress);
  const error = useVision((s) => s.error);
  let text: string | null = null;
  if (status === 'model') {
    text =
      progress && progress.total
        ? t('vision.status.download', { percent: Math.floor((progress.received / progress.total) * 100) })
        : t('vision.status.model');
  } else if (status === 'loading') text = t('vision.status.loading');
  else if (status === 'error') text = t('vision.status.failed', { message: error ?? '' });
  if (!text) return null;
  return (
    <div className={`vision-status ${status}`} data-testid="vision-status" data-status={status}>
      {text}
      {status === 'model' && progress?.total ? <progress max={progress.total} value={progress.received} /> : null}
    </div>
  );
}

/** "lips opened in the silent segment: 3 times, at 0:07, 0:12, 0:25", one line per rule. */
export function FindingLines({ findings }: { findings: readonly Finding[] }) {
  const { t } = useTranslation();
  const rules = useRuleText();
  return (
    <ul className="finding-lines">
      {summarizeFindings(findings).map((s) => (
        <li key={s.rule} data-rule={s.rule} data-count={s.count} className={s.severity}>
          {s.severity === 'info'
            ? rules.title(s.rule)
            : t(s.count === 1 ? 'vision.summary.lineOnce' : 'vision.summary.line', {
                rule: rules.title(s.rule),
                count: s.count,
                times: s.starts.map((x) => formatClock(x)).join(', '),
              })}
        </li>
      ))}
    </ul>
  );
}

/** What the monitor saw during the take just stopped. */
export function VisionSummary() {
  const { t } = useTranslation();
  const summary = useVision((s) => s.summary);
  const set = useVision((s) => s.set);
  if (!summary) return null;
  return (
    <div className="vision-summary" data-testid="vision-summary" data-take-id={summary.takeId} data-count={summary.findings.length}>
      <div className="vision-summary-head">
        <strong>{t('vision.summary.heading', { take: summary.takeId })}</strong>
        <button type="button" className="link" onClick={() => set({ summary: null })}>
          {t('vision.summary.dismiss')}
        </button>
      </div>
      {summary.findings.length === 0 ? <p>{t('vision.summary.clean')}</p> : <FindingLines findings={summary.findings} />}
    </div>
  );
}

/**
 * The canvas over the picture, redrawn every display frame from the vision store. `media` is the
 * element showing the picture (a <video>, or an <img>/<canvas> in the harness).
 */
export function OverlayCanvas({ media }: { media: { current: HTMLVideoElement | HTMLImageElement | HTMLCanvasElement | null } }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let raf = 0;
    const draw = () => {
      raf = requestAnimationFrame(draw);
      const c = canvas.current;
      const m = media.current;
      const ctx = c?.getContext('2d');
      if (!c || !m || !ctx) return;
      const dpr = window.devicePixelRatio || 1;
      const box = c.getBoundingClientRect();
      const w = Math.round(box.width * dpr);
      const h = Math.round(box.height * dpr);
      if (c.width !== w || c.height !== h) {
        c.width = w;
        c.height = h;
      }
      const mr = m.getBoundingClientRect();
      const [mw, mh] =
        m instanceof HTMLVideoElement ? [m.videoWidth, m.videoHeight] : m instanceof HTMLImageElement ? [m.naturalWidth, m.naturalHeight] : [m.width, m.height];
      const inner = containRect(mr.width, mr.height, mw, mh);
      const view = {
        x: (mr.left - box.left + inner.x) * dpr,
        y: (mr.top - box.top + inner.y) * dpr,
        width: inner.width * dpr,
        height: inner.height * dpr,
      };
      const s = useVision.getState();
      // A drawing older than STALE_MS no longer matches the picture: it fades so nobody trusts it.
      ctx.globalAlpha = s.frameTime !== null && performance.now() - s.frameTime > STALE_MS ? 0.35 : 1;
      drawOverlay(ctx, view, s.frame, s.monitor, s.show, dpr);
    };
    raf = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(raf);
  }, [media]);
  return <canvas ref={canvas} className="vision-overlay" data-testid="vision-overlay" />;
}

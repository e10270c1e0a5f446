/**
 * Any camera file → the platform's delivery MP4 (issue #7), built on makeDeliveryMp4: this adds the
 * §5.3 scale, the quality options, HDR tone mapping, output checks, and a check that the input was
 * read to its end. The original is only read; the output appears under its name only when complete.
 */
import path from 'node:path';
import type { ConvertResult, HdrReport } from '../../../shared/contract/convert';
import { StudioError } from '../../../shared/errors';
import type { Finding } from '../../../shared/ingest/finding';
import type { ConvertOptions } from '../../../shared/ingest/options';
import { HDR_LUT_MIN_PSNR_DB } from '../../../shared/ingest/options';
import { formatProblems, formatRule } from '../../../shared/ingest/problems';
import { makeFinding } from '../../../shared/rules';
import type { ProbeResult, VideoFacts } from '../../../shared/probe';
import { DELIVERY_FPS } from '../../../shared/standards';
import { BACKGROUND_PRIORITY, makeDeliveryMp4, probeMedia, type FfmpegInfo } from '../ffmpeg';
import { filterSupport, type FilterSupport } from './capabilities';
import { damageFindings, endsEarly, firstMissingOffset, isDamageLine, type DamageLine } from './damage';
import { ensureHdrLut, measureLutPsnr, TONEMAP } from './hdr';
import { isStillImage } from '../keying/frames';
import { breaksOffSentence, readIntegrity, throwIfTruncated, TRUNCATION_HINT } from './integrity';
import { checkOutput } from './output-path';
import { planVideo, type HdrChoice } from './plan';

export interface ConvertProgress {
  progress: number | null;
  etaSeconds: number | null;
  speed: number | null;
  outTimeSec: number;
}

export interface ConvertFileOptions {
  ff: FfmpegInfo;
  input: string;
  output: string;
  options: ConvertOptions;
  /** Where the HDR look-up tables are kept between runs. */
  cacheDir: string;
  /** The input's facts, when just probed by the caller. */
  facts?: ProbeResult;
  signal?: AbortSignal;
  onProgress?: (p: ConvertProgress) => void;
  /** What this ffmpeg can filter, when known (tests pretend a build without zscale). */
  filterSupport?: FilterSupport;
}

/** Seconds of the file the HDR fast path is measured on before it is trusted (§ none: engineering). */
const LUT_SAMPLE_SECONDS = 1;

export async function convertFile(o: ConvertFileOptions): Promise<ConvertResult> {
  const started = performance.now();
  const input = path.resolve(o.input);
  const output = path.resolve(o.output);
  await checkOutput(output, [input]);
  const facts = o.facts ?? (await probeMedia(input, o.ff));
  const v = requireVideo(facts);
  if (isStillImage(facts)) {
    throw new StudioError('bad-argument', `${input}: is a still picture (${facts.video?.codec ?? 'image'}), not a take; there is no video to convert`, {
      hint: 'Convert the camera’s video file; to key a still picture, use "key IMAGE --out OUT.png".',
    });
  }
  // The same integrity test as check (integrity.ts): a file cut short is refused before encoding.
  throwIfTruncated(facts, await readIntegrity(o.ff, facts));

  const hdr = await chooseHdr(o.ff, input, facts, v, o.options, o.cacheDir, o.signal, o.filterSupport);
  const plan = planVideo(v, o.options, hdr.choice);

  const damage: DamageLine[] = [];
  let outTimeSec = 0;
  const checked: { probe?: ProbeResult } = {};
  await makeDeliveryMp4({
    ff: o.ff,
    input,
    output,
    facts,
    preset: o.options.preset,
    crf: o.options.crf,
    videoFilters: plan.filters,
    bt709: true,
    videoFrames: facts.durationSec > 0 ? Math.round(facts.durationSec * (DELIVERY_FPS.num / DELIVERY_FPS.den)) : undefined,
    signal: o.signal,
    priority: BACKGROUND_PRIORITY,
    onStderrLine: (line) => {
      if (isDamageLine(line)) damage.push({ atSec: outTimeSec, line });
    },
    onProgress: (p) => {
      outTimeSec = p.outTimeSec;
      o.onProgress?.({ progress: p.progress, etaSeconds: p.etaSeconds, speed: p.speed ?? null, outTimeSec: p.outTimeSec });
    },
    verify: async (partial) => {
      checked.probe = await probeMedia(partial, o.ff);
      checkComplete(input, facts, checked.probe, damage);
    },
  });
  if (!checked.probe) throw new StudioError('internal', `${output}: written but not checked`);
  const probe = { ...checked.probe, file: output };
  const wallSeconds = (performance.now() - started) / 1000;
  return {
    output,
    probe,
    hdr: hdr.report,
    videoFilter: plan.filters.join(',') || '(none)',
    wallSeconds,
    speed: wallSeconds > 0 ? probe.durationSec / wallSeconds : 0,
    warnings: [...damageFindings(damage), ...untouchedHdr(hdr.report, probe.durationSec), ...leftovers(probe)],
    parts: null,
  };
}

export function requireVideo(facts: ProbeResult): VideoFacts {
  if (!facts.video) {
    throw new StudioError('unreadable-media', `${facts.file}: has no video stream (audio only); it cannot become a delivery video`, {
      hint: 'Convert the video file of this take; merge the sound into it in the camera or editor first.',
    });
  }
  return facts.video;
}

/**
 * Decide how HDR becomes SDR, down the fallback chain:
 *  1. zscale + tonemap present: `exact` runs them on every frame; `auto` builds (once) the 3D LUT
 *     from that chain and measures it on a sample of this file, using it only when at least
 *     HDR_LUT_MIN_PSNR_DB close; `fast` uses the LUT unmeasured.
 *  2. no zscale or tonemap, but lut3d: the same LUT computed from the chain's formulas (hdr-math.ts,
 *     held to the zscale-built LUT by a test): `lut-computed`.
 *  3. neither: colours converted to BT.709 without tone mapping, with a warning: `untouched`.
 */
export async function chooseHdr(
  ff: FfmpegInfo,
  input: string,
  facts: ProbeResult,
  v: VideoFacts,
  options: ConvertOptions,
  cacheDir: string,
  signal?: AbortSignal,
  filters?: FilterSupport,
): Promise<{ choice: HdrChoice; report: HdrReport }> {
  if (v.hdr === 'none') return { choice: { method: 'none' }, report: { method: 'none', transfer: null, psnrDb: null, note: 'SDR input' } };
  const kind = v.hdr;
  const name = kind === 'hlg' ? 'HLG' : 'PQ';
  const can = filters ?? (await filterSupport(ff));
  if (!can.zscale || !can.tonemap) {
    const missing = [!can.zscale && 'zscale', !can.tonemap && 'tonemap'].filter(Boolean).join(' and ');
    if (can.lut3d) {
      const lutFile = await ensureHdrLut(ff, kind, cacheDir, 'computed');
      return {
        choice: { method: 'lut', kind, lutFile },
        report: {
          method: 'lut-computed',
          transfer: kind,
          psnrDb: null,
          note: `${name} → SDR BT.709 with a 3D LUT computed from the zscale + tonemap formulas (this ffmpeg has no ${missing} filter)`,
        },
      };
    }
    return {
      choice: { method: 'untouched', kind },
      report: {
        method: 'untouched',
        transfer: kind,
        psnrDb: null,
        note: `${name} input, but this ffmpeg has no ${missing} and no lut3d filter: colours were converted to BT.709 without tone mapping and will look flat. Use an ffmpeg built with libzimg.`,
      },
    };
  }
  const exactNote = `${name} → SDR BT.709 with zscale + tonemap (${TONEMAP.curve})`;
  const exact = { choice: { method: 'zscale', kind } as HdrChoice, report: { method: 'zscale' as const, transfer: kind, psnrDb: null, note: exactNote } };
  const withNote = (note: string, psnrDb: number | null = null) => ({ ...exact, report: { ...exact.report, psnrDb, note: `${exactNote}; ${note}` } });
  if (options.hdr === 'exact' || !can.lut3d) return exact;

  let lutFile: string;
  try {
    lutFile = await ensureHdrLut(ff, kind, cacheDir, 'zscale-ycc', v.colorSpace);
  } catch (err) {
    return withNote(`the fast path is unavailable (${(err as Error).message})`);
  }
  const lut: HdrChoice = { method: 'lut', kind, lutFile };
  const lutNote = `${name} → SDR BT.709 with the 3D LUT built from zscale + tonemap`;
  if (options.hdr === 'fast') {
    return { choice: lut, report: { method: 'lut', transfer: kind, psnrDb: null, note: `${lutNote} (not measured: fast path chosen)` } };
  }
  if (signal?.aborted) throw new StudioError('cancelled', 'ffmpeg was cancelled');
  const sample = Math.min(LUT_SAMPLE_SECONDS, facts.durationSec || LUT_SAMPLE_SECONDS);
  const start = Math.max(0, facts.durationSec / 2 - sample / 2);
  let psnr: number;
  try {
    psnr = await measureLutPsnr(ff, input, planVideo(v, options, exact.choice).filters, planVideo(v, options, lut).filters, start, sample);
  } catch (err) {
    return withNote(`the fast path could not be measured (${(err as Error).message})`);
  }
  const psnrDb = Number.isFinite(psnr) ? Math.round(psnr * 100) / 100 : 99;
  if (psnrDb >= HDR_LUT_MIN_PSNR_DB) {
    return {
      choice: lut,
      report: { method: 'lut', transfer: kind, psnrDb, note: `${lutNote}: PSNR ${psnrDb} dB against the exact chain on this file (bound ${HDR_LUT_MIN_PSNR_DB} dB)` },
    };
  }
  return withNote(`the fast path measured ${psnrDb} dB, under the ${HDR_LUT_MIN_PSNR_DB} dB bound`, psnrDb);
}

/**
 * Throws when the output is shorter than its input says it should be: the input breaks off. The
 * integrity test (integrity.ts) catches most cut files before encoding; this catches the rest
 * (damage only the decoder sees), in the same words.
 */
export function checkComplete(input: string, facts: ProbeResult, out: ProbeResult, damage: readonly DamageLine[]): void {
  if (!endsEarly(facts.durationSec, out.durationSec, damage.length > 0)) return;
  const evidence = damage.slice(0, 3).map((d) => d.line.replace(/ @ 0x[0-9a-f]+\]/i, ']').trim());
  throw new StudioError(
    'unreadable-media',
    `${input}: ${breaksOffSentence(facts, out.durationSec, firstMissingOffset(damage))}, so no output was kept${evidence.length ? `\n${evidence.join('\n')}` : ''}`,
    { hint: TRUNCATION_HINT },
  );
}

/** Delivery rules converting cannot cure (no audio, an unusual size, landscape) stay as warnings. */
export function leftovers(out: ProbeResult): Finding[] {
  return formatProblems(out).filter((f) => !formatRule(f.rule)?.fixedByConvert);
}

function untouchedHdr(report: HdrReport, durationSec: number): Finding[] {
  if (report.method !== 'untouched') return [];
  return [makeFinding('convert.hdr-untouched', { start: 0, end: Math.max(0, durationSec), values: { note: report.note } })];
}

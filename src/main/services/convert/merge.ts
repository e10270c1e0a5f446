/**
 * §3.2 "recorded separately, but the final submission must be merged into a single video": join
 * files in the given order into one delivery MP4. Every part is re-encoded to one format (the first
 * part's displayed size × the §5.3 ratio; other sizes are fitted and padded), tone-mapped if HDR,
 * timed to whole 25 fps frames, and given 48 kHz stereo sound (silence where a part has none), so
 * each part starts exactly on a frame and its start time can be reported.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { ConvertResult, HdrReport, MergePart } from '../../../shared/contract/convert';
import { StudioError } from '../../../shared/errors';
import type { ConvertOptions } from '../../../shared/ingest/options';
import { scaledSize } from '../../../shared/ingest/options';
import type { ProbeResult } from '../../../shared/probe';
import { DELIVERY_AUDIO, DELIVERY_FPS, DELIVERY_VIDEO } from '../../../shared/standards';
import { BACKGROUND_PRIORITY, probeMedia, runFfmpeg, type FfmpegInfo } from '../ffmpeg';
import { mergeArgs } from '../ffmpeg/recipes';
import { partialPathFor, publishWithoutOverwrite } from '../ffmpeg/partial-file';
import { chooseHdr, leftovers, requireVideo, type ConvertProgress } from './convert';
import { damageFindings, endsEarly, isDamageLine, type DamageLine } from './damage';
import { checkOutput } from './output-path';
import { planVideo, type HdrChoice } from './plan';
import type { Size } from './hdr';

export interface MergeFilesOptions {
  ff: FfmpegInfo;
  inputs: readonly string[];
  output: string;
  options: ConvertOptions;
  cacheDir: string;
  facts?: readonly ProbeResult[];
  signal?: AbortSignal;
  onProgress?: (p: ConvertProgress) => void;
}

const FPS = DELIVERY_FPS.num / DELIVERY_FPS.den;

export interface PartPlan {
  facts: ProbeResult;
  hdr: HdrChoice;
  frames: number;
}

/** Whole frames of a part: its duration at 25 fps, at least one. */
export function partFrames(durationSec: number): number {
  return Math.max(1, Math.round(durationSec * FPS));
}

/** Where each part starts in the merged file, in frames and seconds. */
export function partStarts(parts: readonly { file: string; frames: number }[]): MergePart[] {
  let frame = 0;
  return parts.map((p) => {
    const part = { file: p.file, startFrame: frame, startSec: frame / FPS, frames: p.frames, durationSec: p.frames / FPS };
    frame += p.frames;
    return part;
  });
}

/** The -filter_complex graph: one chain per part, then concat. Labels [v] and [a] are the outputs. */
export function mergeGraph(parts: readonly PartPlan[], options: ConvertOptions, box: Size): { graph: string; audio: boolean } {
  const audio = parts.some((p) => p.facts.audio !== null);
  const rate = `${DELIVERY_FPS.num}/${DELIVERY_FPS.den}`;
  const samplesPerFrame = DELIVERY_AUDIO.sampleRate / FPS;
  const chains: string[] = [];
  const labels: string[] = [];
  parts.forEach((p, i) => {
    const v = requireVideo(p.facts);
    const fitted = planVideo(v, options, p.hdr, box).filters.filter((f) => !f.startsWith('fps='));
    chains.push(
      `[${i}:V:0]` +
        [
          'setpts=PTS-STARTPTS',
          `fps=${rate}`,
          ...fitted,
          `pad=${box.width}:${box.height}:(ow-iw)/2:(oh-ih)/2`,
          'setsar=1',
          `format=${DELIVERY_VIDEO.pixelFormat}`,
          // Hold the last picture if the video ends before the part does, then cut at whole frames.
          'tpad=stop_mode=clone:stop=-1',
          `trim=end_frame=${p.frames}`,
          'setpts=PTS-STARTPTS',
        ].join(',') +
        `[v${i}]`,
    );
    labels.push(`[v${i}]`);
    if (!audio) return;
    const samples = Math.round(p.frames * samplesPerFrame);
    const head = p.facts.audio
      ? `[${i}:a:0]asetpts=PTS-STARTPTS,aresample=${DELIVERY_AUDIO.sampleRate}:async=1:first_pts=0,`
      : `anullsrc=r=${DELIVERY_AUDIO.sampleRate}:cl=stereo,`;
    chains.push(`${head}aformat=sample_fmts=fltp:sample_rates=${DELIVERY_AUDIO.sampleRate}:channel_layouts=stereo,apad,atrim=end_sample=${samples},asetpts=PTS-STARTPTS[a${i}]`);
    labels.push(`[a${i}]`);
  });
  chains.push(`${labels.join('')}concat=n=${parts.length}:v=1:a=${audio ? 1 : 0}[v]${audio ? '[a]' : ''}`);
  return { graph: chains.join(';'), audio };
}

export async function mergeFiles(o: MergeFilesOptions): Promise<ConvertResult> {
  const started = performance.now();
  if (o.inputs.length < 2) throw new StudioError('bad-argument', 'merging needs at least two files');
  const inputs = o.inputs.map((i) => path.resolve(i));
  const output = path.resolve(o.output);
  await checkOutput(output, inputs);

  const facts = o.facts ?? [];
  const parts: PartPlan[] = [];
  const reports: HdrReport[] = [];
  for (const [i, input] of inputs.entries()) {
    const f = facts[i] ?? (await probeMedia(input, o.ff));
    const v = requireVideo(f);
    const hdr = await chooseHdr(o.ff, input, f, v, o.options, o.cacheDir, o.signal);
    parts.push({ facts: f, hdr: hdr.choice, frames: partFrames(f.durationSec) });
    reports.push(hdr.report);
  }
  const first = requireVideo(parts[0]!.facts);
  const box = scaledSize(first.displayWidth, first.displayHeight, o.options.scale);
  const { graph, audio } = mergeGraph(parts, o.options, box);
  const starts = partStarts(parts.map((p, i) => ({ file: inputs[i]!, frames: p.frames })));
  const totalSec = starts.reduce((s, p) => s + p.durationSec, 0);

  const partial = partialPathFor(output);
  const damage: DamageLine[] = [];
  let outTimeSec = 0;
  const args = mergeArgs({ inputs, graph, audio, output: partial, encode: { preset: o.options.preset, crf: o.options.crf, ffmpegVersion: o.ff.version, bt709: true } });
  let probe: ProbeResult;
  try {
    await runFfmpeg(o.ff, args, {
      durationSec: totalSec,
      signal: o.signal,
      priority: BACKGROUND_PRIORITY,
      onStderrLine: (line) => {
        if (isDamageLine(line)) damage.push({ atSec: outTimeSec, line });
      },
      onProgress: (p) => {
        outTimeSec = p.outTimeSec;
        o.onProgress?.({ progress: p.progress, etaSeconds: p.etaSeconds, speed: p.speed, outTimeSec: p.outTimeSec });
      },
    });
    probe = await probeMedia(partial, o.ff);
    if (endsEarly(totalSec, probe.durationSec, damage.length > 0)) {
      throw new StudioError(
        'unreadable-media',
        `the merged video ends at ${probe.durationSec.toFixed(2)} s instead of ${totalSec.toFixed(2)} s: a part is truncated or damaged, so no output was kept${damage.length ? `\n${damage.slice(0, 3).map((d) => d.line.trim()).join('\n')}` : ''}`,
        { hint: 'Convert the parts one by one to see which one breaks off.' },
      );
    }
    await publishWithoutOverwrite(partial, output);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  const wallSeconds = (performance.now() - started) / 1000;
  const finalProbe = { ...probe, file: output };
  return {
    output,
    probe: finalProbe,
    hdr: summarizeHdr(reports),
    videoFilter: graph,
    wallSeconds,
    speed: wallSeconds > 0 ? finalProbe.durationSec / wallSeconds : 0,
    warnings: [...damageFindings(damage), ...leftovers(finalProbe)],
    parts: starts,
  };
}

/** One HDR line for the merged file: the method of its HDR parts, or none. */
function summarizeHdr(reports: readonly HdrReport[]): HdrReport {
  const hdr = reports.filter((r) => r.method !== 'none');
  if (hdr.length === 0) return { method: 'none', transfer: null, psnrDb: null, note: 'SDR parts' };
  const first = hdr[0]!;
  const psnrs = hdr.map((r) => r.psnrDb).filter((p): p is number => p !== null);
  return {
    method: first.method,
    transfer: first.transfer,
    psnrDb: psnrs.length ? Math.min(...psnrs) : null,
    note: hdr
      .slice(0, 5)
      .map((r) => `part ${reports.indexOf(r) + 1}: ${r.note}`)
      .join('; '),
  };
}

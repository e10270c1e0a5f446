/**
 * Ingest and transcode (issue #7). On a 10-s 1080×1920 HEVC MOV made here with ffmpeg:
 *  - our convert's wall time ÷ bare ffmpeg's with the same arguments, and × real time, per preset;
 *  - HDR → SDR on a 10-bit HLG version of it: the exact zscale + tonemap chain against the 3D LUT
 *    built from it, as filter throughput and as whole conversions (× real time), and the LUT's
 *    quality against the exact chain on real frames: PSNR (ffmpeg) and ΔE2000 (mean, p95, max).
 * Numbers to report, never pass/fail. Runs alternate ours/bare and keep the best of each, since the
 * machine is shared.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convertFile } from '../src/main/services/convert';
import { deltaEStats } from '../src/main/services/convert/delta-e';
import { ensureHdrLut, parsePsnrAverage } from '../src/main/services/convert/hdr';
import { planVideo, type HdrChoice } from '../src/main/services/convert/plan';
import { locateFfmpeg, makeDeliveryMp4, probeMedia, type FfmpegInfo } from '../src/main/services/ffmpeg';
import { deliveryArgs } from '../src/main/services/ffmpeg/deliver-args';
import { ConvertOptionsSchema, type X264Preset } from '../src/shared/ingest/options';
import { DELIVERY_FPS } from '../src/shared/standards';
import { ffmpeg, mediaDir, tempDir, timed, type BenchEntry } from './lib';

const SECONDS = 10;
const PRESETS: X264Preset[] = ['ultrafast', 'veryfast', 'medium'];
const ROUNDS = 3;

/**
 * CPU seconds used by finished child processes (ffmpeg, ffprobe) so far: Linux /proc, else NaN.
 * The machine is shared, so wall time moves with other people's load; CPU time does not.
 */
function childCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

async function measured<T>(fn: () => Promise<T> | T): Promise<{ wall: number; cpu: number; value: T }> {
  const c = childCpuSeconds();
  const t = performance.now();
  const value = await fn();
  return { wall: (performance.now() - t) / 1000, cpu: childCpuSeconds() - c, value };
}

const best = (xs: number[]) => Math.min(...xs);

function makeSources(dir: string): { sdr: string; hlg: string } {
  const common = ['-i', path.join(mediaDir, 'driving-d13.mp4'), '-i', path.join(mediaDir, 'audio/jfk.wav'), '-t', String(SECONDS), '-map', '0:v', '-map', '1:a'];
  // iPhone-like bit rates (≈8 Mbit/s), so decoding costs what it does on real footage.
  const x265 = (extra: string) => ['-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', `log-level=error:bitrate=8000:vbv-maxrate=10000:vbv-bufsize=10000${extra}`, '-tag:v', 'hvc1'];
  const sdr = path.join(dir, 'iphone sdr 1080x1920.mov');
  ffmpeg([...common, '-vf', 'scale=1080:1920:flags=bicubic,format=yuv420p', ...x265(''), '-c:a', 'aac', '-ar', '44100', '-f', 'mov', sdr]);
  const hlg = path.join(dir, 'iphone hlg 1080x1920.mov');
  ffmpeg([
    ...common,
    '-vf', 'scale=1080:1920:flags=bicubic,zscale=tin=bt709:min=bt709:pin=bt709:t=arib-std-b67:m=bt2020nc:p=bt2020:npl=100,format=yuv420p10le',
    ...x265(':colorprim=bt2020:transfer=arib-std-b67:colormatrix=bt2020nc'),
    '-color_primaries', 'bt2020', '-color_trc', 'arib-std-b67', '-colorspace', 'bt2020nc',
    '-c:a', 'aac', '-ar', '44100', '-f', 'mov', hlg,
  ]);
  return { sdr, hlg };
}

/** ffmpeg itself with the arguments convertFile gives it (minus the progress pipe it reads). */
async function bareArgs(ff: FfmpegInfo, input: string, output: string, preset: X264Preset, hdr: HdrChoice): Promise<string[]> {
  const facts = await probeMedia(input, ff);
  const options = ConvertOptionsSchema.parse({ preset });
  return [
    '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error',
    ...deliveryArgs({
      input,
      output,
      preset,
      ffmpegVersion: ff.version,
      crf: options.crf,
      videoFilters: planVideo(facts.video!, options, hdr).filters,
      bt709: true,
      videoFrames: Math.round(facts.durationSec * (DELIVERY_FPS.num / DELIVERY_FPS.den)),
    }),
  ];
}

function runBare(ff: FfmpegInfo, args: string[]): number {
  const t = performance.now();
  execFileSync(ff.ffmpegPath, args, { stdio: 'ignore' });
  return performance.now() - t;
}

/** Filter throughput alone: decode + chain, no encode. */
function filterSeconds(ff: FfmpegInfo, input: string, filters: string[]): number {
  const t = performance.now();
  execFileSync(ff.ffmpegPath, ['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', input, '-an', '-vf', filters.join(','), '-f', 'null', '-'], { stdio: 'ignore' });
  return (performance.now() - t) / 1000;
}

/** Both chains on the same frames: PSNR over `seconds`, and ΔE2000 on `frames` frames as rgb24. */
function quality(ff: FfmpegInfo, input: string, exact: string[], lut: string[], width: number, height: number) {
  const graph = `[0:v]split[a][b];[a]${exact.join(',')}[x];[b]${lut.join(',')}[y];[x][y]psnr`;
  const run = spawnSync(ff.ffmpegPath, ['-hide_banner', '-nostdin', '-ss', '3', '-t', '4', '-i', input, '-an', '-filter_complex', graph, '-f', 'null', '-'], { encoding: 'utf8' });
  const psnr = parsePsnrAverage(run.stderr) ?? NaN;
  const frames = 4;
  const rgb = (chain: string[]) =>
    execFileSync(
      ff.ffmpegPath,
      ['-hide_banner', '-nostdin', '-loglevel', 'error', '-ss', '2', '-i', input, '-an', '-vf', `${chain.join(',')},select='not(mod(n,25))',scale=in_color_matrix=bt709:in_range=tv:out_range=pc,format=rgb24`, '-fps_mode', 'passthrough', '-frames:v', String(frames), '-f', 'rawvideo', '-'],
      { maxBuffer: 1 << 30 },
    );
  const a = rgb(exact);
  const b = rgb(lut);
  const de = deltaEStats(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), new Uint8Array(b.buffer, b.byteOffset, b.byteLength), 3);
  return { psnr, de, pixels: de.pixels, frames: a.byteLength / (width * height * 3) };
}

export async function benchTranscode(): Promise<BenchEntry[]> {
  const ff = await locateFfmpeg();
  const dir = tempDir('transcode');
  const cacheDir = path.join(dir, 'cache');
  const entries: BenchEntry[] = [];
  process.stderr.write('  making the 10-s 1080×1920 HEVC sources…\n');
  const { sdr, hlg } = makeSources(dir);
  const out = (name: string) => {
    const f = path.join(dir, name);
    rmSync(f, { force: true });
    return f;
  };

  const sdrFacts = await probeMedia(sdr, ff);
  // The SDR encode of the same picture with the same preset: the limit HDR is held to (issue #15: ≤ 1.25×).
  const sdrBest = new Map<X264Preset, { wall: number; cpu: number }>();
  const load = os.loadavg()[0]?.toFixed(1) ?? '?';
  for (const preset of PRESETS) {
    const ours: { wall: number; cpu: number }[] = [];
    const wrapper: { wall: number; cpu: number }[] = [];
    const bare: { wall: number; cpu: number }[] = [];
    const options = ConvertOptionsSchema.parse({ preset });
    const args = await bareArgs(ff, sdr, path.join(dir, 'bare.mp4'), preset, { method: 'none' });
    for (let round = 0; round < ROUNDS; round++) {
      out('bare.mp4');
      bare.push(await measured(() => runBare(ff, args)));
      ours.push(await measured(() => convertFile({ ff, input: sdr, output: out('ours.mp4'), options, cacheDir })));
      // The same ffmpeg run inside our wrapper (progress pipe, temp name, publish), without probes.
      const wrapped = () =>
        makeDeliveryMp4({
          ff,
          input: sdr,
          output: out('wrapped.mp4'),
          facts: sdrFacts,
          preset,
          crf: options.crf,
          videoFilters: planVideo(sdrFacts.video!, options, { method: 'none' }).filters,
          bt709: true,
          videoFrames: Math.round(sdrFacts.durationSec * (DELIVERY_FPS.num / DELIVERY_FPS.den)),
        });
      wrapper.push(await measured(wrapped));
    }
    const o = best(ours.map((r) => r.wall));
    const w = best(wrapper.map((r) => r.wall));
    const b = best(bare.map((r) => r.wall));
    const oc = best(ours.map((r) => r.cpu));
    sdrBest.set(preset, { wall: o, cpu: oc });
    const bc = best(bare.map((r) => r.cpu));
    entries.push({ name: `sdr.${preset}.ratio`, value: o / b, unit: 'ours ÷ bare ffmpeg (wall)', note: `convertFile end to end, best of ${ROUNDS}: ${o.toFixed(2)} s vs ${b.toFixed(2)} s (target ≤ 1.05; load ${load})` });
    entries.push({ name: `sdr.${preset}.cpu-ratio`, value: oc / bc, unit: 'ours ÷ bare ffmpeg (CPU)', note: `${oc.toFixed(2)} vs ${bc.toFixed(2)} CPU s; immune to other people's load` });
    entries.push({ name: `sdr.${preset}.wrapper-ratio`, value: w / b, unit: 'ours ÷ bare ffmpeg (wall)', note: `the ffmpeg run in our wrapper, no probes: ${w.toFixed(2)} s` });
    entries.push({ name: `sdr.${preset}.realtime`, value: SECONDS / o, unit: '× real time (wall)', note: 'HEVC MOV → delivery MP4, ours end to end' });
    entries.push({ name: `sdr.${preset}.realtime-2cores`, value: SECONDS / (oc / 2), unit: '× real time (CPU ÷ 2 cores)', note: 'what an idle 2-core machine would give at best' });
  }

  // HDR → SDR.
  const facts = await probeMedia(hlg, ff);
  const v = facts.video!;
  const options = ConvertOptionsSchema.parse({ preset: 'veryfast' });
  // The auto path's LUT (Y'CbCr, no matrix conversions); the R'G'B' one (swscale around it, the
  // fast path before round 3 and the no-zscale fallback's chain) is measured for quality beside it.
  const lutFile = await ensureHdrLut(ff, 'hlg', cacheDir, 'zscale-ycc', v.colorSpace);
  const buildMs = (await timed(async () => ensureHdrLut(ff, 'hlg', path.join(dir, 'cache-cold'), 'zscale-ycc', v.colorSpace))).ms;
  const rgbLut = planVideo(v, options, { method: 'lut', kind: 'hlg', lutFile: await ensureHdrLut(ff, 'hlg', cacheDir, 'zscale') }).filters;
  const exact = planVideo(v, options, { method: 'zscale', kind: 'hlg' }).filters;
  const lut = planVideo(v, options, { method: 'lut', kind: 'hlg', lutFile }).filters;
  const fxs = [await measured(() => filterSeconds(ff, hlg, exact)), await measured(() => filterSeconds(ff, hlg, exact))];
  const fls = [await measured(() => filterSeconds(ff, hlg, lut)), await measured(() => filterSeconds(ff, hlg, lut))];
  const fx = best(fxs.map((r) => r.wall));
  const fl = best(fls.map((r) => r.wall));
  const fxc = best(fxs.map((r) => r.cpu));
  const flc = best(fls.map((r) => r.cpu));
  entries.push({ name: 'hdr.zscale.filter', value: SECONDS / fx, unit: '× real time (wall)', note: `decode + zscale/tonemap chain, no encode (${fx.toFixed(2)} s; load ${os.loadavg()[0]?.toFixed(1)})` });
  entries.push({ name: 'hdr.zscale.filter-2cores', value: SECONDS / (fxc / 2), unit: '× real time (CPU ÷ 2 cores)', note: `${fxc.toFixed(2)} CPU s; zscale runs on one thread in ffmpeg 5.1, so this overstates it` });
  entries.push({ name: 'hdr.lut.filter', value: SECONDS / fl, unit: '× real time (wall)', note: `decode + 3D LUT chain, no encode (${fl.toFixed(2)} s; target ≥ 1.5)` });
  entries.push({ name: 'hdr.lut.filter-2cores', value: SECONDS / (flc / 2), unit: '× real time (CPU ÷ 2 cores)', note: `${flc.toFixed(2)} CPU s` });
  entries.push({ name: 'hdr.lut.build', value: buildMs, unit: 'ms', note: 'once per transfer and ffmpeg; cached' });
  for (const preset of ['ultrafast', 'veryfast'] as const) {
    for (const hdr of ['exact', 'auto'] as const) {
      const o = ConvertOptionsSchema.parse({ preset, hdr });
      const r = await measured(() => convertFile({ ff, input: hlg, output: out(`hdr-${hdr}.mp4`), options: o, cacheDir }));
      const sdrRun = sdrBest.get(preset);
      if (sdrRun) {
        entries.push({
          name: `hdr.${hdr === 'exact' ? 'zscale' : r.value.hdr.method}.${preset}.vs-sdr`,
          value: r.wall / sdrRun.wall,
          unit: '× the SDR conversion of the same picture (wall)',
          note: `${r.wall.toFixed(2)} s vs ${sdrRun.wall.toFixed(2)} s; CPU ${(r.cpu / sdrRun.cpu).toFixed(2)}× (${r.cpu.toFixed(1)} vs ${sdrRun.cpu.toFixed(1)} CPU s); goal ≤ 1.25; load ${os.loadavg()[0]?.toFixed(1)}`,
        });
      }
      entries.push({
        name: `hdr.${hdr === 'exact' ? 'zscale' : r.value.hdr.method}.${preset}.convert`,
        value: SECONDS / r.wall,
        unit: '× real time (wall)',
        note: `whole conversion${hdr === 'auto' ? ` incl. the 1-s quality gate (${r.value.hdr.psnrDb} dB)` : ''}; ${r.cpu.toFixed(1)} CPU s → ${(SECONDS / (r.cpu / 2)).toFixed(2)}× on 2 idle cores`,
      });
    }
  }
  const q = quality(ff, hlg, exact, lut, v.displayWidth, v.displayHeight);
  entries.push({ name: 'hdr.lut.psnr', value: q.psnr, unit: 'dB', note: 'LUT vs exact chain, 4 s of real frames, before encoding' });
  entries.push({ name: 'hdr.lut.deltaE.mean', value: q.de.mean, unit: 'ΔE2000', note: `${q.frames} frames, ${q.pixels} pixels sampled` });
  entries.push({ name: 'hdr.lut.deltaE.p95', value: q.de.p95, unit: 'ΔE2000' });
  entries.push({ name: 'hdr.lut.deltaE.max', value: q.de.max, unit: 'ΔE2000', note: '1.0 is a just-noticeable difference' });
  const qr = quality(ff, hlg, exact, rgbLut, v.displayWidth, v.displayHeight);
  entries.push({ name: 'hdr.lut-rgb.psnr', value: qr.psnr, unit: 'dB', note: "the R'G'B' LUT between swscale conversions, same frames" });
  entries.push({ name: 'hdr.lut-rgb.deltaE.mean', value: qr.de.mean, unit: 'ΔE2000' });
  entries.push({ name: 'hdr.lut-rgb.deltaE.p95', value: qr.de.p95, unit: 'ΔE2000' });
  entries.push({ name: 'hdr.lut-rgb.deltaE.max', value: qr.de.max, unit: 'ΔE2000' });
  rmSync(dir, { recursive: true, force: true });
  return entries;
}

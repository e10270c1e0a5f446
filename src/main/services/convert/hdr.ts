/**
 * HDR (HLG or PQ, §1.2.3) to SDR BT.709. The exact path is zscale + tonemap on every frame; the
 * fast path is a 3D LUT built once by running that very chain over an identity lattice of colours.
 * With zscale (the usual case) the LUT maps the input's Y'CbCr straight to BT.709 Y'CbCr, so a
 * frame needs only a chroma upsample, the lookup and a chroma downsample (no matrix conversion);
 * the R'G'B' LUT between two swscale matrix conversions is what an ffmpeg without zscale gets.
 * The filter strings are pure functions; building the LUT and measuring it run ffmpeg.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { DELIVERY_VIDEO } from '../../../shared/standards';
import { StudioError } from '../../../shared/errors';
import type { FfmpegInfo } from '../ffmpeg';
import { execTool } from '../ffmpeg/exec';
import { parseStderrTail } from '../ffmpeg/progress';
import { lutLatticeArgs, psnrCompareArgs } from '../ffmpeg/recipes';
import { escapeFilterValue } from './filter-escape';
import { computedCube, TONEMAP, type HdrKind } from './hdr-math';

export { TONEMAP, type HdrKind };

/** Lattice points per axis of the R'G'B' 3D LUT: 33 is the common size; 65 measured no better here. */
export const LUT_SIZE = 33;
/**
 * Lattice points per axis of the Y'CbCr LUT. Natural chroma fills only a slice of the Cb/Cr axes
 * (and limited range 86 % of each), so 33 points left the largest errors above the R'G'B' LUT's
 * (ΔE2000 max 5.5 vs 4.6); 65 gives PSNR 57.3 dB, ΔE00 mean 0.23 / p95 1.33 / max 4.50 against the
 * exact chain (R'G'B' 33³: 53.8 dB, 0.65 / 1.91 / 4.56) at the same CPU (12-s 1080×1920 HLG, 26 Nov 2026).
 */
export const YCC_LUT_SIZE = 65;

const TRANSFER: Record<HdrKind, string> = { hlg: 'arib-std-b67', pq: 'smpte2084' };
const BT709 = DELIVERY_VIDEO.colour;

export interface Size {
  width: number;
  height: number;
}

/** zscale's name for the input matrix; HDR video is BT.2020 non-constant luminance in practice. */
function inputMatrix(colorSpace: string | null): string {
  return colorSpace === 'bt2020c' ? 'bt2020c' : 'bt2020nc';
}

function toneMap(): string {
  return `tonemap=tonemap=${TONEMAP.curve}:desat=${TONEMAP.desat}:peak=${TONEMAP.peak}`;
}

/** The exact chain: YUV → linear BT.2020 → BT.709 primaries → tone curve → BT.709 YUV 4:2:0. */
export function exactToneMapChain(kind: HdrKind, colorSpace: string | null, size?: Size): string[] {
  const resize = size ? `w=${size.width}:h=${size.height}:f=bicubic:` : '';
  return [
    `zscale=${resize}tin=${TRANSFER[kind]}:min=${inputMatrix(colorSpace)}:pin=bt2020:rin=limited:t=linear:npl=${TONEMAP.npl}:p=bt2020`,
    'format=gbrpf32le',
    `zscale=p=${BT709}`,
    toneMap(),
    `zscale=t=${BT709}:m=${BT709}:r=limited`,
    `format=${DELIVERY_VIDEO.pixelFormat}`,
  ];
}

/** Where a LUT file's lattice lives: R'G'B' (swscale around it) or the video's own Y'CbCr. */
export type LutSource = 'zscale' | 'computed' | 'zscale-ycc';
const YCC_SUFFIX = '.ycc.cube';

export function isYccLut(lutFile: string): boolean {
  return lutFile.endsWith(YCC_SUFFIX);
}

/**
 * The fast chain. A Y'CbCr LUT (isYccLut): zscale upsamples the chroma to 4:4:4 16-bit (resizing
 * on the way, as the exact chain does), mergeplanes hands the Y, Cb, Cr planes to lut3d as G, B, R
 * (a plane copy, no arithmetic), the LUT gives BT.709 Y'CbCr, and zscale takes the chroma back to
 * 4:2:0 8-bit with the input's chroma siting — the steps the exact chain's zscale does, minus two
 * matrix conversions (measured: 23.7 vs 26.1 CPU ms a 1080×1920 frame; quality at YCC_LUT_SIZE). An R'G'B' LUT: swscale to 16-bit R'G'B', the LUT, swscale to BT.709 YUV.
 */
export function lutToneMapChain(lutFile: string, colorSpace: string | null, size?: Size): string[] {
  if (isYccLut(lutFile)) return yccLutChain(lutFile, size);
  const dims = size ? `${size.width}:${size.height}:` : '';
  // swscale knows one BT.2020 matrix (non-constant luminance), which is what cameras record.
  void colorSpace;
  return [
    `scale=${dims}in_color_matrix=bt2020:in_range=tv:out_range=pc`,
    'format=gbrp16le',
    `lut3d=file=${escapeFilterValue(lutFile)}:interp=tetrahedral`,
    `scale=out_color_matrix=${BT709}:out_range=tv`,
    `format=${DELIVERY_VIDEO.pixelFormat}`,
  ];
}

/** Y → G, Cb → B, Cr → R and back: planes 0, 1, 2 of one input to planes 0, 1, 2 of the output. */
function samePlanes(format: string): string {
  return `mergeplanes=map0s=0:map0p=0:map1s=0:map1p=1:map2s=0:map2p=2:format=${format}`;
}

function yccLutChain(lutFile: string, size?: Size): string[] {
  const resize = size ? `w=${size.width}:h=${size.height}:f=bicubic` : 'f=bicubic';
  return [
    `zscale=${resize}`,
    'format=yuv444p16le',
    samePlanes('gbrp16le'),
    `lut3d=file=${escapeFilterValue(lutFile)}:interp=tetrahedral`,
    samePlanes('yuv444p16le'),
    // The planes now hold BT.709 SDR limited-range values: say so, so the last zscale only resamples.
    `setparams=range=tv:color_primaries=${BT709}:color_trc=${BT709}:colorspace=${BT709}`,
    'zscale=f=bicubic',
    `format=${DELIVERY_VIDEO.pixelFormat}`,
  ];
}

/**
 * The exact chain from 16-bit 4:4:4 Y'CbCr of the input (limited range, as the exact chain reads
 * it) to BT.709 Y'CbCr, as run over the identity lattice to build the Y'CbCr LUT.
 */
export function yccLutBuildChain(kind: HdrKind, colorSpace: string | null): string {
  return [
    `zscale=tin=${TRANSFER[kind]}:min=${inputMatrix(colorSpace)}:pin=bt2020:rin=limited:t=linear:npl=${TONEMAP.npl}:p=bt2020`,
    'format=gbrpf32le',
    `zscale=p=${BT709}`,
    toneMap(),
    `zscale=t=${BT709}:m=${BT709}:r=limited`,
    'format=yuv444p16le',
  ].join(',');
}

/** The exact chain in the R'G'B' domain, as run over the identity lattice to build the LUT. */
export function lutBuildChain(kind: HdrKind): string {
  return [
    `zscale=tin=${TRANSFER[kind]}:min=gbr:pin=bt2020:rin=full:t=linear:npl=${TONEMAP.npl}:p=bt2020`,
    'format=gbrpf32le',
    `zscale=p=${BT709}`,
    toneMap(),
    `zscale=t=${BT709}:r=full`,
    'format=gbrpf32le',
  ].join(',');
}

/**
 * The identity lattice as one planar float frame (gbrpf32le): N² × N pixels, red varying fastest,
 * then green, then blue — the order of a .cube file's lines.
 */
export function identityLattice(n: number): Buffer {
  const w = n * n;
  const count = w * n;
  const g = new Float32Array(count);
  const b = new Float32Array(count);
  const r = new Float32Array(count);
  for (let bi = 0; bi < n; bi++) {
    for (let gi = 0; gi < n; gi++) {
      for (let ri = 0; ri < n; ri++) {
        const i = bi * w + gi * n + ri;
        r[i] = ri / (n - 1);
        g[i] = gi / (n - 1);
        b[i] = bi / (n - 1);
      }
    }
  }
  return Buffer.concat([g, b, r].map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)));
}

/**
 * The identity lattice as 16-bit planar 4:4:4 Y'CbCr (yuv444p16le), N² × N pixels in .cube order
 * with the axes lut3d will see after samePlanes(): red = Cr, green = Y, blue = Cb. A lattice point
 * k/(N−1) is the 16-bit code nearest k/(N−1) × 65535 (off by ≤ 1/131070 of full scale).
 */
export function identityYccLattice(n: number): Buffer {
  const w = n * n;
  const count = w * n;
  const y = new Uint16Array(count);
  const cb = new Uint16Array(count);
  const cr = new Uint16Array(count);
  const code = (k: number) => Math.round((k / (n - 1)) * 65535);
  for (let bi = 0; bi < n; bi++) {
    for (let gi = 0; gi < n; gi++) {
      for (let ri = 0; ri < n; ri++) {
        const i = bi * w + gi * n + ri;
        cr[i] = code(ri);
        y[i] = code(gi);
        cb[i] = code(bi);
      }
    }
  }
  return Buffer.concat([y, cb, cr].map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)));
}

/** The transformed Y'CbCr lattice (yuv444p16le, as identityYccLattice) → .cube text (R = Cr, G = Y, B = Cb). */
export function yccLatticeToCube(frame: Buffer, n: number, title: string): string {
  const count = n * n * n;
  if (frame.byteLength !== count * 3 * 2) {
    throw new Error(`expected ${count * 6} bytes of lattice, got ${frame.byteLength}`);
  }
  const v = new Uint16Array(frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength));
  const c = (x: number | undefined) => ((x ?? 0) / 65535).toFixed(6);
  const lines = [`TITLE "${title}"`, `LUT_3D_SIZE ${n}`, 'DOMAIN_MIN 0 0 0', 'DOMAIN_MAX 1 1 1'];
  for (let i = 0; i < count; i++) lines.push(`${c(v[2 * count + i])} ${c(v[i])} ${c(v[count + i])}`);
  return `${lines.join('\n')}\n`;
}

/** The transformed lattice (gbrpf32le, as identityLattice) → .cube text, clamped to 0–1. */
export function latticeToCube(frame: Buffer, n: number, title: string): string {
  const count = n * n * n;
  if (frame.byteLength !== count * 3 * 4) {
    throw new Error(`expected ${count * 12} bytes of lattice, got ${frame.byteLength}`);
  }
  const f = new Float32Array(frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength));
  const c = (v: number | undefined) => Math.min(1, Math.max(0, v ?? 0)).toFixed(6);
  const lines = [`TITLE "${title}"`, `LUT_3D_SIZE ${n}`, 'DOMAIN_MIN 0 0 0', 'DOMAIN_MAX 1 1 1'];
  for (let i = 0; i < count; i++) lines.push(`${c(f[2 * count + i])} ${c(f[i])} ${c(f[count + i])}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The LUT file for this transfer, made on first use and kept in cacheDir: `zscale` runs the exact
 * chain over an R'G'B' identity lattice; `computed` evaluates the same formulas in hdr-math.ts (for
 * an ffmpeg without zscale); `zscale-ycc` runs the exact chain over a Y'CbCr lattice of the input's
 * matrix (`colorSpace`), for the chain without matrix conversions. The name carries a hash of the
 * recipe and the ffmpeg version, so a changed recipe or ffmpeg makes a new one.
 */
export async function ensureHdrLut(ff: FfmpegInfo, kind: HdrKind, cacheDir: string, source: LutSource = 'zscale', colorSpace: string | null = null): Promise<string> {
  const ycc = source === 'zscale-ycc';
  const chain = ycc ? yccLutBuildChain(kind, colorSpace) : lutBuildChain(kind);
  const n = ycc ? YCC_LUT_SIZE : LUT_SIZE;
  const key = createHash('sha256').update(`${source}|${chain}|${n}|${ff.version}`).digest('hex').slice(0, 12);
  const file = path.join(cacheDir, `hdr-${kind}-${n}-${source}-${key}${ycc ? YCC_SUFFIX : '.cube'}`);
  if ((await stat(file).catch(() => null))?.isFile()) return file;

  await mkdir(cacheDir, { recursive: true });
  const title = `Capture Studio ${kind.toUpperCase()} to BT.709 SDR (${source}: ${chain})`;
  let text: string;
  if (source === 'computed') {
    text = computedCube(kind, n, title);
  } else if (ycc) {
    const out = await runRaw(ff, lutLatticeArgs({ size: n, chain, pixFmt: 'yuv444p16le' }), identityYccLattice(n));
    text = yccLatticeToCube(out, n, title);
  } else {
    const out = await runRaw(ff, lutLatticeArgs({ size: n, chain }), identityLattice(n));
    text = latticeToCube(out, n, title);
  }
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return file;
}

/** Run ffmpeg with bytes on stdin and collect stdout (the LUT lattice: 0.4–1.6 MB each way). */
function runRaw(ff: FfmpegInfo, args: string[], input: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(ff.ffmpegPath, args, { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.once('error', reject);
    child.stdin.on('error', () => {});
    child.stdin.end(input);
    child.once('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else {
        const tail = parseStderrTail(Buffer.concat(err).toString('utf8').split('\n'), 4);
        reject(new StudioError('ffmpeg-failed', `the HDR look-up table could not be built: ${tail || `exit ${code}`}`));
      }
    });
  });
}

/**
 * PSNR (dB, mean of Y, U, V) of the LUT chain against the exact chain on `seconds` of the file from
 * `startSec`: real frames, the same size, before encoding. Identical pictures give Infinity.
 */
export async function measureLutPsnr(
  ff: FfmpegInfo,
  input: string,
  exact: readonly string[],
  lut: readonly string[],
  startSec: number,
  seconds: number,
): Promise<number> {
  const out = await execTool(ff.ffmpegPath, psnrCompareArgs({ input, a: exact, b: lut, startSec, seconds }));
  const psnr = parsePsnrAverage(out.stderr);
  if (out.code !== 0 || psnr === null) {
    const tail = parseStderrTail(out.stderr.split('\n'), 4);
    throw new StudioError('ffmpeg-failed', `the HDR fast path could not be measured: ${tail || `exit ${out.code}`}`);
  }
  return psnr;
}

/** "… PSNR y:54.0 u:53.6 v:53.5 average:53.86 min:53.66 max:53.91" → 53.86 (inf → Infinity). */
export function parsePsnrAverage(stderr: string): number | null {
  const m = /PSNR y:\S+ u:\S+ v:\S+ average:(inf|[\d.]+)/.exec(stderr);
  if (!m?.[1]) return null;
  return m[1] === 'inf' ? Infinity : Number(m[1]);
}

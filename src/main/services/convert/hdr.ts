/**
 * HDR (HLG or PQ, §1.2.3) to SDR BT.709. The exact path is zscale + tonemap on every frame; the
 * fast path is a 3D LUT built once by running that very chain over an identity lattice of colours,
 * applied with lut3d between two cheap swscale matrix conversions. The filter strings are pure
 * functions; building the LUT and measuring it against the exact chain run ffmpeg.
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

/** Lattice points per axis of the 3D LUT: 33 is the common size; 65 measured no better here. */
export const LUT_SIZE = 33;

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

/** The fast chain: swscale to 16-bit R'G'B' (resizing on the way), the LUT, swscale to BT.709 YUV. */
export function lutToneMapChain(lutFile: string, colorSpace: string | null, size?: Size): string[] {
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
 * chain over the identity lattice; `computed` evaluates the same formulas in hdr-math.ts (for an
 * ffmpeg without zscale). The name carries a hash of the recipe and the ffmpeg version, so a
 * changed recipe or ffmpeg makes a new one.
 */
export async function ensureHdrLut(ff: FfmpegInfo, kind: HdrKind, cacheDir: string, source: 'zscale' | 'computed' = 'zscale'): Promise<string> {
  const chain = lutBuildChain(kind);
  const key = createHash('sha256').update(`${source}|${chain}|${LUT_SIZE}|${ff.version}`).digest('hex').slice(0, 12);
  const file = path.join(cacheDir, `hdr-${kind}-${LUT_SIZE}-${source}-${key}.cube`);
  if ((await stat(file).catch(() => null))?.isFile()) return file;

  await mkdir(cacheDir, { recursive: true });
  const n = LUT_SIZE;
  const title = `Capture Studio ${kind.toUpperCase()} to BT.709 SDR (${source}: ${chain})`;
  let text: string;
  if (source === 'computed') {
    text = computedCube(kind, n, title);
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

/** Run ffmpeg with bytes on stdin and collect stdout (the LUT lattice is 430 KB each way). */
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

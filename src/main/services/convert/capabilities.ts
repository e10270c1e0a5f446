/**
 * What this ffmpeg build can do for conversion: the HDR filters (zscale, tonemap, lut3d) and the
 * hardware H.264 encoders it lists. A listed hardware encoder counts only after a one-frame test
 * encode works on this machine (a build may list NVENC without an NVIDIA GPU). Cached per binary.
 */
import type { FfmpegInfo } from '../ffmpeg';
import { execTool } from '../ffmpeg/exec';
import { ENCODER_LIST_ARGS, FILTER_LIST_ARGS, testEncodeArgs } from '../ffmpeg/recipes';

export interface FilterSupport {
  zscale: boolean;
  tonemap: boolean;
  lut3d: boolean;
}

export interface HardwareEncoder {
  name: string;
  works: boolean;
  detail: string;
}

const filterCache = new Map<string, Promise<FilterSupport>>();
const hwCache = new Map<string, Promise<HardwareEncoder[]>>();

/** Parse `ffmpeg -filters`: lines like " .SC zscale            V->V       Apply resizing…". */
export function parseFilterList(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const m = /^\s*[TSC.]{3}\s+(\w+)\s+\S+->\S+/.exec(line);
    if (m?.[1]) names.add(m[1]);
  }
  return names;
}

/** Parse `ffmpeg -encoders` for the H.264 hardware encoders (everything but libx264*). */
export function parseH264HardwareEncoders(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*V[A-Z.]{5}\s+(h264_\w+)\s/.exec(line);
    if (m?.[1]) out.push(m[1]);
  }
  return out;
}

export { testEncodeArgs };

export function filterSupport(ff: FfmpegInfo): Promise<FilterSupport> {
  let p = filterCache.get(ff.ffmpegPath);
  if (!p) {
    p = execTool(ff.ffmpegPath, [...FILTER_LIST_ARGS]).then((out) => {
      const names = parseFilterList(out.stdout);
      return { zscale: names.has('zscale'), tonemap: names.has('tonemap'), lut3d: names.has('lut3d') };
    });
    filterCache.set(ff.ffmpegPath, p);
    p.catch(() => filterCache.delete(ff.ffmpegPath));
  }
  return p;
}

/**
 * Listed hardware H.264 encoders, each tried on one small frame. Detected only: conversions use
 * libx264 (bit-exact CRF quality on every machine) until a hardware path is tested on real devices.
 */
export function hardwareEncoders(ff: FfmpegInfo): Promise<HardwareEncoder[]> {
  let p = hwCache.get(ff.ffmpegPath);
  if (!p) {
    p = (async () => {
      const list = await execTool(ff.ffmpegPath, [...ENCODER_LIST_ARGS]);
      const names = parseH264HardwareEncoders(list.stdout);
      const results: HardwareEncoder[] = [];
      for (const name of names) {
        const out = await execTool(ff.ffmpegPath, testEncodeArgs(name), 15_000).catch((err: Error) => ({ code: -1, stdout: '', stderr: err.message }));
        const firstError = out.stderr.split('\n').find((l) => l.trim() !== '') ?? '';
        results.push({ name, works: out.code === 0, detail: out.code === 0 ? 'test encode worked' : firstError.slice(0, 200) });
      }
      return results;
    })();
    hwCache.set(ff.ffmpegPath, p);
    p.catch(() => hwCache.delete(ff.ffmpegPath));
  }
  return p;
}

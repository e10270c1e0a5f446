/**
 * The video filters of one conversion, decided from the probed facts and the options. Pure. What
 * ffmpeg does by itself is left to it: rotation (autorotate turns the pixels upright and drops the
 * tag), the 25/1 CFR timing (-fps_mode cfr -r 25) and the 8-bit 4:2:0 format (-pix_fmt).
 */
import type { ConvertOptions } from '../../../shared/ingest/options';
import { scaledSize } from '../../../shared/ingest/options';
import type { VideoFacts } from '../../../shared/probe';
import { DELIVERY_FPS, DELIVERY_VIDEO, FPS_TOLERANCE } from '../../../shared/standards';
import { exactToneMapChain, lutToneMapChain, type HdrKind, type Size } from './hdr';

/** How HDR will be handled, decided by the convert service (it may need to run ffmpeg to know). */
export type HdrChoice =
  | { method: 'none' }
  | { method: 'zscale'; kind: HdrKind }
  | { method: 'lut'; kind: HdrKind; lutFile: string }
  | { method: 'untouched'; kind: HdrKind };

export interface VideoPlan {
  filters: string[];
  /** The output picture size (displayed orientation), before the even crop. */
  size: Size;
  resized: boolean;
}

/** SD colour matrices; the delivery is BT.709, so their pixels are converted, not just re-tagged. */
const BT601 = new Set(['smpte170m', 'bt470bg', 'fcc']);

export function isDeliveryRate(v: VideoFacts): boolean {
  const target = DELIVERY_FPS.num / DELIVERY_FPS.den;
  return !v.vfr && Math.abs(v.rFrameRate.fps - target) <= target * FPS_TOLERANCE;
}

/**
 * `box`: fit the picture inside this size instead of applying the scale ratio (merging parts of
 * different sizes; the caller pads to the box).
 */
export function planVideo(v: VideoFacts, options: Pick<ConvertOptions, 'scale'>, hdr: HdrChoice, box?: Size): VideoPlan {
  const size = box ? fitSize(v.displayWidth, v.displayHeight, box) : scaledSize(v.displayWidth, v.displayHeight, options.scale);
  const resized = size.width !== evenDown(v.displayWidth) || size.height !== evenDown(v.displayHeight);
  const filters: string[] = [];
  const sdrMatrix = hdr.method === 'none' && v.colorSpace !== null && BT601.has(v.colorSpace);
  const perFrameWork = hdr.method === 'zscale' || hdr.method === 'lut' || resized || sdrMatrix;
  // Drop surplus frames before the expensive filters rather than after (30 → 25 fps saves a sixth).
  if (perFrameWork && !isDeliveryRate(v)) filters.push(`fps=${DELIVERY_FPS.num}/${DELIVERY_FPS.den}`);

  const target = resized ? size : undefined;
  if (hdr.method === 'zscale') {
    filters.push(...exactToneMapChain(hdr.kind, v.colorSpace, target));
  } else if (hdr.method === 'lut') {
    filters.push(...lutToneMapChain(hdr.lutFile, v.colorSpace, target));
  } else if (resized || sdrMatrix) {
    const parts = [resized ? `${size.width}:${size.height}` : 'iw:ih'];
    if (sdrMatrix) parts.push(`in_color_matrix=bt601:out_color_matrix=${DELIVERY_VIDEO.colour}`);
    filters.push(`scale=${parts.join(':')}`);
  }
  return { filters, size, resized };
}

function evenDown(n: number): number {
  return n - (n % 2);
}

/** The largest even size with the picture's aspect that fits inside the box. */
export function fitSize(width: number, height: number, box: Size): Size {
  const f = Math.min(box.width / width, box.height / height);
  const even = (n: number, max: number) => Math.max(2, Math.min(max - (max % 2), 2 * Math.round(n / 2)));
  return { width: even(width * f, box.width), height: even(height * f, box.height) };
}

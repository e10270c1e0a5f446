import { z } from 'zod';
import { DELIVERY_ENCODE, VIDEO_SCALE_RATIO } from '../standards';

/** x264's speed presets, fastest first. Slower presets give smaller files at the same CRF. */
export const X264_PRESETS = ['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium', 'slow', 'slower', 'veryslow'] as const;
export type X264Preset = (typeof X264_PRESETS)[number];

/**
 * How HDR is turned into SDR: `exact` runs the zscale + tonemap chain on every frame; `fast` applies
 * a 3D LUT built once from that exact chain; `auto` uses the LUT when a sample of the file shows it
 * within HDR_LUT_MIN_PSNR_DB of the exact chain, the exact chain otherwise.
 */
export const HdrModeSchema = z.enum(['auto', 'exact', 'fast']);
export type HdrMode = z.infer<typeof HdrModeSchema>;

export const ConvertOptionsSchema = z
  .object({
    /** §5.3 video scale ratio of the displayed size. */
    scale: z.number().min(VIDEO_SCALE_RATIO.min).max(VIDEO_SCALE_RATIO.max).default(VIDEO_SCALE_RATIO.default),
    crf: z.number().int().min(DELIVERY_ENCODE.crfMin).max(DELIVERY_ENCODE.crfMax).default(DELIVERY_ENCODE.crf),
    preset: z.enum(X264_PRESETS).default(DELIVERY_ENCODE.preset),
    hdr: HdrModeSchema.default('auto'),
  })
  .strict();
export type ConvertOptions = z.output<typeof ConvertOptionsSchema>;
export type ConvertOptionsInput = z.input<typeof ConvertOptionsSchema>;

/**
 * The §5.3 scale applied to a displayed size: each side rounded to an even number (4:2:0), never
 * below 2 and never enlarged.
 */
export function scaledSize(width: number, height: number, ratio: number): { width: number; height: number } {
  const side = (n: number) => Math.max(2, Math.min(n - (n % 2), 2 * Math.round((n * ratio) / 2)));
  return { width: side(width), height: side(height) };
}

/** Bound for the HDR fast path: a 3D LUT result this close to the exact chain (PSNR, dB) may be used. */
export const HDR_LUT_MIN_PSNR_DB = 45;

import { spawn } from 'node:child_process';
import { MouthStripSchema, TILE_HEIGHT, TILE_WIDTH, type MouthStrip, type MouthStripBuilder } from '../../../shared/qc/mouth-strip';
import type { FfmpegInfo } from '../ffmpeg';
import { rawToJpegArgs } from '../ffmpeg/recipes';

/**
 * The builder's mosaic as the report's mouth strip, encoded to a JPEG by ffmpeg (pixels on stdin,
 * the picture on stdout; no file). Null without tiles. Rejects when ffmpeg fails: the caller
 * reports without a strip rather than without a verdict.
 */
export async function encodeMouthStrip(ff: FfmpegInfo, strip: MouthStripBuilder, timeoutMs = 60_000): Promise<MouthStrip | null> {
  const m = strip.mosaic();
  if (!m) return null;
  const jpeg = await new Promise<Buffer>((resolve, reject) => {
    const child = spawn(ff.ffmpegPath, rawToJpegArgs({ width: m.width, height: m.height }), { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true, timeout: timeoutMs });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    // ffmpeg exiting early closes its stdin: the close error is reported through 'close' instead.
    child.stdin.on('error', () => undefined);
    child.once('error', reject);
    child.once('close', (code) => {
      const data = Buffer.concat(out);
      if (code === 0 && data.length > 0) resolve(data);
      else reject(new Error(`ffmpeg could not encode the mouth strip (exit ${code}): ${Buffer.concat(err).toString('utf8').trim().slice(0, 300)}`));
    });
    child.stdin.end(Buffer.from(m.rgb.buffer, m.rgb.byteOffset, m.rgb.byteLength));
  });
  return MouthStripSchema.parse({
    image: `data:image/jpeg;base64,${jpeg.toString('base64')}`,
    columns: m.width / TILE_WIDTH,
    tileWidth: TILE_WIDTH,
    tileHeight: TILE_HEIGHT,
    stepSec: strip.step,
    tiles: m.tiles,
  });
}

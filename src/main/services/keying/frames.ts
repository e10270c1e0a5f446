import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RgbaFrame } from '../../../shared/keying/cpu-keyer';
import type { ProbeResult } from '../../../shared/probe';
import { StudioError } from '../../../shared/errors';
import { probeMedia, runFfmpeg, type FfmpegInfo } from '../ffmpeg';
import { publishWithoutOverwrite } from '../ffmpeg/partial-file';
import { unwritable } from '../output-policy';
import { encodePictureArgs, stillFrameArgs } from '../ffmpeg/recipes';

/** A still picture (PNG, JPEG …) rather than a video: one frame, no duration. */
export function isStillImage(p: ProbeResult): boolean {
  return /(_pipe|^image2)/.test(p.formatName) || (p.durationSec === 0 && (p.video?.frameCount ?? 1) <= 1);
}

export interface DecodedFrame extends RgbaFrame {
  data: Uint8Array;
  /** Media time of the frame asked for (0 for a still image). */
  time: number;
  still: boolean;
  probe: ProbeResult;
}

/**
 * One frame of an image or video as 8-bit RGBA, decoded by ffmpeg (display orientation, any input
 * ffmpeg reads). Written as PAM to a temporary file: its header carries the real size after
 * rotation, so nothing has to be guessed from the probe.
 */
export async function decodeFrame(ff: FfmpegInfo, file: string, atSeconds = 0): Promise<DecodedFrame> {
  const probe = await probeMedia(file, ff);
  if (!probe.video) throw new StudioError('unreadable-media', `${probe.file}: has no picture (no video stream)`);
  const still = isStillImage(probe);
  if (!still && probe.durationSec > 0 && atSeconds >= probe.durationSec) {
    throw new StudioError('bad-argument', `${probe.file}: --at ${atSeconds} is past the end of the video (${probe.durationSec.toFixed(2)} s)`);
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'capture-studio-key-'));
  try {
    const out = path.join(dir, 'frame.pam');
    try {
      await runFfmpeg(ff, stillFrameArgs({ input: probe.file, output: out, t: still ? 0 : atSeconds }));
    } catch (err) {
      if (err instanceof StudioError && err.code === 'ffmpeg-failed') {
        throw new StudioError('unreadable-media', `${probe.file}: no picture could be decoded from it (${err.message.replace(/\n/g, '; ')})`, { hint: err.hint });
      }
      throw err;
    }
    const bytes = await fs.readFile(out).catch(() => {
      throw new StudioError('unreadable-media', `${probe.file}: ffmpeg gave no frame at ${atSeconds} s`);
    });
    const { width, height, data } = parsePam(bytes);
    return { width, height, data, time: still ? 0 : atSeconds, still, probe };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** A PAM (P7) file with TUPLTYPE RGB_ALPHA, 8 bits. */
export function parsePam(bytes: Uint8Array): { width: number; height: number; data: Uint8Array } {
  const headEnd = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 512)).indexOf('ENDHDR\n');
  if (headEnd < 0 || bytes[0] !== 0x50 || bytes[1] !== 0x37) throw new StudioError('internal', 'ffmpeg did not write a PAM frame');
  const head = Buffer.from(bytes.subarray(0, headEnd)).toString('latin1');
  const field = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(head)?.[1] ?? NaN);
  const width = field('WIDTH');
  const height = field('HEIGHT');
  const depth = field('DEPTH');
  const start = headEnd + 'ENDHDR\n'.length;
  if (!(width > 0 && height > 0) || depth !== 4 || field('MAXVAL') !== 255 || bytes.length < start + width * height * 4) {
    throw new StudioError('internal', `unexpected PAM frame from ffmpeg (${head.replaceAll('\n', ' ')})`);
  }
  return { width, height, data: bytes.subarray(start, start + width * height * 4) };
}

/**
 * Encode raw pixels (rgba or gray) to a picture file with ffmpeg (PNG by the name's extension),
 * under a temporary name first and renamed into place.
 */
export async function writePicture(
  ff: FfmpegInfo,
  file: string,
  picture: { width: number; height: number; data: Uint8Array | Uint8ClampedArray; pixFmt: 'rgba' | 'gray' },
  outPixFmt: 'rgb24' | 'gray' = picture.pixFmt === 'gray' ? 'gray' : 'rgb24',
): Promise<void> {
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  const ext = path.extname(abs) || '.png';
  const tmpRaw = path.join(os.tmpdir(), `capture-studio-key-${randomBytes(6).toString('hex')}.raw`);
  const tmpOut = path.join(dir, `.${path.basename(abs, ext)}.${randomBytes(4).toString('hex')}.partial${ext}`);
  try {
    await fs.writeFile(tmpRaw, picture.data);
    await runFfmpeg(ff, encodePictureArgs({ rawInput: tmpRaw, output: tmpOut, width: picture.width, height: picture.height, pixFmt: picture.pixFmt, outPixFmt }));
    // Never over an existing file (output-policy.ts): the name may have been taken meanwhile.
    await publishWithoutOverwrite(tmpOut, abs);
  } catch (err) {
    if (err instanceof StudioError) throw err;
    throw unwritable(dir, err);
  } finally {
    await fs.rm(tmpRaw, { force: true });
    await fs.rm(tmpOut, { force: true });
  }
}

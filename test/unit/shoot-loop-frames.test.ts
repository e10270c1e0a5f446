import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDeliveryMp4 } from '../../src/main/services/ffmpeg/deliver';
import { locateFfmpeg } from '../../src/main/services/ffmpeg/locate';
import { countRecordedFrames, recordedVideoFrames } from '../../src/main/services/shoot-loop/recorded-frames';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile } from './helpers/media';

const ff = await locateFfmpeg();
const tmp = tempDir('capture-studio-loop-frames-');
afterAll(tmp.cleanup);

/**
 * A recording like MediaRecorder's (Matroska, H.264 + Opus) from talking-3.mp4: the picture at
 * `fps` for `videoSec`, the sound of jfk.wav for `audioSec`. The numbers are the generator's, not
 * the code's.
 */
function recording(name: string, fps: number, videoSec: number, audioSec: number): string {
  const out = path.join(tmp.dir, name);
  ffmpegSync([
    '-i', mediaFile('talking-3.mp4'), '-i', mediaFile('audio/jfk.wav'),
    '-filter_complex', `[0:v]scale=270:480,fps=${fps},trim=duration=${videoSec}[v];[1:a]atrim=duration=${audioSec}[a]`,
    '-map', '[v]', '-map', '[a]',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'libopus', '-f', 'matroska', out,
  ]);
  return out;
}

describe('frames the recorder really got (issue #13 item 3)', () => {
  it('counts a 12-fps picture of 5 s as 60 frames at 12 fps, and its 6.3-s sound as 1.3 s to trim', async () => {
    const r = await countRecordedFrames(ff, recording('slow.mkv', 12, 5, 6.3));
    expect(r.recorded?.frames).toBe(60);
    expect(r.recorded?.videoSeconds).toBeCloseTo(5, 1);
    expect(r.recorded?.fps).toBeCloseTo(12, 0);
    expect(r.alignment?.action).toBe('audio-trimmed');
    expect(r.alignment?.seconds).toBeGreaterThan(1.2);
    expect(r.alignment?.seconds).toBeLessThan(1.4);
  });

  it('delivers sound and picture of the same length: trimmed when the sound runs on, padded when it ends early', async () => {
    for (const [name, audioSec] of [['long-sound.mkv', 6.3], ['short-sound.mkv', 3.7]] as const) {
      const input = recording(name, 25, 5, audioSec);
      const output = path.join(tmp.dir, `${name}.mp4`);
      await makeDeliveryMp4({ ff, input, output, preset: 'ultrafast', videoFrames: await recordedVideoFrames(ff, input), padAudio: true });
      // Stream durations as ffprobe reads them from the MP4.
      const [video, audio] = ['v:0', 'a:0'].map((s) =>
        Number(execFileSync('ffprobe', ['-v', 'error', '-select_streams', s, '-show_entries', 'stream=duration', '-of', 'csv=p=0', output], { encoding: 'utf8' }).trim()),
      );
      expect(video).toBeCloseTo(5, 1);
      // One AAC frame (1024 samples at 48 kHz ≈ 21 ms) is the finest the sound can end on.
      expect(Math.abs((audio ?? 0) - (video ?? 0))).toBeLessThanOrEqual(0.025);
    }
  });

  it('reads a file that is not media as "no frames", without throwing', async () => {
    const r = await countRecordedFrames(ff, mediaFile('README.md'));
    expect(r).toEqual({ recorded: null, alignment: null });
  });
});

/**
 * streamFfmpeg settles only once the consumer has finished the last chunk: ffmpeg may exit while
 * onData's promise for its final output is still pending, and a caller that went on then (the
 * checker's drain) raced the last frames (frames 428/429 of d18x2 were consumed swapped in CI).
 * Real ffmpeg, a slow consumer.
 */
import { describe, expect, it } from 'vitest';
import { locateFfmpeg } from '../../src/main/services/ffmpeg';
import { streamFfmpeg } from '../../src/main/services/ffmpeg/stream';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('streamFfmpeg and a slow consumer', () => {
  it('resolves after every onData promise has settled, with every byte handed over', async () => {
    const ff = await locateFfmpeg();
    const frameBytes = 64 * 64 * 4;
    let started = 0;
    let finished = 0;
    let bytes = 0;
    await streamFfmpeg(ff, ['-f', 'lavfi', '-i', 'testsrc2=s=64x64:r=25:d=0.4', '-pix_fmt', 'rgba', '-f', 'rawvideo', 'pipe:1'], {
      onData: async (chunk) => {
        started++;
        bytes += chunk.length;
        await sleep(150); // slower than ffmpeg: it has exited long before the last chunk is done
        finished++;
      },
    });
    expect(started).toBeGreaterThan(0);
    expect(finished).toBe(started);
    expect(bytes).toBe(10 * frameBytes); // 0.4 s at 25 fps, counted from the lavfi source's definition
  });

  it('a consumer that fails its last chunk fails the stream, after ffmpeg has exited', async () => {
    const ff = await locateFfmpeg();
    let calls = 0;
    const run = streamFfmpeg(ff, ['-f', 'lavfi', '-i', 'testsrc2=s=64x64:r=25:d=0.2', '-pix_fmt', 'rgba', '-f', 'rawvideo', 'pipe:1'], {
      onData: async () => {
        calls++;
        await sleep(100);
        throw new Error('the consumer gave up');
      },
    });
    await expect(run).rejects.toThrow('the consumer gave up');
    expect(calls).toBeGreaterThan(0);
  });
});

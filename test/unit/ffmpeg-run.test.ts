import { describe, expect, it } from 'vitest';
import { locateFfmpeg } from '../../src/main/services/ffmpeg/locate';
import { runFfmpeg } from '../../src/main/services/ffmpeg/run';
import { StudioError } from '../../src/shared/errors';

const ff = await locateFfmpeg();
const source = ['-f', 'lavfi', '-i', 'testsrc=size=64x64:rate=25', '-t', '1'];

async function failure(p: Promise<unknown>): Promise<StudioError> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StudioError);
  return err as StudioError;
}

describe('runFfmpeg', () => {
  it('reports progress to the end', async () => {
    const seen: (number | null)[] = [];
    await runFfmpeg(ff, [...source, '-f', 'null', '-'], { durationSec: 1, onProgress: (p) => seen.push(p.progress) });
    expect(seen.at(-1)).toBe(1);
  });

  it('puts plain words first, then the relevant stderr lines', async () => {
    const err = await failure(runFfmpeg(ff, [...source, '-c:v', 'no_such_encoder', '-f', 'null', '-']));
    expect(err.code).toBe('ffmpeg-failed');
    expect(err.message).toBe("ffmpeg failed: this ffmpeg build has no no_such_encoder encoder\nUnknown encoder 'no_such_encoder'");
  });

  it.skipIf(process.platform !== 'linux')('maps "No space left on device" to disk-full', async () => {
    const err = await failure(runFfmpeg(ff, [...source, '-f', 'rawvideo', '-y', '/dev/full']));
    expect(err.code).toBe('disk-full');
    expect(err.message).toMatch(/^ffmpeg failed: the disk is full\n.*No space left on device/);
  });

  it('is cancelled by an already-aborted signal without starting', async () => {
    const err = await failure(runFfmpeg(ff, [...source, '-f', 'null', '-'], { signal: AbortSignal.abort() }));
    expect(err.code).toBe('cancelled');
  });

  it('says ffmpeg-missing when the binary cannot be started', async () => {
    const err = await failure(runFfmpeg({ ...ff, ffmpegPath: '/nonexistent/ffmpeg' }, ['-version']));
    expect(err.code).toBe('ffmpeg-missing');
    expect(err.message).toContain('/nonexistent/ffmpeg');
  });
});

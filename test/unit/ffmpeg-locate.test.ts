import { mkdirSync, symlinkSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { FFMPEG_INSTALL_HINT, locateFfmpeg, resetFfmpegCache } from '../../src/main/services/ffmpeg/locate';
import { packageBinary } from '../../src/main/services/ffmpeg/packages';
import { StudioError } from '../../src/shared/errors';
import { tempDir } from './helpers/derive';

// The real binaries, found the way the app finds them; the tests link them into temp folders.
const system = await locateFfmpeg();
const tmp = tempDir('capture-studio-locate-');
afterAll(tmp.cleanup);
beforeEach(resetFfmpegCache);

let n = 0;
/** A new folder holding links named ffmpeg (and ffprobe) to the real binaries. */
function binDir(tools: ('ffmpeg' | 'ffprobe')[] = ['ffmpeg', 'ffprobe']): string {
  const dir = path.join(tmp.dir, `bin${n++}`);
  mkdirSync(dir);
  for (const tool of tools) symlinkSync(tool === 'ffmpeg' ? system.ffmpegPath : system.ffprobePath, path.join(dir, tool));
  return dir;
}

async function rejection(p: Promise<unknown>): Promise<StudioError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StudioError);
  return err as StudioError;
}

describe('locateFfmpeg', () => {
  it('finds a working ffmpeg and ffprobe on this machine, with a version', () => {
    expect(system.version).toMatch(/^\S+$/);
    expect(path.basename(system.ffprobePath)).toMatch(/^ffprobe/);
  });

  it('prefers FFMPEG_PATH over everything else, and finds ffprobe next to it', async () => {
    const dir = binDir();
    const env = { FFMPEG_PATH: path.join(dir, 'ffmpeg'), PATH: path.dirname(system.ffmpegPath) };
    const info = await locateFfmpeg(env);
    expect(info).toMatchObject({ source: 'env', ffmpegPath: path.join(dir, 'ffmpeg'), ffprobePath: path.join(dir, 'ffprobe') });
    expect(info.version).toBe(system.version);
  });

  it('refuses a FFMPEG_PATH that points at nothing, naming it, instead of falling back', async () => {
    const missing = path.join(tmp.dir, 'no-such', 'ffmpeg');
    const err = await rejection(locateFfmpeg({ FFMPEG_PATH: missing, PATH: path.dirname(system.ffmpegPath) }));
    expect(err.code).toBe('ffmpeg-missing');
    expect(err.message).toContain('FFMPEG_PATH');
    expect(err.message).toContain(missing);
    expect(err.message).toContain('there is no file there');
  });

  it('refuses a FFMPEG_PATH that is not ffmpeg', async () => {
    const fake = path.join(tmp.dir, 'fake-ffmpeg');
    symlinkSync('/bin/true', fake);
    const err = await rejection(locateFfmpeg({ FFMPEG_PATH: fake, PATH: '' }));
    expect(err.message).toMatch(/does not run as ffmpeg/);
  });

  it('lists every place it looked, and how to install, when nothing is found', async () => {
    const nowhere = path.join(tmp.dir, 'no-such-dir');
    const err = await rejection(locateFfmpeg({ PATH: nowhere }));
    expect(err.code).toBe('ffmpeg-missing');
    expect(err.hint).toBe(FFMPEG_INSTALL_HINT);
    expect(err.hint).toContain('apt-get install ffmpeg');
    if (packageBinary('ffmpeg-static').status === 'found') {
      // CI may have the optional package: then ffmpeg is found and ffprobe is what is missing.
      expect(err.message).toMatch(/^ffprobe was not found/);
      expect(err.message).toContain('FFPROBE_PATH: not set');
      expect(err.message).toContain(path.join(nowhere, 'ffprobe'));
    } else {
      expect(err.message).toMatch(/^ffmpeg was not found/);
      expect(err.message).toContain('FFMPEG_PATH: not set');
      expect(err.message).toMatch(/ffmpeg-static package: (not installed|.*names no binary|.*fails to load)/);
      expect(err.message).toContain(path.join(nowhere, 'ffmpeg'));
    }
    const empty = await rejection(locateFfmpeg({}));
    expect(empty.message).toContain('PATH: empty');
  });

  it('caches success per environment, but not failure', async () => {
    // ffmpeg from FFMPEG_PATH in a folder without ffprobe; ffprobe only ever on PATH.
    const ffmpegDir = binDir(['ffmpeg']);
    const probeDir = path.join(tmp.dir, 'probe-later');
    const env = { FFMPEG_PATH: path.join(ffmpegDir, 'ffmpeg'), PATH: probeDir };
    expect((await rejection(locateFfmpeg(env))).message).toMatch(/^ffprobe was not found \(ffmpeg itself was found at/);
    mkdirSync(probeDir);
    symlinkSync(system.ffprobePath, path.join(probeDir, 'ffprobe'));
    // Installed after a failure: found without a reset.
    expect((await locateFfmpeg(env)).ffprobePath).toBe(path.join(probeDir, 'ffprobe'));
    unlinkSync(path.join(probeDir, 'ffprobe'));
    expect((await locateFfmpeg(env)).ffprobePath).toBe(path.join(probeDir, 'ffprobe'));
    resetFfmpegCache();
    await rejection(locateFfmpeg(env));
  });
});

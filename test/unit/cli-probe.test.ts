import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { ProbeResultSchema } from '../../src/shared/probe';
import { tempDir } from './helpers/derive';
import { mediaFile, repoRoot } from './helpers/media';

const tmp = tempDir('capture-studio-cli-');
afterAll(tmp.cleanup);

/** The CLI in-process, as a script would see it: exit code, stdout, stderr. */
async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: process.env });
  return { code, stdout, stderr };
}

function fileWith(name: string, data: string | Buffer): string {
  const file = path.join(tmp.dir, name);
  writeFileSync(file, data);
  return file;
}

describe('capture-studio probe', () => {
  it('prints the facts of a good file as a table, exit 0', async () => {
    const r = await cli('probe', mediaFile('talking-1.mp4'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^container\s+mp4/m);
    expect(r.stdout).toMatch(/^frame rate\s+r 30 fps, avg 1350\/61 \(22\.131 fps\) — VFR$/m);
    expect(r.stdout).toMatch(/^audio\s+aac 44100 Hz, 2 ch \(stereo\)$/m);
  });

  it('says "none" for a file without audio', async () => {
    const r = await cli('probe', mediaFile('driving-d0.mp4'));
    expect(r.stdout).toMatch(/^audio\s+none$/m);
  });

  it('--json prints the ProbeResult', async () => {
    const r = await cli('probe', mediaFile('talking-3.mp4'), '--json');
    expect(r.code).toBe(0);
    const parsed = ProbeResultSchema.parse(JSON.parse(r.stdout));
    expect(parsed.video?.rFrameRate.fps).toBe(25);
  });

  it.each([
    ['a zero-byte file', () => fileWith('empty.mp4', ''), /empty\.mp4: the file is empty \(0 bytes\)$/m],
    [
      'a truncated MP4',
      () => {
        const whole = readFileSync(mediaFile('talking-3.mp4'));
        return fileWith('truncated.mp4', whole.subarray(0, Math.floor(whole.length * 0.3)));
      },
      /truncated\.mp4: the file is truncated or was not finished \(no index\/moov atom\) — it may be an interrupted recording$/m,
    ],
    ['a text file named .mp4', () => fileWith('readme.mp4', '# not a video\n'), /readme\.mp4: not a media file ffmpeg can read$/m],
    ['a missing file', () => path.join(tmp.dir, 'missing.mp4'), /missing\.mp4: no such file$/m],
  ])('%s → exit 2, stderr names the file and the problem', async (_what, make, problem) => {
    const file = make();
    const r = await cli('probe', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const [first, ...rest] = r.stderr.trimEnd().split('\n');
    expect(first).toContain(file);
    expect(first).toMatch(problem);
    expect(rest.every((l) => l.startsWith('hint: '))).toBe(true);
  });

  it('bad arguments, --help and unknown commands print usage on stderr, exit 2', async () => {
    for (const argv of [[], ['--help'], ['probe', '--help'], ['nope'], ['probe'], ['probe', 'a', 'b'], ['probe', '--frobnicate', 'x']]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/Usage: capture-studio/);
    }
  });
});

describe('bin/capture-studio.mjs', () => {
  const bin = path.join(repoRoot, 'bin', 'capture-studio.mjs');
  const run = (...args: string[]) => spawnSync(bin, args, { encoding: 'utf8', cwd: tmp.dir });

  it('runs the TypeScript CLI: --json on a good file, exit 0', () => {
    const r = run('probe', mediaFile('talking-3.mp4'), '--json');
    expect(r.status, r.stderr).toBe(0);
    expect(ProbeResultSchema.parse(JSON.parse(r.stdout)).audio?.codec).toBe('aac');
  });
});

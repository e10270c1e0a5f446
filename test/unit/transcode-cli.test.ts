/**
 * `capture-studio convert` and `merge`: exit codes (0 ok, 1 failed, 2 bad input), progress on
 * stderr, the result on stdout. A full disk and a read-only folder are real: a tiny tmpfs mounted in
 * a private mount namespace (unshare), skipped where the kernel does not allow that.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { ConvertResultSchema } from '../../src/shared/contract/convert';
import { tempDir } from './helpers/derive';
import { mediaFile, repoRoot } from './helpers/media';
import { sha256 } from './helpers/transcode';

const tmp = tempDir('capture-studio-cli-convert-');
afterAll(tmp.cleanup);
const env = { ...process.env, CAPTURE_STUDIO_HOME: path.join(tmp.dir, 'home') };

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
  return { code, stdout, stderr };
}

const canMount = spawnSync('unshare', ['-rm', 'true']).status === 0;

/** Run the CLI in its own mount namespace with `dir` a fresh tmpfs; prints what is left in dir. */
function cliOnTmpfs(dir: string, mountOptions: string, ...argv: string[]) {
  mkdirSync(dir, { recursive: true });
  const script = 'mount -t tmpfs -o "$1" none "$0" || exit 99; shift; "$@"; code=$?; echo "left:$(ls -A "$0" | tr "\\n" " ")"; exit $code';
  return spawnSync('unshare', ['-rm', 'sh', '-c', script, dir, mountOptions, process.execPath, '--import', 'tsx', 'src/cli/index.ts', ...argv], {
    cwd: repoRoot,
    encoding: 'utf8',
    env,
  });
}

describe('capture-studio convert', () => {
  it('converts, reports progress on stderr and the result on stdout, exit 0', async () => {
    const input = mediaFile('talking-3.mp4');
    const before = sha256(input);
    const out = path.join(tmp.dir, 'talking 3.mp4');
    const r = await cli('convert', input, out, '--preset', 'ultrafast', '--crf', '20', '--scale', '0.5', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^convert: 100%/m);
    const result = ConvertResultSchema.parse(JSON.parse(r.stdout));
    expect(result.output).toBe(out);
    expect(result.probe.video).toMatchObject({ width: 296, height: 296 });
    expect(sha256(input)).toBe(before);
  });

  it('exit 2 for bad arguments, a missing input, an existing output; nothing written', async () => {
    const dir = path.join(tmp.dir, 'bad');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'exists.mp4'), 'keep');
    const input = mediaFile('talking-3.mp4');
    const cases = [
      [['convert', input, path.join(dir, 'a.mp4'), '--crf', 'high'], /--crf/],
      [['convert', input, path.join(dir, 'a.mp4'), '--preset', 'placebo'], /--preset/],
      [['convert', input], /missing argument/],
      [['convert', path.join(dir, 'missing.mov'), path.join(dir, 'a.mp4')], /no such file/],
      [['convert', input, path.join(dir, 'exists.mp4')], /already exists/],
      [['merge', input, input], /--out OUT\.mp4 is required/],
    ] as const;
    for (const [argv, words] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(words);
    }
    expect(readdirSync(dir)).toEqual(['exists.mp4']);
  });

  it.skipIf(!canMount)('a disk that fills up mid-way: exit 1, "disk is full", no partial file left', () => {
    const dir = path.join(tmp.dir, 'full');
    const input = mediaFile('short_hamilton_clip.mp4');
    const before = sha256(input);
    const r = cliOnTmpfs(dir, 'size=256k', 'convert', input, path.join(dir, 'out.mp4'), '--preset', 'ultrafast');
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/disk is full/);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('left:');
    expect(sha256(input)).toBe(before);
  });

  it.skipIf(!canMount)('a read-only output folder: exit 2 before ffmpeg starts', () => {
    const dir = path.join(tmp.dir, 'readonly');
    const r = cliOnTmpfs(dir, 'ro', 'convert', mediaFile('talking-3.mp4'), path.join(dir, 'out.mp4'));
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/cannot be written to \(it is on a read-only drive\)/);
  });
});

describe('capture-studio merge', () => {
  it('merges in order and prints where each part starts, exit 0', async () => {
    const a = path.join(tmp.dir, 'part a.mp4');
    const b = mediaFile('driving-d0.mp4');
    await cli('convert', mediaFile('talking-3.mp4'), a, '--preset', 'ultrafast', '--scale', '0.5');
    const out = path.join(tmp.dir, 'merged.mp4');
    const r = await cli('merge', a, b, '--out', out, '--preset', 'ultrafast', '--scale', '0.5');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('parts (start in the merged file):');
    expect(r.stdout).toMatch(/0\.00 s\s+frame\s+0\s+5\.00 s\s+.*part a\.mp4/);
    expect(r.stdout).toMatch(/5\.00 s\s+frame\s+125\s+.*driving-d0\.mp4/);
    expect(r.stderr).toMatch(/^merge: 100%/m);
  });
});

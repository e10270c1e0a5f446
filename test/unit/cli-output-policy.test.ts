/**
 * Issue #11 item 4 / #14: one output policy for every CLI command, and file problems before any
 * face analysis. Each careless command below exits 2 with one sentence, writes nothing, and leaves
 * every input's sha256 as it was. Read-only folders are real: a tmpfs mounted read-only in a
 * private mount namespace (unshare), skipped with the reason where the kernel refuses that.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile, repoRoot } from './helpers/media';
import { sha256 } from './helpers/transcode';

const tmp = tempDir('cs-cli-policy-');
afterAll(tmp.cleanup);
const dir = path.join(tmp.dir, 'work');
const env = { ...process.env, CAPTURE_STUDIO_HOME: path.join(tmp.dir, 'home') };
const canMount = spawnSync('unshare', ['-rm', 'true']).status === 0;

async function cli(argv: string[], e: NodeJS.ProcessEnv = env) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: e });
  return { code, stdout, stderr };
}

const f = (name: string) => path.join(dir, name);

beforeAll(() => {
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  // A short take (2 s, small) and a still picture, derived from the shared media.
  ffmpegSync(['-i', mediaFile('talking-3.mp4'), '-t', '2', '-vf', 'scale=160:-2', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', f('take.mp4')]);
  copyFileSync(mediaFile('faces/two_people.jpg'), f('img.jpg'));
  ffmpegSync(['-i', f('img.jpg'), '-vf', 'scale=64:-2', f('img.png')]);
  writeFileSync(f('exists.mp4'), 'keep me');
  writeFileSync(f('exists.json'), '{"keep":true}');
  symlinkSync(f('take.mp4'), f('link-to-take.mp4'));
  symlinkSync(f('img.png'), f('link-to-img.png'));
  symlinkSync(dir, path.join(tmp.dir, 'dirlink'));
});

/** One sentence (plus at most a hint), no raw errno, no ffmpeg banner. */
function expectOneSentence(stderr: string, words: RegExp): void {
  const lines = stderr.trim().split('\n');
  const errors = lines.filter((l) => l.startsWith('capture-studio:'));
  expect(errors, stderr).toHaveLength(1);
  expect(lines.filter((l) => !l.startsWith('capture-studio:') && !l.startsWith('hint:')), stderr).toEqual([]);
  expect(errors[0]).toMatch(words);
  expect(stderr).not.toMatch(/\bE(ACCES|ROFS|NOENT|PERM|EXIST|NOSPC)\b|ffmpeg version|Error opening output/);
}

describe('the CLI output policy', () => {
  it('refuses every careless output with exit 2, one sentence, nothing written, inputs unchanged', async () => {
    const inputs = ['take.mp4', 'img.jpg', 'img.png', 'exists.mp4', 'exists.json'].map(f);
    const before = inputs.map(sha256);
    const listing = readdirSync(dir).sort();
    const cases: [string, string[], RegExp][] = [
      ['convert over an existing file', ['convert', f('take.mp4'), f('exists.mp4')], /already exists; it is never overwritten/],
      ['convert onto its input', ['convert', f('take.mp4'), f('take.mp4')], /cannot be an input/],
      ['convert onto its input, ./ form', ['convert', f('take.mp4'), path.join(dir, '.', 'take.mp4')], /cannot be an input/],
      ['convert onto its input, sub/.. form', ['convert', f('take.mp4'), path.join(dir, 'sub', '..', 'take.mp4')], /cannot be an input/],
      ['convert onto a symlink to its input', ['convert', f('take.mp4'), f('link-to-take.mp4')], /cannot be an input/],
      ['convert onto its input through a linked folder', ['convert', f('take.mp4'), path.join(tmp.dir, 'dirlink', 'take.mp4')], /cannot be an input/],
      ['convert a missing input', ['convert', f('missing.mov'), f('new.mp4')], /no such file/],
      ['convert a still image', ['convert', f('img.jpg'), f('new.mp4')], /still picture.*not a take/],
      ['convert into a missing folder', ['convert', f('take.mp4'), f('nope/new.mp4')], /output folder does not exist/],
      ['merge onto an input', ['merge', f('take.mp4'), f('take.mp4'), '--out', f('take.mp4')], /cannot be an input/],
      ['key onto its input', ['key', f('img.png'), '--out', f('img.png')], /cannot be an input/],
      ['key onto a symlink to its input', ['key', f('img.png'), '--out', f('link-to-img.png')], /cannot be an input/],
      ['key --out img.jpg (the input, and not a PNG)', ['key', f('img.jpg'), '--out', f('img.jpg')], /must end in \.png/],
      ['key --out x.mp4 (not a PNG)', ['key', f('img.png'), '--out', f('x.mp4')], /must end in \.png/],
      ['key --json over an existing file', ['key', f('img.png'), '--out', f('new.png'), '--json', f('exists.json')], /already exists/],
      ['key --out and --matte the same', ['key', f('img.png'), '--out', f('new.png'), '--matte', f('new.png')], /different files/],
      ['check --html onto the video', ['check', f('take.mp4'), '--no-faces', '--html', f('take.mp4')], /must end in \.html/],
      ['check --json over an existing file', ['check', f('take.mp4'), '--no-faces', '--json', f('exists.json')], /already exists/],
      ['check --json onto a symlink to the video', ['check', f('take.mp4'), '--no-faces', '--json', f('link-to-take.mp4')], /must end in \.json/],
      ['check a missing file', ['check', '/no/such/file', '--no-faces'], /no such file/],
    ];
    for (const [name, argv, words] of cases) {
      const r = await cli(argv);
      expect(r.code, `${name}: ${r.stderr}`).toBe(2);
      expectOneSentence(r.stderr, words);
    }
    expect(inputs.map(sha256)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(listing);
  }, 120_000);

  it('check /no/such/file says so before any face analysis starts (no Chromium launched)', async () => {
    // A stand-in browser that only leaves a mark when it is started.
    const mark = path.join(tmp.dir, 'chromium-started');
    const fake = path.join(tmp.dir, 'fake-chromium');
    writeFileSync(fake, `#!/bin/sh\ntouch "${mark}"\nexit 1\n`);
    chmodSync(fake, 0o755);
    const rendererDir = path.join(tmp.dir, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(path.join(rendererDir, 'frame-analyzer.html'), '<!doctype html>');
    // The shared face model, so the real file's check gets as far as starting the browser.
    const model = process.env.CAPTURE_STUDIO_FACE_MODEL ?? path.resolve(repoRoot, '../shared/models/face_landmarker.task');
    const e = { ...env, CHROMIUM_PATH: fake, CAPTURE_STUDIO_RENDERER: rendererDir, CAPTURE_STUDIO_FACE_MODEL: model };
    const missing = await cli(['check', '/no/such/file'], e);
    expect(missing.code).toBe(2);
    expectOneSentence(missing.stderr, /\/no\/such\/file: no such file/);
    expect(existsSync(mark)).toBe(false);
    // The control: with a real file the same set-up does start the browser (so the mark means something).
    const real = await cli(['check', f('take.mp4')], e);
    expect(real.stderr).toMatch(/Faces and lips will not be checked/);
    expect(existsSync(mark)).toBe(true);
  }, 120_000);

  it.skipIf(!canMount)('a read-only output folder is one sentence for convert, key and check (exit 2)', () => {
    const ro = path.join(tmp.dir, 'readonly');
    mkdirSync(ro, { recursive: true });
    for (const argv of [
      ['convert', f('take.mp4'), path.join(ro, 'out.mp4')],
      ['key', f('img.png'), '--out', path.join(ro, 'out.png')],
      ['check', f('take.mp4'), '--no-faces', '--json', path.join(ro, 'r.json')],
    ]) {
      const script = 'mount -t tmpfs -o ro none "$0" || exit 99; exec "$@"';
      const r = spawnSync('unshare', ['-rm', 'sh', '-c', script, ro, process.execPath, '--import', 'tsx', 'src/cli/index.ts', ...argv], { cwd: repoRoot, encoding: 'utf8', env });
      expect(r.status, `${argv[0]}: ${r.stderr}`).toBe(2);
      expectOneSentence(r.stderr, /cannot be written to \(it is on a read-only drive\)/);
    }
  }, 120_000);
});

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { probeMedia } from '../../src/main/services/ffmpeg';
import { blueScreenPreset, formatGreenParams } from '../../src/shared/green-params';
import { KeyFindingSchema } from '../../src/shared/keying/findings';
import { ffmpegSync, tempDir } from './helpers/derive';
import { decodeRgba, patchAlpha } from './helpers/keying';
import { mediaFile } from './helpers/media';

const tmp = tempDir('capture-studio-key-cli-');
afterAll(tmp.cleanup);
const out = (name: string) => path.join(tmp.dir, name);

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: process.env });
  return { code, stdout, stderr };
}

describe('capture-studio key', () => {
  it('a green-screen video frame: composite, matte and findings written; the bar is an error → exit 1', async () => {
    const r = await cli('key', mediaFile('driving-d0.mp4'), '--at', '1', '--out', out('d0.png'), '--matte', out('d0-matte.png'), '--json', out('d0.json'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^error key\.non-backdrop-edge §1\.2\.4: a black bar 27 px wide along the bottom edge/m);
    const png = await probeMedia(out('d0.png'));
    expect(png.video).toMatchObject({ codec: 'png', width: 512, height: 512 });
    // The matte: backdrop corners 0, face 255, black bar kept (255).
    const matte = decodeRgba(out('d0-matte.png'));
    const alpha = Uint8Array.from({ length: 512 * 512 }, (_, i) => matte.data[i * 4] ?? 0);
    expect(patchAlpha(alpha, 512, 0, 0, 32, 32).max).toBeLessThan(0.05);
    expect(patchAlpha(alpha, 512, 236, 250, 40, 40).min).toBeGreaterThan(0.95);
    // The composite shows the background colour (B,G,R 255,0,0 = blue) where the backdrop was.
    const comp = decodeRgba(out('d0.png'));
    expect([comp.data[0], comp.data[1], comp.data[2]]).toEqual([0, 0, 255]);
    const report = JSON.parse(readFileSync(out('d0.json'), 'utf8'));
    expect(report).toMatchObject({ at: 1, still: false, width: 512, height: 512, worst: 'error', backdrop: { detected: true } });
    expect(report.findings.map((f: unknown) => KeyFindingSchema.parse(f).rule)).toEqual(['key.non-backdrop-edge']);
    expect(report.findings[0]).toMatchObject({ start: 1, end: 1, where: { edge: 'bottom' } });
  });

  it('driving-d14.mp4 (a warning only) → exit 0; an image input works and reports time 0', async () => {
    const r = await cli('key', mediaFile('driving-d14.mp4'), '--at', '2', '--out', out('d14.png'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/no keyed backdrop found/);
    expect(r.stdout).toMatch(/^warn {2}key\.non-backdrop-edge .*left edge/m);
    const still = out('d0-frame.png');
    ffmpegSync(['-ss', '1', '-i', mediaFile('driving-d0.mp4'), '-frames:v', '1', '-vf', 'crop=512:480:0:0', still]);
    const s = await cli('key', still, '--out', out('still.png'), '--json', out('still.json'));
    expect(s.code).toBe(0);
    expect(s.stdout).toMatch(/no backdrop findings/);
    expect(JSON.parse(readFileSync(out('still.json'), 'utf8'))).toMatchObject({ at: 0, still: true, findings: [] });
  });

  it('--params: the copied §1.3.3 JSON is used (blue key: the green backdrop stays)', async () => {
    writeFileSync(out('blue.json'), formatGreenParams(blueScreenPreset()));
    const r = await cli('key', mediaFile('driving-d0.mp4'), '--at', '1', '--params', out('blue.json'), '--out', out('blue.png'), '--matte', out('blue-matte.png'));
    expect(r.code).toBe(0); // the bar is only a warning when nothing keys out
    const matte = decodeRgba(out('blue-matte.png'));
    expect(matte.data[0]).toBe(255);
  });

  it.each([
    ['bad parameters', () => {
      writeFileSync(out('bad.json'), formatGreenParams(blueScreenPreset()).replace('"greenParamsBlurKs": 3', '"greenParamsBlurKs": 3.5'));
      return ['key', mediaFile('driving-d0.mp4'), '--params', out('bad.json'), '--out', out('x.png')];
    }, /bad\.json: not valid greenParams — greenParamsBlurKs must be a whole number from 0 to 31, not 3\.5/],
    ['a missing parameters file', () => ['key', mediaFile('driving-d0.mp4'), '--params', out('nope.json'), '--out', out('x.png')], /nope\.json: no such file/],
    ['--at past the end', () => ['key', mediaFile('driving-d0.mp4'), '--at', '9', '--out', out('x.png')], /--at 9 is past the end of the video \(3\.\d+ s\)/],
    ['--at not a number', () => ['key', mediaFile('driving-d0.mp4'), '--at', 'soon', '--out', out('x.png')], /--at must be a time in seconds/],
    ['no --out', () => ['key', mediaFile('driving-d0.mp4')], /--out OUT\.png is required/],
    ['a missing input', () => ['key', out('missing.mp4'), '--out', out('x.png')], /missing\.mp4: no such file/],
    ['a text file as input', () => {
      writeFileSync(out('notes.png'), 'not a picture');
      return ['key', out('notes.png'), '--out', out('x.png')];
    }, /notes\.png/],
  ])('%s → exit 2 with the problem named', async (_what, argv, problem) => {
    const r = await cli(...argv());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(problem);
  });
});

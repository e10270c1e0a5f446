/**
 * Issue #14: without the face model a check says so as a warning that names the reason and the
 * fix, and the CLI tells how to install the model (never an internal call name).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile } from './helpers/media';

const tmp = tempDir('capture-studio-nomodel-');
afterAll(tmp.cleanup);

describe('faces.not-analysed', () => {
  it('no face model: a warn finding naming CAPTURE_STUDIO_FACE_MODEL and the models folder; the CLI says how to install it', async () => {
    const clip = path.join(tmp.dir, 'clip.mp4');
    ffmpegSync(['-i', mediaFile('talking-3.mp4'), '-t', '2', '-c', 'copy', clip]);
    const json = path.join(tmp.dir, 'r.json');
    const env: NodeJS.ProcessEnv = { ...process.env, CAPTURE_STUDIO_HOME: path.join(tmp.dir, 'home') };
    delete env.CAPTURE_STUDIO_FACE_MODEL;
    let stderr = '';
    await runCli(['check', clip, '--json', json], { stdout: () => {}, stderr: (t) => (stderr += t), env });
    expect(stderr).toContain('CAPTURE_STUDIO_FACE_MODEL');
    expect(stderr).toContain(path.join(tmp.dir, 'home', 'models'));
    expect(stderr).not.toContain('vision.model');
    const report = JSON.parse(readFileSync(json, 'utf8')) as { verdict: string; findings: { rule: string; severity: string; message: string; start: number }[] };
    const f = report.findings.find((x) => x.rule === 'faces.not-analysed');
    expect(f?.severity).toBe('warn');
    expect(f?.message).toContain('the face model is not installed');
    expect(f?.message).toContain('CAPTURE_STUDIO_FACE_MODEL');
    expect(f?.message).toContain('models folder');
    expect(report.verdict).not.toBe('pass');
  }, 120_000);
});

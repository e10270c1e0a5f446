/**
 * The export package (issue #17) on real footage: a Motion-editable take (idle + 3 actions) derived
 * from talking-3.mp4, exported by the service and by `capture-studio export`; the MP4 is probed by
 * ffprobe itself (not our probe code) and every JSON validated against its schema.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { exportPackage, ExportRefused, isDeliveryMp4 } from '../../src/main/services/export/package';
import { locateFfmpeg, probeMedia } from '../../src/main/services/ffmpeg';
import { DEFAULT_GREEN_PARAMS, GreenParamsSchema, formatGreenParams } from '../../src/shared/green-params';
import { CheckReportSchema } from '../../src/shared/qc/report';
import { TaskParamsSchema, TaskSchema, type TaskParamsInput } from '../../src/shared/task';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile } from './helpers/media';

const t = tempDir('export-');
const env = { ...process.env, CAPTURE_STUDIO_HOME: path.join(t.dir, 'home') };
let take = '';
afterAll(t.cleanup);

beforeAll(() => {
  // A 30-s motion take at the delivery format: talking-3 (25 fps) looped, H.264 yuv420p, AAC 48 kHz.
  take = path.join(t.dir, 'motion take.mp4');
  ffmpegSync([
    '-stream_loop', '5', '-i', mediaFile('talking-3.mp4'), '-t', '30',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-r', '25', '-c:a', 'aac', '-ar', '48000', '-movflags', '+faststart', take,
  ]);
});

function ffprobeStreams(file: string): { codec_name: string; r_frame_rate?: string; avg_frame_rate?: string; pix_fmt?: string }[] {
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name,r_frame_rate,avg_frame_rate,pix_fmt', '-of', 'json', file]).toString();
  return (JSON.parse(out) as { streams: never[] }).streams;
}

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

const motionParams = (over: Partial<TaskParamsInput> = {}): TaskParamsInput => ({
  characterName: 'Ann Lee',
  modelType: 'motion',
  segmentation: 'greenscreen',
  greenParams: DEFAULT_GREEN_PARAMS,
  actions: [
    { name: 'idle', start: '0:00', end: '10:10' },
    { name: 'wave', start: '10:10', end: '13.3' },
    { name: 'thumbs up', start: 14, end: '17:05' },
    { name: 'heart', start: '20.42', end: '23:00' },
  ],
  ...over,
});

async function run(params: TaskParamsInput, outDir: string, extra: Partial<Parameters<typeof exportPackage>[0]> = {}) {
  return exportPackage({
    ff: await locateFfmpeg(),
    videos: [{ file: take, role: 'primary' }],
    params: TaskParamsSchema.parse(params),
    outDir,
    cacheDir: path.join(t.dir, 'cache'),
    ...extra,
  });
}

describe('export package', () => {
  it('a Motion-editable task with idle + 3 actions exports a valid package', async () => {
    const before = sha(take);
    const out = path.join(t.dir, 'out1');
    const r = await run(motionParams(), out);
    expect(r.folder).toBe(path.join(out, 'Ann-Lee-motion'));
    expect(readdirSync(r.folder).sort()).toEqual(['Ann-Lee-motion.mp4', 'README.txt', 'export.json', 'greenParams.json', 'task.json'].sort());
    const [v, a] = ffprobeStreams(path.join(r.folder, 'Ann-Lee-motion.mp4'));
    expect(v).toMatchObject({ codec_name: 'h264', r_frame_rate: '25/1', avg_frame_rate: '25/1', pix_fmt: 'yuv420p' });
    expect(a?.codec_name).toBe('aac');
    const task = TaskSchema.parse(JSON.parse(readFileSync(path.join(r.folder, 'task.json'), 'utf8')));
    // Hand-computed: 10:10 = 10.4; 13.3 is a tie between frames 332 and 333 → 13.28; 17:05 = 17.2; 20.42 → 20.4
    expect(task.actions.map((x) => [x.name, x.start, x.end])).toEqual([
      ['idle', 0, 10.4],
      ['wave', 10.4, 13.28],
      ['thumbs up', 14, 17.2],
      ['heart', 20.4, 23],
    ]);
    const gpText = readFileSync(path.join(r.folder, 'greenParams.json'), 'utf8');
    expect(gpText).toBe(formatGreenParams(DEFAULT_GREEN_PARAMS) + '\n');
    expect(GreenParamsSchema.parse(JSON.parse(gpText))).toEqual(DEFAULT_GREEN_PARAMS);
    const readme = readFileSync(path.join(r.folder, 'README.txt'), 'utf8');
    for (const s of ['角色名称: Ann Lee', 'Character Name: Ann Lee', 'Motion-Editable Digital Human', '可编辑动作数字人', 'End Time: 13.28  (13:07)', 'Background Retention Level: 160']) {
      expect(readme).toContain(s);
    }
    expect(sha(take)).toBe(before); // the original is only read
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]); // no temporary left
    expect(isDeliveryMp4(await probeMedia(take))).toBe(true); // so it was copied, not re-encoded
    expect(JSON.parse(readFileSync(path.join(r.folder, 'export.json'), 'utf8')).videos[0].copied).toBe(true);
  });

  it('never overwrites: a second export gets its own folder', async () => {
    const out = path.join(t.dir, 'out2');
    const a = await run(motionParams(), out);
    const stamp = readFileSync(path.join(a.folder, 'export.json'), 'utf8');
    const b = await run(motionParams(), out);
    expect(b.folder).toBe(path.join(out, 'Ann-Lee-motion-2'));
    expect(readFileSync(path.join(a.folder, 'export.json'), 'utf8')).toBe(stamp);
  });

  it('a 12-s action warns and is written into the README', async () => {
    const p = motionParams();
    p.actions = [...p.actions!.slice(0, 2), { name: 'long one', start: 14, end: 26 }];
    const r = await run(p, path.join(t.dir, 'out3'));
    const w = r.findings.filter((f) => f.rule === 'task.action-too-long');
    expect(w.map((f) => f.severity)).toEqual(['warn']);
    expect(readFileSync(path.join(r.folder, 'README.txt'), 'utf8')).toContain('long one lasts 12.00 s');
  });

  it('an overlapping pair is refused, and nothing is written', async () => {
    const p = motionParams();
    p.actions![3] = { name: 'heart', start: '17:00', end: '19:00' };
    const out = path.join(t.dir, 'out4');
    await expect(run(p, out)).rejects.toBeInstanceOf(ExportRefused);
    await expect(run(p, out)).rejects.toThrow(/overlap from 17.00 s to 17.20 s/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('Quick + green screen is refused', async () => {
    await expect(run({ characterName: 'Q', modelType: 'quick', segmentation: 'greenscreen', greenParams: DEFAULT_GREEN_PARAMS }, path.join(t.dir, 'out5'))).rejects.toThrow(
      /Quick digital human cannot use greenscreen/,
    );
  });

  it('a failed check refuses the export unless confirmed, and the confirmation is recorded', async () => {
    const ff = await locateFfmpeg();
    const probe = await probeMedia(take, ff);
    const report = CheckReportSchema.parse({
      verdict: 'fail',
      file: take,
      preset: 'motion-actions',
      probe,
      findings: [{ rule: 'face.multiple', severity: 'error', section: '§1.2.5', start: 3, end: 4, message: 'two faces', startFrame: 75, endFrame: 100 }],
      stats: { framesTotal: 750, framesAnalyzed: 750, facesAnalyzed: true, analysisWidth: 590, analysisHeight: 590, durationSec: 30, elapsedSec: 1, audio: null, borders: { top: 0, bottom: 0, left: 0, right: 0 } },
      series: { frameT: [], faces: [], yaw: [], pitch: [], lipGap: [], audioT: [], audioDb: [] },
    });
    const out = path.join(t.dir, 'out6');
    await expect(run(motionParams(), out, { check: { report, html: '<html></html>' } })).rejects.toThrow(/check failed/);
    const r = await run(motionParams(), out, { check: { report, html: '<html></html>' }, confirmFailedCheck: true });
    expect(r.forcedFailedCheck).toBe(true);
    expect(readdirSync(r.folder)).toEqual(expect.arrayContaining(['check.json', 'check.html']));
    expect(readFileSync(path.join(r.folder, 'README.txt'), 'utf8')).toContain('the acceptance check FAILED and the operator confirmed');
    expect(JSON.parse(readFileSync(path.join(r.folder, 'export.json'), 'utf8')).check).toEqual({ verdict: 'fail', errors: 1, forcedFailedCheck: true });
  });

  it('cancel stops the conversion and leaves nothing behind', async () => {
    const out = path.join(t.dir, 'out-cancel');
    const abort = new AbortController();
    const job = exportPackage({
      ff: await locateFfmpeg(),
      videos: [{ file: mediaFile('talking-4.mp4'), role: 'primary' }],
      params: TaskParamsSchema.parse({ characterName: 'Cancel' }),
      outDir: out,
      cacheDir: path.join(t.dir, 'cache'),
      signal: abort.signal,
      onProgress: (p) => {
        if (p.stage === 'video') abort.abort();
      },
    });
    await expect(job).rejects.toThrow(/cancelled/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('converts a file that is not yet the delivery format (VFR talking-1 → 25/1), multi-scene with roles', async () => {
    const r = await exportPackage({
      ff: await locateFfmpeg(),
      videos: [
        { file: take, role: 'primary' },
        { file: mediaFile('talking-1.mp4'), role: 'auxiliary' },
      ],
      params: TaskParamsSchema.parse({ characterName: 'Ann', modelType: 'standard' }),
      outDir: path.join(t.dir, 'out7'),
      cacheDir: path.join(t.dir, 'cache'),
    });
    expect(r.files).toEqual(expect.arrayContaining(['Ann-standard-primary.mp4', 'Ann-standard-auxiliary-1.mp4']));
    const [v] = ffprobeStreams(path.join(r.folder, 'Ann-standard-auxiliary-1.mp4'));
    expect(v).toMatchObject({ r_frame_rate: '25/1', avg_frame_rate: '25/1' });
    const readme = readFileSync(path.join(r.folder, 'README.txt'), 'utf8');
    expect(readme).toContain('add the primary video first');
    expect(readme).toMatch(/Video file 2 \(auxiliary video\): Ann-standard-auxiliary-1\.mp4/);
  });
});

describe('capture-studio export (CLI)', () => {
  async function cli(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env });
    return { code, stdout, stderr };
  }
  async function params(name: string, value: unknown): Promise<string> {
    const f = path.join(t.dir, name);
    await fs.writeFile(f, typeof value === 'string' ? value : JSON.stringify(value));
    return f;
  }

  it('exports and prints the package folder, exit 0', async () => {
    const p = await params('ok.json', motionParams());
    const out = path.join(t.dir, 'cli-ok');
    const r = await cli('export', take, '--task', p, '--out', out);
    expect(r.stderr).not.toMatch(/capture-studio:/);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(path.join(out, 'Ann-Lee-motion'));
    expect(existsSync(path.join(r.stdout.trim(), 'task.json'))).toBe(true);
  });

  it('refusals by the rules exit 1 with the reason', async () => {
    const bad = motionParams();
    bad.actions![3] = { name: 'heart', start: '17:00', end: '19:00' };
    const r = await cli('export', take, '--task', await params('overlap.json', bad), '--out', path.join(t.dir, 'cli-1'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/overlap/);
    expect(r.stdout).toBe('');
  });

  // Hostile and careless inputs: each is refused with one clear sentence, exit 2, nothing written.
  const hostile: [string, () => Promise<string[]>, RegExp][] = [
    ['no --task', async () => ['export', take, '--out', path.join(t.dir, 'h')], /--task PARAMS.json is required/],
    ['no --out', async () => ['export', take, '--task', await params('h1.json', motionParams())], /--out DIR is required/],
    ['missing input', async () => ['export', path.join(t.dir, 'nope.mp4'), '--task', await params('h2.json', motionParams()), '--out', path.join(t.dir, 'h')], /no such file/],
    ['input is a folder', async () => ['export', t.dir, '--task', await params('h3.json', motionParams()), '--out', path.join(t.dir, 'h')], /not a file/],
    ['params not JSON', async () => ['export', take, '--task', await params('h4.json', '{"characterName": '), '--out', path.join(t.dir, 'h')], /not valid JSON/],
    ['params unknown key', async () => ['export', take, '--task', await params('h5.json', { characterName: 'A', videoStartt: 1 }), '--out', path.join(t.dir, 'h')], /videoStartt/],
    ['params an array', async () => ['export', take, '--task', await params('h6.json', [1, 2]), '--out', path.join(t.dir, 'h')], /--task/],
    ['bad time', async () => ['export', take, '--task', await params('h7.json', { characterName: 'A', videoStart: '10:25' }), '--out', path.join(t.dir, 'h')], /frame must be 0–24/],
    ['negative time', async () => ['export', take, '--task', await params('h8.json', { characterName: 'A', videoEnd: -3 }), '--out', path.join(t.dir, 'h')], /before the start/],
    ['script in a time', async () => ['export', take, '--task', await params('h9.json', { characterName: 'A', videoEnd: '$(rm -rf ~)' }), '--out', path.join(t.dir, 'h')], /not a time/],
    ['out is the input file', async () => ['export', take, '--task', await params('h10.json', motionParams()), '--out', take], /is the input file/],
    ['out is an existing file', async () => ['export', take, '--task', await params('h11.json', motionParams()), '--out', await params('a-file.txt', 'x')], /is a file, not a folder/],
    ['out inside a missing folder', async () => ['export', take, '--task', await params('h12.json', motionParams()), '--out', path.join(t.dir, 'no', 'such', 'dir')], /does not exist/],
    ['out below the input file', async () => ['export', take, '--task', await params('h13.json', motionParams()), '--out', path.join(take, 'sub')], /does not exist/],
    ['task is a folder', async () => ['export', take, '--task', t.dir, '--out', path.join(t.dir, 'h')], /not a file/],
    ['empty name', async () => ['export', take, '--task', await params('h14.json', { characterName: '   ' }), '--out', path.join(t.dir, 'h')], /character name is needed/],
  ];
  it.each(hostile)('%s → exit 2', async (_label, argv, re) => {
    const before = sha(take);
    const r = await cli(...(await argv()));
    expect(r.stderr).toMatch(re);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(sha(take)).toBe(before);
    expect(existsSync(path.join(t.dir, 'h')) ? readdirSync(path.join(t.dir, 'h')) : []).toEqual([]);
  });

  it('an out folder that is the input folder works; the original stays untouched', async () => {
    const before = sha(take);
    const r = await cli('export', take, '--task', await params('same.json', { characterName: 'Same' }), '--out', path.dirname(take));
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(path.join(path.dirname(take), 'Same-standard'));
    expect(sha(take)).toBe(before);
  });
});

/**
 * Issue #11 item 6 / #14: one integrity test for check and convert. A +faststart MP4 (index at the
 * front, so the header still claims the whole duration) cut short must be reported by `check` as
 * breaking off, as an error with the time, and by `convert` with the same time; whole files are not.
 * The expected break time comes from the WHOLE file's own packet index (where the cut byte falls),
 * not from the code under test, which only ever sees the cut file.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/main/services/checker/check-file';
import { preflightCheck } from '../../src/main/services/checker/preflight';
import { convertFile } from '../../src/main/services/convert';
import { locateFfmpeg } from '../../src/main/services/ffmpeg';
import type { StudioError } from '../../src/shared/errors';
import { ConvertOptionsSchema } from '../../src/shared/ingest/options';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaDir, mediaFile } from './helpers/media';

const tmp = tempDir('cs-integrity-');
afterAll(tmp.cleanup);

interface Packet {
  video: boolean;
  pts: number;
  dur: number;
  pos: number;
  size: number;
}

/** Every packet of a file with its byte range, from ffprobe's JSON. */
function packets(file: string): Packet[] {
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'packet=codec_type,pts_time,duration_time,pos,size', '-of', 'json', file], { encoding: 'utf8' });
  return (JSON.parse(out) as { packets: Record<string, string | number>[] }).packets.map((p) => ({
    video: p.codec_type === 'video',
    pts: Number(p.pts_time),
    dur: Number(p.duration_time ?? 0),
    pos: Number(p.pos),
    size: Number(p.size),
  }));
}

describe('one integrity test for check and convert', () => {
  const whole = path.join(tmp.dir, 'whole-faststart.mp4');
  const cut = path.join(tmp.dir, 'cut.mp4');
  let cutAtSec = 0;

  it('check reports a faststart MP4 cut at 2.36 s of 5.02 s as breaking off (error, with the time)', async () => {
    ffmpegSync(['-i', mediaFile('talking-3.mp4'), '-c', 'copy', '-movflags', '+faststart', whole]);
    // Cut the bytes where the video frame shown at 2.36 s is stored; by the whole file's own index,
    // the picture is whole up to the first frame not wholly before the cut.
    const all = packets(whole);
    const cutByte = all.find((p) => p.video && Math.abs(p.pts - 2.36) < 0.001)!.pos;
    const video = all.filter((p) => p.video);
    const t0 = Math.min(...video.map((p) => p.pts));
    cutAtSec = Math.min(...video.filter((p) => p.pos + p.size > cutByte).map((p) => p.pts)) - t0;
    writeFileSync(cut, readFileSync(whole).subarray(0, cutByte));

    const pre = await preflightCheck(cut);
    expect(pre.probe.durationSec).toBeCloseTo(5.02, 1); // the header still claims it all
    expect(pre.truncated).toMatchObject({ rule: 'file.truncated', severity: 'error' });
    // Where the readable data ends, to the reported 0.01 s.
    expect(cutAtSec).toBeGreaterThan(2.2);
    expect(cutAtSec).toBeLessThan(2.5); // 2.36 s: the frame the cut falls in
    expect(Math.abs(pre.truncated!.start - cutAtSec)).toBeLessThanOrEqual(0.011);
    expect(pre.truncated!.end).toBeCloseTo(5.02, 1);
    expect(pre.truncated!.message).toMatch(/breaks off at 2\.\d\d s of 5\.02 s/);

    const { report } = await checkFile(cut, { preset: 'quick', faces: null });
    const finding = report.findings.find((f) => f.rule === 'file.truncated');
    expect(finding).toMatchObject({ severity: 'error', start: pre.truncated!.start });
    expect(report.verdict).toBe('fail');
  }, 120_000);

  it('convert refuses the same file with the same time, before encoding', async () => {
    const ff = await locateFfmpeg();
    const out = path.join(tmp.dir, 'out.mp4');
    const err = await convertFile({ ff, input: cut, output: out, options: ConvertOptionsSchema.parse({ preset: 'ultrafast' }), cacheDir: path.join(tmp.dir, 'cache') }).then(
      () => null,
      (e: unknown) => e as StudioError,
    );
    expect(err?.code).toBe('unreadable-media');
    const pre = await preflightCheck(cut);
    expect(err?.message).toContain(`breaks off at ${pre.truncated!.start.toFixed(2)} s of 5.02 s`);
    expect(readdirSync(tmp.dir)).not.toContain('out.mp4');
  });

  it('no whole file of the shared media is called truncated (no false alarm)', async () => {
    const files = readdirSync(mediaDir).filter((n) => n.endsWith('.mp4'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    // A stream-copy trim to a MOV: an edit list and holes among the last frames, yet whole.
    const trimmed = path.join(tmp.dir, 'trimmed.mov');
    ffmpegSync(['-i', mediaFile('driving-d0.mp4'), '-t', '1', '-c', 'copy', '-f', 'mov', trimmed]);
    for (const file of [...files.map(mediaFile), whole, trimmed]) {
      const pre = await preflightCheck(file);
      expect(pre.truncated, file).toBeNull();
    }
  }, 120_000);

  it('file problems come first: missing, a folder, no video', async () => {
    await expect(preflightCheck('/no/such/file')).rejects.toThrow(/no such file/);
    await expect(preflightCheck(tmp.dir)).rejects.toThrow(/not a file/);
    await expect(preflightCheck(mediaFile('audio/jfk.wav'))).rejects.toThrow(/no video stream/);
  });
});

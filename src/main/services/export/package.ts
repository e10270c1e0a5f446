/**
 * The platform-ready package (issue #17, §5.1–5.3, §6): one folder per delivery holding the delivery
 * MP4 (copied when it already is the platform's 25/1 H.264 MP4, otherwise converted by the convert
 * service), task.json, greenParams.json (§1.3.3, only for green-screen segmentation), the acceptance
 * report (check.json + check.html) where a check ran, README.txt (zh-CN + en) and export.json (what
 * was exported from what, and whether a failed check was overridden).
 *
 * Never overwrites: everything is written into a hidden temporary folder beside the target, which
 * is renamed to a free name (`Ann-motion`, `Ann-motion-2` …) only when complete; a cancel or an
 * error removes the temporary folder. Inputs are only read.
 */
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import pkg from '../../../../package.json';
import { StudioError } from '../../../shared/errors';
import { formatGreenParams } from '../../../shared/green-params';
import { ConvertOptionsSchema } from '../../../shared/ingest/options';
import type { ProbeResult } from '../../../shared/probe';
import type { CheckReport } from '../../../shared/qc/report';
import { reportHtml } from '../../../shared/qc/report-html';
import { DELIVERY_AUDIO, DELIVERY_FPS } from '../../../shared/standards';
import { buildTask, type TaskFinding } from '../../../shared/task/build';
import { buildReadme, type ReadmeVideo } from '../../../shared/task/readme';
import { formatTaskJson, type Task, type TaskParams } from '../../../shared/task/schema';
import { convertFile } from '../convert';
import { samePath } from '../convert/output-path';
import { probeMedia, type FfmpegInfo } from '../ffmpeg';

export interface ExportVideo {
  file: string;
  role: 'primary' | 'auxiliary';
}

export interface ExportProgress {
  stage: 'prepare' | 'video' | 'files';
  fraction: number;
  etaSeconds: number | null;
}

export interface ExportPackageOptions {
  ff: FfmpegInfo;
  /** The primary (or only) video first, then auxiliary videos (§4, §5.2). */
  videos: readonly ExportVideo[];
  params: TaskParams;
  outDir: string;
  /** The acceptance check of the primary video, when one ran. */
  check?: { report: CheckReport; html: string } | null;
  /** Live-monitor findings of the take (pose-return rules are matched against boundaries). */
  liveFindings?: readonly { rule: string; start: number; end: number; message: string }[];
  /** Export although the check failed (the operator confirmed; recorded in README and export.json). */
  confirmFailedCheck?: boolean;
  cacheDir: string;
  signal?: AbortSignal;
  onProgress?: (p: ExportProgress) => void;
}

export interface ExportPackageResult {
  folder: string;
  files: string[];
  task: Task;
  findings: TaskFinding[];
  forcedFailedCheck: boolean;
}

/** The task was refused (error findings) or the check failed without confirmation: exit 1 in the CLI. */
export class ExportRefused extends StudioError {
  constructor(
    message: string,
    readonly findings: TaskFinding[],
    hint?: string,
  ) {
    super('bad-argument', message, { hint });
    this.name = 'ExportRefused';
  }
}

/** Already the platform's delivery file (§7.1): MP4, H.264 yuv420p, exactly 25/1 CFR, AAC 48 kHz (or no audio). */
export function isDeliveryMp4(p: ProbeResult): boolean {
  const v = p.video;
  if (!v || p.container !== 'mp4') return false;
  const at25 = (r: { num: number; den: number }) => r.num * DELIVERY_FPS.den === DELIVERY_FPS.num * r.den;
  const audioOk = !p.audio || (p.audio.codec === DELIVERY_AUDIO.codec && p.audio.sampleRate === DELIVERY_AUDIO.sampleRate);
  return v.codec === 'h264' && v.pixelFormat === 'yuv420p' && !v.vfr && at25(v.rFrameRate) && at25(v.avgFrameRate) && v.hdr === 'none' && v.rotation === 0 && audioOk;
}

/** A folder-name-safe version of the character name (letters of any script, digits, - and _). */
export function slug(name: string): string {
  const s = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60);
  return s || 'export';
}

export async function exportPackage(o: ExportPackageOptions): Promise<ExportPackageResult> {
  const started = performance.now();
  const progress = (stage: ExportProgress['stage'], fraction: number) => {
    const el = (performance.now() - started) / 1000;
    o.onProgress?.({ stage, fraction, etaSeconds: fraction > 0.02 && fraction < 1 ? (el / fraction) * (1 - fraction) : null });
  };
  progress('prepare', 0);
  if (o.videos.length === 0) throw new StudioError('bad-argument', 'nothing to export: no video given');
  const inputs = o.videos.map((v) => ({ ...v, file: path.resolve(v.file) }));
  for (const v of inputs) {
    const st = await fs.stat(v.file).catch(() => null);
    if (!st) throw new StudioError('not-found', `${v.file}: no such file`);
    if (!st.isFile()) throw new StudioError('bad-argument', `${v.file}: not a file`);
  }
  const outDir = await checkOutDir(o.outDir, inputs.map((v) => v.file));
  const probes = await Promise.all(inputs.map((v) => probeMedia(v.file, o.ff)));
  const primary = probes[0]!;
  if (!primary.video) throw new StudioError('unreadable-media', `${inputs[0]!.file}: has no video stream`);
  for (const [i, p] of probes.entries()) if (!p.video) throw new StudioError('unreadable-media', `${inputs[i]!.file}: has no video stream`);

  // The task and its rules, against the primary video as it will be delivered (25 fps, same size).
  const built = buildTask(o.params, {
    durationSec: primary.durationSec,
    width: primary.video.displayWidth,
    height: primary.video.displayHeight,
    findings: [...(o.check?.report.findings ?? []), ...(o.liveFindings ?? [])],
  });
  const errors = built.findings.filter((f) => f.severity === 'error');
  if (!built.task || errors.length) {
    throw new ExportRefused(`the task cannot be exported: ${errors.map((f) => f.message).join('; ')}`, built.findings, 'Correct these times or parameters and export again.');
  }
  const task = built.task;
  const failed = o.check?.report.verdict === 'fail';
  const failedErrors = o.check?.report.findings.filter((f) => f.severity === 'error').length ?? 0;
  if (failed && !o.confirmFailedCheck) {
    throw new ExportRefused(
      `the acceptance check failed (${failedErrors} errors); the package is not exported unless you confirm`,
      built.findings,
      'Fix the take, or confirm the export (--force-failed on the command line); the README will say so.',
    );
  }
  const findings: TaskFinding[] = [...built.findings];
  if (failed) {
    findings.push({ rule: 'export.check-failed', severity: 'warn', section: '§1.2.5', start: 0, end: 0, message: `The acceptance check failed (${failedErrors} errors); the operator confirmed the export anyway`, values: { errors: failedErrors } });
  }

  const base = slug(task.characterName) + '-' + task.modelType;
  const tmp = path.join(outDir, `.${base}.partial-${randomBytes(4).toString('hex')}`);
  await fs.mkdir(tmp);
  try {
    const files: string[] = [];
    const readmeVideos: ReadmeVideo[] = [];
    const multi = inputs.length > 1;
    let auxN = 0;
    // Video work dominates: share the progress bar by seconds of footage.
    const totalSec = probes.reduce((s, p) => s + Math.max(0.1, p.durationSec), 0);
    let doneSec = 0;
    for (const [i, v] of inputs.entries()) {
      const p = probes[i]!;
      const name = multi ? (v.role === 'primary' ? `${base}-primary.mp4` : `${base}-auxiliary-${++auxN}.mp4`) : `${base}.mp4`;
      const target = path.join(tmp, name);
      if (isDeliveryMp4(p)) {
        await fs.copyFile(v.file, target, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
      } else {
        await convertFile({
          ff: o.ff,
          input: v.file,
          output: target,
          facts: p,
          options: ConvertOptionsSchema.parse({}),
          cacheDir: o.cacheDir,
          signal: o.signal,
          onProgress: (cp) => progress('video', 0.05 + (0.85 * (doneSec + (cp.progress ?? 0) * p.durationSec)) / totalSec),
        });
      }
      if (o.signal?.aborted) throw new StudioError('cancelled', 'cancelled');
      doneSec += Math.max(0.1, p.durationSec);
      progress('video', 0.05 + (0.85 * doneSec) / totalSec);
      const out = await probeMedia(target, o.ff);
      files.push(name);
      readmeVideos.push({ file: name, role: multi ? v.role : 'single', durationSec: out.durationSec, width: out.video?.displayWidth ?? 0, height: out.video?.displayHeight ?? 0 });
    }
    progress('files', 0.92);
    await fs.writeFile(path.join(tmp, 'task.json'), formatTaskJson(task), { flag: 'wx' });
    files.push('task.json');
    if (task.greenParams) {
      await fs.writeFile(path.join(tmp, 'greenParams.json'), formatGreenParams(task.greenParams) + '\n', { flag: 'wx' });
      files.push('greenParams.json');
    }
    if (o.check) {
      await fs.writeFile(path.join(tmp, 'check.json'), JSON.stringify(o.check.report, null, 2) + '\n', { flag: 'wx' });
      await fs.writeFile(path.join(tmp, 'check.html'), o.check.html || reportHtml(o.check.report, 'en'), { flag: 'wx' });
      files.push('check.json', 'check.html');
    }
    const createdAt = new Date().toISOString();
    files.push('README.txt', 'export.json');
    const readme = buildReadme(
      {
        task,
        videos: readmeVideos,
        update: o.params.update !== null,
        check: o.check ? { verdict: o.check.report.verdict, errors: failedErrors, forced: failed, report: 'check.html' } : null,
        findings,
        createdAt,
        appVersion: pkg.version,
      },
      files,
    );
    await fs.writeFile(path.join(tmp, 'README.txt'), readme, { flag: 'wx' });
    const manifest = {
      createdAt,
      app: `Capture Studio ${pkg.version}`,
      videos: inputs.map((v, i) => ({ file: readmeVideos[i]!.file, role: readmeVideos[i]!.role, source: v.file, copied: isDeliveryMp4(probes[i]!) })),
      update: o.params.update,
      check: o.check ? { verdict: o.check.report.verdict, errors: failedErrors, forcedFailedCheck: failed } : null,
      findings: findings.map(({ rule, severity, section, message }) => ({ rule, severity, section, message })),
      files,
    };
    await fs.writeFile(path.join(tmp, 'export.json'), JSON.stringify(manifest, null, 2) + '\n', { flag: 'wx' });
    const folder = await publishFolder(tmp, outDir, base);
    progress('files', 1);
    return { folder, files, task, findings, forcedFailedCheck: failed };
  } catch (err) {
    await fs.rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

/** The output folder: absolute, a folder (created when missing), writable, and not an input. */
async function checkOutDir(dir: string, inputs: readonly string[]): Promise<string> {
  if (!dir.trim() || dir.includes('\0')) throw new StudioError('bad-argument', 'the output folder is missing');
  const abs = path.resolve(dir);
  if (inputs.some((i) => samePath(i, abs))) throw new StudioError('bad-argument', `${abs}: is the input file; give a folder for the package`);
  const st = await fs.stat(abs).catch(() => null);
  if (st && !st.isDirectory()) throw new StudioError('bad-argument', `${abs}: is a file, not a folder; give a folder for the package`);
  if (!st) {
    const parent = await fs.stat(path.dirname(abs)).catch(() => null);
    if (!parent?.isDirectory()) throw new StudioError('not-found', `${path.dirname(abs)}: the folder for the package does not exist`, { hint: 'Create it, or choose another folder.' });
    await fs.mkdir(abs);
  }
  try {
    await fs.access(abs, constants.W_OK);
  } catch {
    throw new StudioError('bad-argument', `${abs}: the output folder cannot be written to`, { hint: 'Choose a folder you can write to.' });
  }
  return abs;
}

/** Rename the finished temporary folder to the first free name; never replaces anything. */
async function publishFolder(tmp: string, outDir: string, base: string): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const folder = path.join(outDir, n === 1 ? base : `${base}-${n}`);
    // mkdir claims the name atomically; rename then replaces only that empty folder we just made.
    try {
      await fs.mkdir(folder);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    try {
      await fs.rename(tmp, folder);
    } catch (err) {
      await fs.rmdir(folder).catch(() => {});
      throw err;
    }
    return folder;
  }
  throw new StudioError('io', `${outDir}: no free folder name for ${base}`);
}

/**
 * The voice delivery folder (§8.4–8.6, §9): the segments as lossless WAV (copied byte for byte),
 * the segments merged into one WAV, the authorization recording, a `voice_task.json` (target,
 * languages, files, durations, effective speech) and the QC report of each file. Built in a hidden
 * folder and renamed into place at the end; an existing folder is never written into.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../../shared/errors';
import type { VoiceTargetId } from '../../../shared/standards';
import { locateFfmpeg, runFfmpeg, type FfmpegInfo } from '../ffmpeg';
import { analyzeVoiceFile, type VoiceFileReport } from './analyze-file';

export interface VoiceExportInput {
  segments: string[];
  auth: string | null;
  target: Exclude<VoiceTargetId, 'auth'>;
  /** BCP-47 tags of what was read (TTS3 clones Chinese only, §10). */
  languages: string[];
  outDir: string;
  name: string;
  ff?: FfmpegInfo;
  signal?: AbortSignal;
}

export interface VoiceTaskFile {
  file: string;
  role: 'segment' | 'merged' | 'auth';
  durationS: number;
  speechS: number;
  verdict: 'pass' | 'warn' | 'fail';
}

export async function exportVoiceSession(input: VoiceExportInput): Promise<{ dir: string; task: unknown }> {
  if (input.segments.length === 0) throw new StudioError('bad-argument', 'No voice segments to export: record at least one segment first');
  if (!/^[\w.-]{1,80}$/.test(input.name)) throw new StudioError('bad-argument', `${input.name}: use letters, digits, dot, dash or underscore for the export folder name`);
  const ff = input.ff ?? (await locateFfmpeg());
  const final = path.join(path.resolve(input.outDir), input.name);
  try {
    await fs.lstat(final);
    throw new StudioError('bad-argument', `${final}: already exists; an export never writes into an existing folder`);
  } catch (err) {
    if (err instanceof StudioError) throw err;
  }
  const work = path.join(path.dirname(final), `.${input.name}.partial-${process.pid}-${Date.now()}`);
  await fs.mkdir(work, { recursive: true });
  try {
    const files: VoiceTaskFile[] = [];
    const reports: Record<string, VoiceFileReport> = {};
    const add = async (file: string, role: VoiceTaskFile['role'], target: VoiceTargetId) => {
      const r = await analyzeVoiceFile(path.join(work, file), { target, ff, signal: input.signal });
      reports[file] = { ...r, file };
      files.push({ file, role, durationS: r.stats.durationS, speechS: r.stats.speechS, verdict: r.verdict });
    };
    const names: string[] = [];
    for (const [i, seg] of input.segments.entries()) {
      const name = `segment-${String(i + 1).padStart(2, '0')}.wav`;
      await fs.copyFile(seg, path.join(work, name), fs.constants.COPYFILE_EXCL);
      names.push(name);
      await add(name, 'segment', input.target);
    }
    // Merged: the segments one after another, as float PCM at the first segment's rate.
    const merged = 'merged.wav';
    const inputs = names.flatMap((n) => ['-i', `file:${path.join(work, n)}`]);
    const filter = `${names.map((_, i) => `[${i}:a:0]`).join('')}concat=n=${names.length}:v=0:a=1[a]`;
    await runFfmpeg(ff, [...inputs, '-filter_complex', filter, '-map', '[a]', '-c:a', 'pcm_f32le', `file:${path.join(work, merged)}`], { signal: input.signal });
    await add(merged, 'merged', input.target);
    if (input.auth) {
      await fs.copyFile(input.auth, path.join(work, 'authorization.wav'), fs.constants.COPYFILE_EXCL);
      await add('authorization.wav', 'auth', 'auth');
    }
    const mergedReport = reports[merged]!;
    const task = {
      schemaVersion: 1,
      target: input.target,
      languages: input.languages,
      createdAt: new Date().toISOString(),
      effectiveSpeechS: mergedReport.stats.speechS,
      verdict: mergedReport.verdict,
      authorization: input.auth ? 'authorization.wav' : null,
      files,
    };
    await fs.writeFile(path.join(work, 'voice_task.json'), JSON.stringify(task, null, 2) + '\n', { flag: 'wx' });
    await fs.writeFile(path.join(work, 'qc-report.json'), JSON.stringify(reports, null, 2) + '\n', { flag: 'wx' });
    await fs.rename(work, final);
    return { dir: final, task };
  } catch (err) {
    await fs.rm(work, { recursive: true, force: true });
    throw err;
  }
}

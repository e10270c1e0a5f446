/**
 * The voice delivery folder (§8.4–8.6, §9, §10):
 * - `segment-NN.wav`: the takes' take.wav copied byte for byte (the untouched originals);
 * - `segment-NN.denoised.wav`: each segment after offline noise reduction (afftdn, §8.3/§10 — the
 *   files to upload), beside its original;
 * - `merged.wav` / `merged.denoised.wav`: the segments one after another, original and processed;
 * - `authorization.wav` / `authorization.denoised.wav`: the take recorded as the authorization
 *   (its role was set at Record, never inferred from a check), checked with target `auth`;
 * - `voice_task.json` (target, languages, files with role, processing, durations, speech, noise
 *   floor and SNR before/after; the authorization's script and names, words not verified) and
 *   `qc-report.json` (the full QC of every file and the noise-reduction pairs).
 * Built in a hidden folder and renamed into place at the end; an existing folder is never written
 * into; cancel or failure removes the hidden folder.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../../shared/errors';
import type { VoiceTargetId } from '../../../shared/standards';
import type { AuthLang } from '../../../shared/voice/auth-scripts';
import { locateFfmpeg, probeMedia, runFfmpeg, type FfmpegInfo } from '../ffmpeg';
import { voiceConcatArgs } from '../ffmpeg/recipes';
import { analyzeVoiceFile, type VoiceFileReport } from './analyze-file';
import { denoiseVoiceFile, levelsOf, qcFraction, type DenoiseLevels } from './denoise';
import { WorkPlan, type WorkProgress } from './work-progress';

export interface VoiceExportAuth {
  file: string;
  takeId?: string;
  lang: AuthLang;
  speaker: string;
  company: string;
  script: string;
}

export interface VoiceExportInput {
  segments: string[];
  /** The take recorded as the authorization (role `auth`), or null when there is none. */
  auth: VoiceExportAuth | null;
  target: Exclude<VoiceTargetId, 'auth'>;
  /** BCP-47 tags of what was read (TTS3 clones Chinese only, §10). */
  languages: string[];
  outDir: string;
  name: string;
  ff?: FfmpegInfo;
  signal?: AbortSignal;
  onProgress?: (p: WorkProgress) => void;
}

export interface VoiceTaskFile {
  file: string;
  role: 'segment' | 'merged' | 'auth';
  /** `original`: as recorded; `denoised`: after afftdn, with `originalFile` the one it came from. */
  processing: 'original' | 'denoised';
  originalFile?: string;
  durationS: number;
  speechS: number;
  verdict: 'pass' | 'warn' | 'fail';
  noiseFloorDb: number | null;
  snrDb: number | null;
  speechLevelDb: number | null;
  peakDb: number | null;
  clippedSamples: number;
}

export interface NoiseReductionPair {
  original: string;
  denoised: string;
  filter: string;
  before: DenoiseLevels;
  after: DenoiseLevels;
}

/** Cost of a step per second of audio, relative to one QC run (ETA weights; see work-progress). */
const COST = { qc: 1, denoise: 0.3, copy: 0.02 } as const;

export async function exportVoiceSession(input: VoiceExportInput): Promise<{ dir: string; task: unknown; files: string[] }> {
  if (input.segments.length === 0) throw new StudioError('bad-argument', 'No voice segments to export: record at least one speech segment first');
  if (!/^[\w.-]{1,80}$/.test(input.name) || input.name.startsWith('.')) throw new StudioError('bad-argument', `${input.name}: use letters, digits, dot, dash or underscore for the export folder name`);
  const ff = input.ff ?? (await locateFfmpeg());
  const final = path.join(path.resolve(input.outDir), input.name);
  try {
    await fs.lstat(final);
    throw new StudioError('bad-argument', `${final}: already exists; an export never writes into an existing folder`);
  } catch (err) {
    if (err instanceof StudioError) throw err;
  }
  const signal = input.signal;
  // Lengths first, for the ETA (a probe is cheap next to QC).
  const segSeconds = await Promise.all(input.segments.map(async (f) => (await probeMedia(f, ff)).durationSec || 0));
  const authSeconds = input.auth ? (await probeMedia(input.auth.file, ff)).durationSec || 0 : 0;
  const total = segSeconds.reduce((a, b) => a + b, 0);
  const plan = new WorkPlan((p) => input.onProgress?.(p));
  const qcDenoiseSteps = (stage: string, s: number) => {
    const before = plan.step(`${stage}:qc`, s, COST.qc);
    const den = plan.step(`${stage}:denoise`, s, COST.denoise);
    const after = plan.step(`${stage}:qc-denoised`, s, COST.qc);
    return (st: 'qc-before' | 'denoise' | 'qc-after', f: number) => (st === 'qc-before' ? before : st === 'denoise' ? den : after)(f);
  };
  const segSteps = segSeconds.map((s, i) => ({ copy: plan.step(`segment-${i + 1}:copy`, s, COST.copy), work: qcDenoiseSteps(`segment-${i + 1}`, s) }));
  const mergeSteps = { concat: plan.step('merged:concat', total, 2 * COST.copy), qc: plan.step('merged:qc', total, COST.qc), qcDenoised: plan.step('merged:qc-denoised', total, COST.qc) };
  const authSteps = input.auth ? { copy: plan.step('authorization:copy', authSeconds, COST.copy), work: qcDenoiseSteps('authorization', authSeconds) } : null;

  const work = path.join(path.dirname(final), `.${input.name}.partial-${process.pid}-${Date.now()}`);
  await fs.mkdir(work, { recursive: true });
  try {
    const files: VoiceTaskFile[] = [];
    const reports: Record<string, VoiceFileReport> = {};
    const pairs: NoiseReductionPair[] = [];
    const record = (file: string, role: VoiceTaskFile['role'], r: VoiceFileReport, originalFile?: string) => {
      reports[file] = { ...r, file };
      const l = levelsOf(r);
      files.push({
        file,
        role,
        processing: originalFile ? 'denoised' : 'original',
        ...(originalFile ? { originalFile } : {}),
        durationS: r.stats.durationS,
        speechS: r.stats.speechS,
        verdict: r.verdict,
        noiseFloorDb: l.noiseFloorDb,
        snrDb: l.snrDb,
        speechLevelDb: l.speechLevelDb,
        peakDb: l.peakDb,
        clippedSamples: l.clippedSamples,
      });
    };
    /** Copy an original in, measure it, and write its noise-reduced twin beside it. */
    const originalAndDenoised = async (src: string, base: string, role: 'segment' | 'auth', target: VoiceTargetId, steps: { copy: (f: number) => void; work: ReturnType<typeof qcDenoiseSteps> }) => {
      const orig = `${base}.wav`;
      const den = `${base}.denoised.wav`;
      await fs.copyFile(src, path.join(work, orig), fs.constants.COPYFILE_EXCL);
      steps.copy(1);
      const d = await denoiseVoiceFile(path.join(work, orig), path.join(work, den), { target, ff, signal, onProgress: steps.work });
      record(orig, role, d.beforeReport);
      record(den, role, d.afterReport, orig);
      pairs.push({ original: orig, denoised: den, filter: d.filter, before: d.before, after: d.after });
      return { orig, den };
    };

    const originals: string[] = [];
    const denoised: string[] = [];
    for (const [i, seg] of input.segments.entries()) {
      const base = `segment-${String(i + 1).padStart(2, '0')}`;
      const { orig, den } = await originalAndDenoised(seg, base, 'segment', input.target, segSteps[i]!);
      originals.push(orig);
      denoised.push(den);
    }
    // Merged: the segments one after another, as float PCM at the first segment's rate — once from
    // the originals, once from the processed segments (each denoised with its own noise floor).
    const concat = async (names: string[], out: string, onFraction: (f: number) => void) => {
      await runFfmpeg(ff, voiceConcatArgs({ inputs: names.map((n) => path.join(work, n)), output: path.join(work, out) }), {
        signal,
        durationSec: total,
        onProgress: (p) => onFraction(p.progress ?? 0),
      });
    };
    await concat(originals, 'merged.wav', (f) => mergeSteps.concat(f / 2));
    mergeSteps.concat(0.5);
    await concat(denoised, 'merged.denoised.wav', (f) => mergeSteps.concat(0.5 + f / 2));
    mergeSteps.concat(1);
    const mergedReport = await analyzeVoiceFile(path.join(work, 'merged.wav'), { target: input.target, ff, signal, onProgress: (p) => mergeSteps.qc(qcFraction(p)) });
    mergeSteps.qc(1);
    record('merged.wav', 'merged', mergedReport);
    const mergedDenoised = await analyzeVoiceFile(path.join(work, 'merged.denoised.wav'), { target: input.target, ff, signal, onProgress: (p) => mergeSteps.qcDenoised(qcFraction(p)) });
    mergeSteps.qcDenoised(1);
    record('merged.denoised.wav', 'merged', mergedDenoised, 'merged.wav');
    pairs.push({ original: 'merged.wav', denoised: 'merged.denoised.wav', filter: 'concat of the denoised segments', before: levelsOf(mergedReport), after: levelsOf(mergedDenoised) });

    let authorization: Record<string, unknown> | null = null;
    if (input.auth && authSteps) {
      await originalAndDenoised(input.auth.file, 'authorization', 'auth', 'auth', authSteps);
      const a = input.auth;
      authorization = {
        file: 'authorization.wav',
        denoisedFile: 'authorization.denoised.wav',
        ...(a.takeId ? { take: a.takeId } : {}),
        language: a.lang,
        speaker: a.speaker,
        company: a.company,
        script: a.script,
        // §8.6: the studio checks one speaker, level and length; it cannot hear whether these words
        // were said. Someone listens before upload.
        wordsVerified: false,
      };
    }
    const task = {
      schemaVersion: 2,
      target: input.target,
      languages: input.languages,
      createdAt: new Date().toISOString(),
      effectiveSpeechS: mergedReport.stats.speechS,
      verdict: mergedReport.verdict,
      verdictDenoised: mergedDenoised.verdict,
      noiseReduction: {
        tool: 'ffmpeg afftdn',
        section: '§8.3, §10',
        note: 'The *.denoised.wav files are the ones to upload; the originals beside them are as recorded.',
        pairs: pairs.map((p) => ({ original: p.original, denoised: p.denoised, filter: p.filter, before: p.before, after: p.after })),
      },
      authorization,
      files,
    };
    await fs.writeFile(path.join(work, 'voice_task.json'), JSON.stringify(task, null, 2) + '\n', { flag: 'wx' });
    await fs.writeFile(path.join(work, 'qc-report.json'), JSON.stringify({ files: reports, noiseReduction: pairs }, null, 2) + '\n', { flag: 'wx' });
    if (signal?.aborted) throw new StudioError('cancelled', 'Export cancelled; nothing was written');
    await fs.rename(work, final);
    return { dir: final, task, files: (await fs.readdir(final)).sort() };
  } catch (err) {
    await fs.rm(work, { recursive: true, force: true });
    throw err;
  }
}

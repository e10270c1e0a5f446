import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Marker } from '../../../shared/api';
import { StudioError } from '../../../shared/errors';
import { sortFindings, type Finding } from '../../../shared/findings';
import { audioFindings, speechFrames } from '../../../shared/qc/audio-rules';
import { blackBorderFindings } from '../../../shared/qc/black-border';
import { continuityFindings, timestampGaps } from '../../../shared/qc/continuity';
import { formatFindings } from '../../../shared/qc/format-rules';
import { multiSceneFindings, poseOver, returnPoseFindings, type PoseSample } from '../../../shared/qc/pose-rules';
import { verdictOf, type CheckReport, type ReportFinding } from '../../../shared/qc/report';
import { makeFinding } from '../../../shared/rules';
import { MouthStripBuilder } from '../../../shared/qc/mouth-strip';
import { phaseAt, segmentFindings, segmentPlan } from '../../../shared/qc/segment-rules';
import { AUDIO_ANALYSIS, VISION_ANALYSIS, type PresetId } from '../../../shared/standards';
import { FindingsLog, VisionRules, primaryFace, type FrameMeasurement } from '../../../shared/vision/analysis';
import { locateFfmpeg, probeMedia, type FfmpegInfo } from '../ffmpeg';
import { readIntegrity, truncationFinding } from '../convert/integrity';
import { runAudioPass } from './audio-pass';
import { runBorderPass } from './border-pass';
import { reportAbout, type AboutInput } from './report-about';
import type { FaceAnalyzer, RgbaFrame } from './face-analyzer';
import { FacePipeline } from './face-pipeline';
import { encodeMouthStrip } from './mouth-strip-jpeg';
import { videoFrameTimes } from './frame-times';
import { thumbnailAt } from './thumbnails';
import { analysisSize, runVideoPass } from './video-pass';

export interface CheckProgress {
  stage: 'probe' | 'audio' | 'video' | 'report';
  /** 0–1 over the whole check. */
  fraction: number;
  etaSeconds: number | null;
}

export interface CheckOptions {
  preset: PresetId;
  /** Null: faces are not analysed (no Chromium, no face model); the report says so. */
  faces: FaceAnalyzer | null;
  /** Why `faces` is null, in a few words (the faces.not-analysed finding names it). */
  facesUnavailable?: string;
  /** Markers of a recorded take (phase times, returns to the default pose …). */
  markers?: Marker[];
  /** Multi-scene auxiliary: the primary video's report, for face angle and lighting. */
  primary?: CheckReport | null;
  signal?: AbortSignal;
  onProgress?: (p: CheckProgress) => void;
  /**
   * Awaited before each stage and each video frame: resolves when the check may go on (the app
   * holds it while a take records: RecordingGate). Time spent here is left out of the ETA.
   */
  hold?: () => Promise<void>;
  /** Findings with more than this many thumbnails get none beyond it. */
  maxThumbnails?: number;
  /** Shoot, take and face model for the report's header (the app knows them; the CLI some). */
  about?: AboutInput;
}

/** Internal: the face-pose series for the preset rules, kept beside the report. */
export interface CheckResult {
  report: CheckReport;
  poses: PoseSample[];
}

const WEIGHTS = { probe: 0.02, audio: 0.1, video: 0.83, report: 0.05 };

/**
 * Check one file against §1.2.5 / §7 on every frame: format from the probe, audio from one decode,
 * every video frame decoded once at the analysis size for continuity and faces, black borders on
 * sampled full-size frames, then the segment and preset rules. Streams throughout.
 */
export async function checkFile(file: string, opts: CheckOptions): Promise<CheckResult> {
  const started = performance.now();
  const abs = path.resolve(file);
  const st = await fs.stat(abs).catch(() => null);
  if (!st) throw new StudioError('not-found', `${abs}: no such file`);
  if (!st.isFile()) throw new StudioError('bad-argument', `${abs}: not a file`);
  const ff = await locateFfmpeg();
  let heldMs = 0;
  const hold = async () => {
    if (!opts.hold) return;
    const t0 = performance.now();
    await opts.hold();
    heldMs += performance.now() - t0;
  };
  const progress = makeProgress(started, () => heldMs, opts.onProgress);
  await hold();
  progress('probe', 0);
  const probe = await probeMedia(abs, ff);
  if (!probe.video) throw new StudioError('unreadable-media', `${abs}: has no video stream, so there is nothing to check for a digital human`);
  const v = probe.video;
  const duration = probe.durationSec;
  const fps = v.avgFrameRate.fps > 0 ? v.avgFrameRate.fps : v.rFrameRate.fps || 25;
  const audioRequired = opts.preset !== 'motion-actions';
  const findings: Finding[] = [...formatFindings(probe)];
  // One integrity test with convert (convert/integrity.ts): a file cut short says where it breaks off.
  const cut = truncationFinding(probe, await readIntegrity(ff, probe));
  if (cut) findings.push(cut);

  // Audio first: the per-frame lip rules need to know when there is speech.
  let audio: Awaited<ReturnType<typeof runAudioPass>> | null = null;
  if (probe.audio) {
    await hold();
    audio = await runAudioPass(ff, abs, { durationSec: duration, signal: opts.signal, onProgress: (f) => progress('audio', f) });
  }
  const a = audioFindings(audio?.frames ?? null, audio?.integratedLufs ?? null, duration, audioRequired);
  findings.push(...a.findings);
  const speech = audio ? speechFrames(audio.frames) : null;
  const speechAt = (t: number) => {
    if (!speech) return null;
    const i = Math.floor(t / (AUDIO_ANALYSIS.frameMs / 1000));
    return speech[Math.min(speech.length - 1, Math.max(0, i))] ?? false;
  };

  const plan = segmentPlan(opts.preset);
  const silentEnd = opts.markers?.find((m) => m.kind === 'phase' && m.phase === 'narration')?.t ?? plan.silentSeconds;
  const times = await videoFrameTimes(ff, abs);
  const size = analysisSize(v.displayWidth, v.displayHeight, VISION_ANALYSIS.maxSide);
  const rules = new VisionRules();
  const log = new FindingsLog();
  const series: CheckReport['series'] = { frameT: [], faces: [], yaw: [], pitch: [], lipGap: [], audioT: [], audioDb: [] };
  const poses: PoseSample[] = [];
  // The mouth every few seconds for the person who signs off (mouth-strip.ts): faces only.
  const mouths = opts.faces ? new MouthStripBuilder(duration) : null;
  /** Times of the frames in which a face was found: such a frame is never "black" (continuity.ts). */
  const withFace = new Set<number>();
  const onFaces = (frame: RgbaFrame, m: FrameMeasurement) => {
    if (m.faces.length > 0) withFace.add(frame.t);
    const phase = plan.silentSeconds > 0 && frame.t < silentEnd ? 'silent' : phaseAt({ ...plan, silentSeconds: 0 }, frame.t);
    log.add(rules.step({ t: frame.t, frame: m, phase, speech: speechAt(frame.t) }));
    const face = primaryFace(m);
    series.faces.push(m.faces.length);
    series.yaw.push(face?.yaw === null || !face ? null : round(face.yaw, 1));
    series.pitch.push(face?.pitch === null || !face ? null : round(face.pitch, 1));
    series.lipGap.push(face ? round(face.lipGap, 4) : null);
    poses.push(poseSample(frame, m));
    if (mouths?.wants(frame.t)) mouths.offer(frame.t, frame.rgba, frame.width, frame.height, face);
  };
  // Frames in flight on every vision worker, answers taken in frame order (face-pipeline.ts).
  const pipeline = opts.faces ? new FacePipeline(opts.faces, onFaces) : null;
  // A frame's pixels are done with once its face answer has been used (onFaces reads the face's
  // light from them), or at once without faces; the video pass then reuses its buffer.
  const onFrame = async (frame: RgbaFrame, done: () => void) => {
    // Waiting here stops the decode too: ffmpeg blocks on its full pipe (video-pass.ts).
    await hold();
    series.frameT.push(round(frame.t, 3));
    if (pipeline) await pipeline.push(frame, done);
    else done();
  };
  const videoRun = await runVideoPass(ff, abs, {
    ...size,
    times,
    fps,
    durationSec: duration,
    signal: opts.signal,
    onProgress: (f) => progress('video', f),
    onFrame,
  });
  await pipeline?.drain();
  findings.push(...continuityFindings(videoRun.continuity.stats, 1 / fps, timestampGaps(times, fps), (t) => withFace.has(t)));
  if (opts.faces) {
    // One id from the live monitor to the report (lips.open-in-silence; ADR 0003).
    findings.push(...log.findings(duration));
  }
  await hold();
  const borders = await runBorderPass(ff, abs, { width: v.displayWidth, height: v.displayHeight }, times.length, opts.signal);
  findings.push(...blackBorderFindings(borders, duration));
  findings.push(...segmentFindings(plan, duration));
  if (opts.faces) findings.push(...presetPoseFindings(opts.preset, poses, opts.markers ?? [], plan.silentSeconds, duration, opts.primary ?? null));
  if (!opts.faces) {
    // A warning, not an info line: a verdict without faces must not read as "faces fine" (issue #14).
    const reason = (opts.facesUnavailable ?? 'face analysis was not available for this run').replace(/\s+/g, ' ').slice(0, 300);
    findings.push(makeFinding('faces.not-analysed', { start: 0, end: duration, values: { reason } }));
  }

  await hold();
  progress('report', 0);
  if (audio) {
    const step = Math.max(1, Math.ceil(audio.frames.length / 3000));
    for (let i = 0; i < audio.frames.length; i += step) {
      series.audioT.push(round(audio.frames[i]!.t, 2));
      series.audioDb.push(round(audio.frames[i]!.rmsDb, 1));
    }
  }
  const sorted = sortFindings(findings);
  const withFrames: ReportFinding[] = [];
  let thumbs = 0;
  for (const f of sorted) {
    const rf: ReportFinding = { ...f, startFrame: Math.round(f.start * fps), endFrame: Math.round(f.end * fps) };
    const wholeFile = f.start <= 0 && f.end >= duration - 0.05;
    if (thumbs < (opts.maxThumbnails ?? 24) && !wholeFile && f.severity !== 'info') {
      await hold();
      rf.thumbnail = (await thumbnailAt(ff, abs, (f.start + Math.min(f.end, f.start + 0.5)) / 2).catch(() => null)) ?? undefined;
      thumbs++;
    }
    withFrames.push(rf);
  }
  await hold();
  // A strip that cannot be made costs the report its strip, never its verdict.
  const mouthStrip = mouths ? await encodeMouthStrip(ff, mouths).catch(() => null) : null;
  progress('report', 1);
  const report: CheckReport = {
    verdict: verdictOf(sorted),
    file: abs,
    preset: opts.preset,
    probe,
    findings: withFrames,
    stats: {
      framesTotal: times.length || videoRun.frames,
      framesAnalyzed: videoRun.frames,
      facesAnalyzed: opts.faces !== null,
      analysisWidth: size.width,
      analysisHeight: size.height,
      durationSec: duration,
      elapsedSec: round((performance.now() - started) / 1000, 2),
      audio: a.summary,
      borders,
    },
    series,
    ...(mouthStrip ? { mouthStrip } : {}),
    about: reportAbout({ ...opts.about, ffmpegVersion: ff.version, markers: opts.markers ?? [], facesAnalysed: opts.faces !== null, handPass: opts.faces?.handPass?.() ?? null }),
  };
  return { report, poses };
}

function presetPoseFindings(preset: PresetId, poses: PoseSample[], markers: Marker[], silentSeconds: number, duration: number, primary: CheckReport | null): Finding[] {
  if (preset === 'premium') {
    const returns = markers.filter((m) => m.kind === 'return-idle').map((m, i) => ({ t: m.t, label: `Return to default pose ${i + 1}` }));
    if (returns.length === 0) return [noMarkers('premium.pose-return', '§2.2', duration)];
    return returnPoseFindings(poses, { from: 0, to: Math.max(1, silentSeconds) }, returns, 'premium.pose-return', '§2.2');
  }
  if (preset === 'motion-actions') {
    const edges = markers.filter((m) => m.kind === 'action-start' || m.kind === 'action-end');
    if (edges.length === 0) return [noMarkers('motion.idle-return', '§3.3', duration)];
    const idleEnd = edges[0]!.t;
    return returnPoseFindings(
      poses,
      { from: 0, to: Math.max(0.5, Math.min(idleEnd, 5)) },
      edges.map((m) => ({ t: m.t, label: m.kind === 'action-start' ? 'Action start' : 'Action end' })),
      'motion.idle-return',
      '§3.3',
    );
  }
  if (preset === 'multi-aux' && primary) {
    // The primary's pose series is not in its report; its medians are compared through yaw/pitch only.
    const yawP = median(primary.series.yaw);
    const pitchP = median(primary.series.pitch);
    const aux = poseOver(poses, 0, duration);
    if (yawP === null || pitchP === null || !aux) return [];
    return multiSceneFindings({ ...aux, yaw: yawP, pitch: pitchP }, aux, duration).filter((f) => f.rule === 'multi.face-angle');
  }
  return [];
}

function noMarkers(rule: string, section: string, duration: number): Finding {
  return makeFinding(rule, { severity: 'info', section, start: 0, end: duration, values: { kind: 'no-markers' } });
}

function poseSample(frame: RgbaFrame, m: FrameMeasurement): PoseSample {
  const face = primaryFace(m);
  if (!face) return { t: frame.t, yaw: null, pitch: null, roll: null, cx: null, cy: null, h: null, luma: null, lr: null };
  const { x0, y0, x1, y1 } = face.box;
  const { luma, lr } = faceLight(frame, face.box);
  return { t: frame.t, yaw: face.yaw, pitch: face.pitch, roll: face.roll, cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, h: face.heightShare, luma, lr };
}

/** Mean luma of the face box and the ratio of its left to its right half (lighting balance). */
function faceLight(frame: RgbaFrame, box: { x0: number; y0: number; x1: number; y1: number }): { luma: number | null; lr: number | null } {
  const { width, height, rgba } = frame;
  const xa = Math.max(0, Math.floor(box.x0 * width));
  const xb = Math.min(width, Math.ceil(box.x1 * width));
  const ya = Math.max(0, Math.floor(box.y0 * height));
  const yb = Math.min(height, Math.ceil(box.y1 * height));
  if (xb - xa < 4 || yb - ya < 4) return { luma: null, lr: null };
  const mid = (xa + xb) >> 1;
  let l = 0;
  let r = 0;
  let nl = 0;
  let nr = 0;
  for (let y = ya; y < yb; y += 2) {
    for (let x = xa; x < xb; x += 2) {
      const i = (y * width + x) * 4;
      const v = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
      if (x < mid) {
        l += v;
        nl++;
      } else {
        r += v;
        nr++;
      }
    }
  }
  const ml = l / Math.max(1, nl);
  const mr = r / Math.max(1, nr);
  return { luma: (l + r) / Math.max(1, nl + nr) / 255, lr: mr > 0 ? ml / mr : null };
}

function median(values: (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  return v.length ? v[v.length >> 1]! : null;
}

function round(x: number, digits = 2): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}

function makeProgress(started: number, heldMs: () => number, cb: CheckOptions['onProgress']) {
  const order: CheckProgress['stage'][] = ['probe', 'audio', 'video', 'report'];
  return (stage: CheckProgress['stage'], fraction: number) => {
    if (!cb) return;
    let done = 0;
    for (const s of order) {
      if (s === stage) break;
      done += WEIGHTS[s];
    }
    const total = Math.min(1, done + WEIGHTS[stage] * Math.min(1, Math.max(0, fraction)));
    const elapsed = (performance.now() - started - heldMs()) / 1000;
    cb({ stage, fraction: total, etaSeconds: total > 0.03 ? (elapsed / total) * (1 - total) : null });
  };
}

export type { FfmpegInfo };

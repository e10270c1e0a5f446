import { DELIVERED_FPS } from '../../../../shared/standards';
import { coverageFinding, FindingsLog, VisionRules, type MonitorPhase } from '../../../../shared/vision/analysis';
import { studio } from '../../api/client';
import { useLiveTake } from '../../stores/live-take-store';
import { usePhase, type LivePhase } from '../../stores/phase-store';
import { LiveRate } from './live-rate';
import { SpeechMonitor } from './speech-monitor';
import { analysisSize, VisionClient, type VisionResult } from './vision-client';
import { useVision } from './vision-store';

/** The lips are judged by the shoot run's phase (§1.2.1): silent, narration, or neither. */
export function monitorPhase(p: LivePhase): MonitorPhase {
  return p === 'silent' ? 'silent' : p === 'narration' ? 'narration' : 'idle';
}

/**
 * The frame on screen, for the worker. A VideoFrame is a handle to the camera's own buffer (no
 * pixels copied here; the worker scales it): createImageBitmap(video) would convert and scale the
 * whole frame on the UI thread, 90+ ms for 1080×1920 in software on the 2-core test machine.
 */
async function grabFrame(v: HTMLVideoElement, captured: number): Promise<VideoFrame | ImageBitmap> {
  if (typeof VideoFrame === 'function') {
    try {
      return new VideoFrame(v, { timestamp: Math.round(captured * 1000) });
    } catch {
      /* not supported for this source: fall back to a scaled bitmap */
    }
  }
  const size = analysisSize(v.videoWidth, v.videoHeight);
  return createImageBitmap(v, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'low' });
}

/** MediaStreamTrack.stats for video (Chromium ≥ 121): frames the camera delivered to its sinks. */
type StatsTrack = MediaStreamTrack & { stats?: { deliveredFrames: number } };

/** Findings reach main this often during a take, so they survive a closed window. */
const BATCH_MS = 10_000;

interface VideoFrameMeta {
  presentedFrames: number;
  width: number;
  height: number;
  captureTime?: number;
  expectedDisplayTime?: number;
}
type FrameCallbackVideo = HTMLVideoElement & {
  requestVideoFrameCallback?(cb: (now: number, meta: VideoFrameMeta) => void): number;
  cancelVideoFrameCallback?(handle: number): void;
};

/**
 * The live monitor outside React: one vision worker for the life of the record screen; every new
 * camera frame of the preview <video> (requestVideoFrameCallback) is handed to the worker as a
 * transferred VideoFrame while fewer than LiveRate.inFlight frames are with the worker (outside a
 * take two: the next frame waits in the worker when an answer leaves, so it never idles for the
 * next camera frame; others are skipped, never queued), scaled to ≤ 720 px there; results go
 * through the rules into the vision store; during a take, breaches go into the findings log, which
 * is sent to main in batches and at Stop. During a take LiveRate rests the worker and backs off
 * when the camera track delivers fewer frames (issue #15: the recorder never pays for the monitor).
 */
export class LiveMonitor {
  private client: VisionClient | null = null;
  private disposed = false;
  private video: FrameCallbackVideo | null = null;
  private frameHandle: number | null = null;
  private rafHandle: number | null = null;
  private inFlight = 0;
  private restUntil = 0;
  private readonly rate = new LiveRate(navigator.hardwareConcurrency || 2);
  private track: StatsTrack | null = null;
  private deliveryTimer: ReturnType<typeof setInterval> | null = null;
  private readonly delivered: Array<{ t: number; frames: number }> = [];
  private speech: SpeechMonitor | null = null;
  private readonly rules = new VisionRules();
  private log: FindingsLog | null = null;
  private take: { shootId: string; takeId: string } | null = null;
  private mediaStart: number | null = null;
  private lastMediaT = 0;
  private takeStartedAt = 0;
  private recording = false;
  private batchTimer: ReturnType<typeof setInterval> | null = null;
  private lastPresented: number | null = null;
  private skipped = 0;
  private analysed = 0;
  private readonly doneAt: number[] = [];
  private readonly detectMs: number[] = [];
  private readonly scaleMs: number[] = [];
  private readonly unsubscribe: () => void;

  constructor() {
    this.unsubscribe = useLiveTake.subscribe((s, prev) => {
      if (s.takeId && s.shootId && s.takeId !== prev.takeId) this.beginTake(s.shootId, s.takeId);
      else if (!s.takeId && prev.takeId) void this.endTake();
    });
    void this.start();
  }

  private async start(): Promise<void> {
    const set = useVision.getState().set;
    try {
      set({ status: 'model', error: null, modelProgress: null });
      const off = studio.on('vision.model-progress', (p) => set({ modelProgress: p }));
      try {
        await studio.call('vision.model', {});
      } finally {
        off();
      }
      if (this.disposed) return;
      set({ status: 'loading' });
      // No hand pass live: it costs more than the face landmarker (bench: 52–60 ms a frame against
      // 42–53), which cut live analysis from ~19 to 6–7 frames/s and delayed a take's first watched
      // frame; the checker, which gives the take's verdict, always runs it.
      const client = await VisionClient.create({ runningMode: 'VIDEO', hands: false });
      if (this.disposed) {
        void client.close();
        return;
      }
      this.client = client;
      set({ status: 'running' });
    } catch (err) {
      const e = err as { message?: string; hint?: string };
      set({ status: 'error', error: [e.message ?? String(err), e.hint].filter(Boolean).join(' — ') });
    }
  }

  /** Watch this video element and this stream's microphone (null detaches). */
  attach(video: HTMLVideoElement | null, stream: MediaStream | null): void {
    this.detach();
    if (!video || !stream?.getVideoTracks().length) return;
    this.video = video;
    this.watchDelivery(stream.getVideoTracks()[0] ?? null);
    const audio = stream.getAudioTracks()[0];
    if (audio) {
      try {
        this.speech = new SpeechMonitor(audio);
      } catch {
        this.speech = null;
      }
    }
    this.lastPresented = null;
    this.schedule();
  }

  /**
   * The camera track's delivered frames over the last DELIVERED_FPS.windowSeconds, fed to the
   * rate (the same counter the on-air readout shows; no counter, no steering).
   */
  private watchDelivery(track: MediaStreamTrack | null): void {
    this.track = track as StatsTrack | null;
    this.delivered.length = 0;
    if (!this.track?.stats || typeof this.track.stats.deliveredFrames !== 'number') return;
    this.deliveryTimer = setInterval(() => {
      const stats = this.track?.stats;
      if (!stats) return;
      const now = performance.now();
      this.delivered.push({ t: now, frames: stats.deliveredFrames });
      while (this.delivered.length > 2 && now - (this.delivered[1]?.t ?? now) >= DELIVERED_FPS.windowSeconds * 1000) this.delivered.shift();
      const first = this.delivered[0];
      const span = first ? (now - first.t) / 1000 : 0;
      // Judged only over a full window, as the on-air readout does.
      const fps = first && span >= DELIVERED_FPS.windowSeconds * 0.9 ? (stats.deliveredFrames - first.frames) / span : null;
      this.rate.setRecording(this.take !== null, now);
      this.rate.observe(fps, now);
    }, DELIVERED_FPS.updateMs);
  }

  private detach(): void {
    if (this.deliveryTimer) clearInterval(this.deliveryTimer);
    this.deliveryTimer = null;
    this.track = null;
    if (this.video && this.frameHandle !== null) this.video.cancelVideoFrameCallback?.(this.frameHandle);
    if (this.rafHandle !== null) cancelAnimationFrame(this.rafHandle);
    this.frameHandle = null;
    this.rafHandle = null;
    this.video = null;
    this.speech?.close();
    this.speech = null;
  }

  private schedule(): void {
    const v = this.video;
    if (!v || this.disposed) return;
    if (v.requestVideoFrameCallback) this.frameHandle = v.requestVideoFrameCallback((now, meta) => this.onFrame(now, meta));
    else this.rafHandle = requestAnimationFrame((now) => this.onFrame(now, null));
  }

  private onFrame(now: number, meta: VideoFrameMeta | null): void {
    const v = this.video;
    if (!v) return;
    this.schedule();
    if (meta) {
      if (this.lastPresented !== null) this.skipped += Math.max(0, meta.presentedFrames - this.lastPresented - 1);
      this.lastPresented = meta.presentedFrames;
    }
    if (!this.client || v.readyState < 2 || v.videoWidth === 0) return;
    this.rate.setRecording(this.take !== null, performance.now());
    if (this.inFlight >= this.rate.inFlight || performance.now() < this.restUntil) {
      this.skipped++;
      return;
    }
    this.inFlight++;
    const captured = meta?.captureTime ?? now;
    const client = this.client;
    grabFrame(v, captured)
      .then((image) => client.analyse(image, captured))
      .then((res) => this.onResult(res, captured))
      .catch(() => {
        /* a frame that could not be grabbed or analysed is skipped */
      })
      .finally(() => {
        this.inFlight--;
      });
  }

  private onResult(res: VisionResult, captured: number): void {
    const ps = usePhase.getState();
    if (ps.mediaStartMs !== null) this.mediaStart = ps.mediaStartMs;
    // From the first recorded frame (MediaRecorder start) until Stop clears the media clock.
    const recording = this.take !== null && this.log !== null && ps.mediaStartMs !== null;
    // The rules' clock: the take's media time while recording, the page's clock otherwise.
    const t = recording && this.mediaStart !== null ? (captured - this.mediaStart) / 1000 : captured / 1000;
    if (recording !== this.recording) {
      this.recording = recording;
      this.rules.reset();
    }
    // Rest so the worker is busy at most its share of the time (LiveRate; none outside a take). A
    // frame grabbed before the take's first recorded frame (up to two are with the worker when
    // Record is pressed) earns no rest: the take's opening frames must be watched at once.
    const preTake = this.take !== null && (!recording || t < 0);
    this.restUntil = performance.now() + (preTake ? 0 : this.rate.restMs(res.totalMs));
    if (recording && t < 0) return; // grabbed before the first recorded frame

    const monitor = this.rules.step({ t, frame: res.frame, phase: monitorPhase(ps.phase), speech: this.speech?.speech() ?? null });
    if (recording && this.log) {
      this.log.add(monitor);
      this.lastMediaT = t;
    }

    const nowMs = performance.now();
    this.analysed++;
    this.doneAt.push(nowMs);
    while (this.doneAt.length && (this.doneAt[0] ?? 0) < nowMs - 2000) this.doneAt.shift();
    this.detectMs.push(res.detectMs);
    if (this.detectMs.length > 30) this.detectMs.shift();
    this.scaleMs.push(res.scaleMs);
    if (this.scaleMs.length > 30) this.scaleMs.shift();
    const sorted = [...this.detectMs].sort((a, b) => a - b);
    const scaleSorted = [...this.scaleMs].sort((a, b) => a - b);
    const span = this.doneAt.length > 1 ? (nowMs - (this.doneAt[0] ?? nowMs)) / 1000 : 0;
    useVision.getState().set({
      frame: res.frame,
      monitor,
      frameTime: captured,
      stats: {
        analysedFps: span > 0 ? (this.doneAt.length - 1) / span : 0,
        detectMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
        scaleMs: scaleSorted[Math.floor(scaleSorted.length / 2)] ?? 0,
        skippedFrames: this.skipped,
        analysedFrames: this.analysed,
        share: this.rate.share,
        backoffs: this.rate.backedOff,
      },
    });
  }

  private beginTake(shootId: string, takeId: string): void {
    this.take = { shootId, takeId };
    this.takeStartedAt = performance.now();
    this.log = new FindingsLog();
    this.mediaStart = null;
    this.lastMediaT = 0;
    useVision.getState().set({ summary: null });
    if (this.batchTimer) clearInterval(this.batchTimer);
    this.batchTimer = setInterval(() => void this.send(false), BATCH_MS);
  }

  private async send(final: boolean): Promise<void> {
    const take = this.take;
    const log = this.log;
    if (!take || !log) return;
    // At Stop the take runs on past its last analysed frame (one frame in flight, the recorder's
    // own stop): a breach still running then is closed at the end of the take, the same span the
    // coverage finding counts, not at the last analysed frame; the file check sees every frame.
    const seconds = Math.max(this.lastMediaT, (performance.now() - this.takeStartedAt) / 1000);
    const findings = log.findings(final ? seconds : this.lastMediaT);
    if (final) {
      const coverage = coverageFinding(log.framesAnalysed, seconds);
      if (coverage) findings.push(coverage);
    }
    if (final) useVision.getState().set({ summary: { ...take, findings } });
    if (!final && findings.length === 0) return;
    try {
      await studio.call('vision.findings', { ...take, findings, final });
    } catch (err) {
      console.warn('vision findings were not saved', err);
    }
  }

  private async endTake(): Promise<void> {
    if (this.batchTimer) clearInterval(this.batchTimer);
    this.batchTimer = null;
    const done = this.send(true);
    this.take = null;
    this.log = null;
    this.mediaStart = null;
    await done;
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribe();
    if (this.take) void this.endTake();
    this.detach();
    void this.client?.close();
    this.client = null;
    useVision.getState().set({ status: 'off', frame: null, monitor: null });
  }
}

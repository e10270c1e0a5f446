import { rmsDbfs, SpeechDetector } from '../../../../shared/vision/speech';
import { SPEECH_VAD } from '../../../../shared/standards';

/**
 * Is the microphone hearing speech now? A WebAudio AnalyserNode on the microphone track, its RMS
 * level every SPEECH_VAD.windowMs into the SpeechDetector (src/shared/vision/speech.ts). Nothing is
 * played back. null while the audio context is not running (browsers start it on the first click).
 */
export class SpeechMonitor {
  private readonly ctx: AudioContext;
  private readonly analyser: AnalyserNode;
  private readonly source: MediaStreamAudioSourceNode;
  private readonly detector = new SpeechDetector();
  private readonly buf: Float32Array<ArrayBuffer>;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly resume = () => void this.ctx.resume().catch(() => {});
  level = -120;

  constructor(track: MediaStreamTrack) {
    this.ctx = new AudioContext();
    this.source = this.ctx.createMediaStreamSource(new MediaStream([track]));
    this.analyser = this.ctx.createAnalyser();
    this.analyser.fftSize = 2048;
    this.source.connect(this.analyser);
    this.buf = new Float32Array(this.analyser.fftSize);
    this.timer = setInterval(() => this.tick(), SPEECH_VAD.windowMs);
    window.addEventListener('pointerdown', this.resume);
    window.addEventListener('keydown', this.resume);
    this.resume();
  }

  private tick(): void {
    if (this.ctx.state !== 'running') return;
    this.analyser.getFloatTimeDomainData(this.buf);
    this.level = rmsDbfs(this.buf);
    this.detector.update(this.level, performance.now());
  }

  /** Speech now (true/false), or null when the microphone is not being heard. */
  speech(): boolean | null {
    return this.ctx.state === 'running' ? this.detector.speakingAt(performance.now()) : null;
  }

  close(): void {
    clearInterval(this.timer);
    window.removeEventListener('pointerdown', this.resume);
    window.removeEventListener('keydown', this.resume);
    this.source.disconnect();
    void this.ctx.close().catch(() => {});
  }
}

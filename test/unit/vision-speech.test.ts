import { describe, expect, it } from 'vitest';
import { SPEECH_VAD } from '../../src/shared/standards';
import { rmsDbfs, SpeechDetector } from '../../src/shared/vision/speech';
import { ffmpegSync } from './helpers/derive';
import { mediaFile } from './helpers/media';

const RATE = 16_000;
const WINDOW = (RATE * SPEECH_VAD.windowMs) / 1000;

/** Mono float samples of a media file, decoded by ffmpeg. */
function samples(file: string, extra: string[] = []): Float32Array {
  const input = file.includes('=') ? ['-f', 'lavfi', '-i', file] : ['-i', file];
  const buf = ffmpegSync([...input, ...extra, '-ac', '1', '-ar', String(RATE), '-f', 'f32le', '-']);
  return new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
}

/** Speech (true/false) for every 50-ms window, as the live monitor feeds the detector. */
function detect(x: Float32Array): boolean[] {
  const d = new SpeechDetector();
  const out: boolean[] = [];
  for (let i = 0; i + WINDOW <= x.length; i += WINDOW) out.push(d.update(rmsDbfs(x.subarray(i, i + WINDOW)), (i / RATE) * 1000));
  return out;
}

describe('speech detector (lips.open-no-voice, §1.2.2)', () => {
  it('hears the speech of jfk.wav and the pauses between its phrases', () => {
    const v = detect(samples(mediaFile('audio/jfk.wav')));
    const share = v.filter(Boolean).length / v.length;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.95);
    // At least two pauses of 0.3 s or more (between "Americans," "ask not …" and "… for you,").
    let run = 0;
    let pauses = 0;
    for (const s of v) {
      run = s ? 0 : run + 1;
      if (run === Math.round(300 / SPEECH_VAD.windowMs)) pauses++;
    }
    expect(pauses).toBeGreaterThanOrEqual(2);
  });

  it('does not take steady room noise for speech, but hears a voice over it', () => {
    const noise = samples('anoisesrc=color=pink:amplitude=0.02:duration=3');
    expect(detect(noise).slice(4).some(Boolean)).toBe(false);
    const mixed = detect(samples(mediaFile('audio/jfk.wav'), ['-f', 'lavfi', '-i', 'anoisesrc=color=pink:amplitude=0.02:duration=11', '-filter_complex', 'amix=inputs=2:duration=first']));
    expect(mixed.filter(Boolean).length / mixed.length).toBeGreaterThan(0.3);
  });

  it('measures silence as −120 dBFS and a full-scale square wave as 0 dBFS', () => {
    expect(rmsDbfs(new Float32Array(800))).toBe(-120);
    expect(rmsDbfs(new Float32Array(800).fill(1))).toBeCloseTo(0, 6);
  });
});

import os from 'node:os';
import path from 'node:path';
import { computePeaks } from '../src/main/services/media/peaks';
import { locateFfmpeg } from '../src/main/services/ffmpeg';
import { analyzeVoiceFile } from '../src/main/services/voice/analyze-file';
import { ffmpeg, mediaDir, tempDir, type BenchEntry } from './lib';

/**
 * Voice QC (#16) on a 30-min file made by looping real speech (silero-test.wav, 16 kHz mono,
 * resampled to 48 kHz as the studio records): the full QC (decode, Silero VAD, all rules) and the
 * waveform peaks (ffmpeg in main). Targets from the issue: QC ≤ 15 s, peaks ≤ 3 s on 2 cores.
 * BENCH_VOICE_MINUTES makes it shorter for a quick look.
 */
export async function benchVoice(): Promise<BenchEntry[]> {
  const minutes = Number(process.env.BENCH_VOICE_MINUTES ?? 30);
  const dir = tempDir('voice');
  const file = path.join(dir, `speech-${minutes}min.wav`);
  ffmpeg(['-stream_loop', '-1', '-i', path.join(mediaDir, 'audio/silero-test.wav'), '-t', String(minutes * 60), '-ar', '48000', '-c:a', 'pcm_s16le', file]);
  const ff = await locateFfmpeg();
  const load = os.loadavg()[0]!.toFixed(1);
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  const stages: Record<string, number> = {};
  let stageStart = performance.now();
  let stage = 'decode';
  const t0 = performance.now();
  try {
    const r = await analyzeVoiceFile(file, {
      target: 'tts3',
      ff,
      onProgress: (p) => {
        if (p.stage !== stage) {
          stages[stage] = (performance.now() - stageStart) / 1000;
          stage = p.stage;
          stageStart = performance.now();
        }
      },
    });
    stages[stage] = (performance.now() - stageStart) / 1000;
    const qc = (performance.now() - t0) / 1000;
    const p0 = performance.now();
    await computePeaks(file, { ff, peaksPerSecond: 50 });
    const peaks = (performance.now() - p0) / 1000;
    return [
      { name: 'qc.seconds', value: qc, unit: 's', note: `${minutes}-min 48-kHz file, ${r.stats.detector}, speech ${r.stats.speechS} s; target ≤ 15 s; load average ${load}` },
      { name: 'qc.decode-seconds', value: stages.decode ?? NaN, unit: 's', note: 'ffmpeg decode + frame stats + pitch' },
      { name: 'qc.vad-seconds', value: stages.vad ?? NaN, unit: 's', note: 'Silero VAD (onnxruntime-web wasm, 1 thread, batched lanes)' },
      { name: 'qc.peak-rss', value: peak / 2 ** 20, unit: 'MiB' },
      { name: 'peaks.seconds', value: peaks, unit: 's', note: `media.peaks at 50/s; target ≤ 3 s; load average ${load}` },
    ];
  } finally {
    clearInterval(timer);
  }
}

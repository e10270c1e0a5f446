import { execFileSync } from 'node:child_process';
import { VoiceFrameAnalyzer, powerDb } from '../../src/shared/voice/frames';
import { loadSileroNode } from '../../src/main/services/voice/silero-node';
import { sileroProbs } from '../../src/shared/voice/silero';
for (const f of ['../shared/media/audio/silero-test.wav', '../shared/media/audio/jfk.wav']) {
  const b = execFileSync('ffmpeg', ['-v', 'error', '-i', f, '-ac', '1', '-ar', '16000', '-f', 'f32le', 'pipe:1'], { maxBuffer: 1 << 30 });
  const x = new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length - (b.length % 4)));
  const fa = new VoiceFrameAnalyzer(); fa.push(x); const v = fa.end();
  const db = Array.from(v.power, powerDb);
  const sorted = [...db].sort((a, c) => a - c);
  const p95 = sorted[Math.floor(sorted.length * 0.95)]!;
  const probs = await sileroProbs(await loadSileroNode('native'), x);
  const speechDb = db.filter((_, i) => probs[i]! >= 0.5).sort((a, c) => a - c);
  console.log(f, 'p95', p95.toFixed(1), 'min speech-frame dB', speechDb[0]!.toFixed(1), 'p1 speech', speechDb[Math.floor(speechDb.length * 0.01)]!.toFixed(1), 'floor p5', sorted[Math.floor(sorted.length * 0.05)]!.toFixed(1));
  for (const m of [20, 30, 40, 50]) {
    let below = 0, speechBelow = 0;
    db.forEach((d, i) => { if (d < p95 - m) { below++; if (probs[i]! >= 0.5) speechBelow++; } });
    console.log(`  margin ${m} dB: ${(100 * below / db.length).toFixed(1)} % of frames below, of them Silero speech ${speechBelow}`);
  }
}

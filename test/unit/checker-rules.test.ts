import { describe, expect, it } from 'vitest';
import { AudioAnalyzer, pitch } from '../../src/shared/qc/audio-analyzer';
import { audioFindings } from '../../src/shared/qc/audio-rules';
import { blackBorderFindings, borderLines, consistentBorders } from '../../src/shared/qc/black-border';
import { ContinuityMeter, continuityFindings, timestampGaps } from '../../src/shared/qc/continuity';
import { formatFindings } from '../../src/shared/qc/format-rules';
import { CheckReportSchema, verdictOf } from '../../src/shared/qc/report';
import { reportHtml } from '../../src/shared/qc/report-html';
import { segmentFindings, segmentPlan } from '../../src/shared/qc/segment-rules';
import type { ProbeResult } from '../../src/shared/probe';

function pcm(seconds: number, f: (t: number) => number, rate = 16000): Uint8Array {
  const n = Math.round(seconds * rate);
  const out = new Uint8Array(n * 2);
  const v = new DataView(out.buffer);
  for (let i = 0; i < n; i++) v.setInt16(i * 2, Math.max(-32768, Math.min(32767, Math.round(f(i / rate) * 32767))), true);
  return out;
}

const voice = (f0: number) => (t: number) => 0.3 * (0.3 * Math.sin(2 * Math.PI * f0 * t) + 0.5 * Math.sin(4 * Math.PI * f0 * t) + 0.2 * Math.sin(6 * Math.PI * f0 * t));

describe('audio rules', () => {
  it('reads PCM in odd-sized chunks the same as whole', () => {
    const bytes = pcm(1, voice(150));
    const a = new AudioAnalyzer();
    for (let i = 0; i < bytes.length; i += 333) a.push(bytes.subarray(i, i + 333));
    const b = new AudioAnalyzer();
    b.push(bytes);
    expect(a.end()).toEqual(b.end());
    expect(a.frames.length).toBe(25);
  });

  it('finds pitch on voice-like tones', () => {
    for (const f0 of [95, 150, 220]) {
      const x = new Float32Array(640).map((_, i) => voice(f0)(i / 16000));
      expect(pitch(x, 16000)).toBeGreaterThan(f0 * 0.97);
      expect(pitch(x, 16000)).toBeLessThan(f0 * 1.03);
    }
  });

  it('flags clipping, noise and two voices of different pitch; passes one clean voice', () => {
    const analyze = (bytes: Uint8Array) => {
      const a = new AudioAnalyzer();
      a.push(bytes);
      return a.end();
    };
    // A clean voice: speech bursts with silence between.
    const clean = analyze(pcm(12, (t) => (Math.floor(t) % 2 === 0 ? voice(140)(t) : 0.0005 * Math.sin(t * 999))));
    expect(audioFindings(clean, -20, 12, true).findings.map((f) => f.rule)).toEqual([]);
    // Loud hum under the voice.
    const hum = analyze(pcm(12, (t) => (Math.floor(t) % 2 === 0 ? voice(140)(t) : 0) + 0.05 * Math.sin(2 * Math.PI * 50 * t)));
    expect(audioFindings(hum, -20, 12, true).findings.map((f) => f.rule)).toContain('audio.noise');
    // Clipped.
    const clipped = analyze(pcm(4, (t) => 6 * voice(140)(t)));
    expect(audioFindings(clipped, -5, 4, true).findings.map((f) => f.rule)).toContain('audio.clipping');
    // A low and a high voice taking turns, with pauses between the turns.
    const two = analyze(pcm(16, (t) => (t % 2 > 1.5 ? 0.0005 * Math.sin(t * 999) : Math.floor(t / 2) % 2 === 0 ? voice(100)(t) : voice(230)(t))));
    const r = audioFindings(two, -20, 16, true);
    expect(r.findings.map((f) => f.rule)).toContain('audio.second-voice');
    expect(r.summary?.pitchGroupsHz.length).toBe(2);
  });

  it('no audio: error for a lip video, info for the motion video (§3.2)', () => {
    expect(audioFindings(null, null, 5, true).findings[0]).toMatchObject({ rule: 'audio.missing', severity: 'error' });
    expect(audioFindings(null, null, 5, false).findings[0]).toMatchObject({ rule: 'audio.missing', severity: 'info' });
  });
});

describe('continuity and borders', () => {
  function frame(w: number, h: number, fill: (x: number, y: number) => number): Uint8Array {
    const out = new Uint8Array(w * h * 4);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const v = fill(x, y);
      out.set([v, v, v, 255], (y * w + x) * 4);
    }
    return out;
  }

  it('black frames, a cut and a frozen stretch become findings at their times', () => {
    const m = new ContinuityMeter();
    const fps = 25;
    for (let i = 0; i < 150; i++) {
      const t = i / fps;
      const f =
        t >= 2 && t < 3
          ? frame(32, 32, () => 0)
          : t >= 4 && t < 5
            ? frame(32, 32, (x, y) => (x * 7 + y * 3) % 200)
            : t >= 5
              ? frame(32, 32, (x, y) => 255 - ((x * 5 + y + i) % 120))
              : frame(32, 32, (x, y) => 60 + ((x + y + i) % 60));
      m.push(t, f, 32, 32);
    }
    const found = continuityFindings(m.stats, 1 / fps);
    const black = found.find((f) => f.message.startsWith('Black'));
    expect(black).toMatchObject({ severity: 'error' });
    expect(black!.start).toBeCloseTo(2, 1);
    expect(black!.end).toBeCloseTo(3, 1);
    expect(found.some((f) => f.message.startsWith('Frozen') && Math.abs(f.start - 4) < 0.1)).toBe(true);
    expect(found.some((f) => f.message.startsWith('Cut') && Math.abs(f.end - 5) < 0.1)).toBe(true);
  });

  it('a frame that dark in which a face was found is a dark picture, not a black frame', () => {
    // Mean luma 12/255 = 0.047, under CONTINUITY.blackLuma (0.06): black by luma alone. Held-out I's
    // dimmed d20 read so with a face in every frame; face.dark speaks for such frames instead.
    const m = new ContinuityMeter();
    for (let i = 0; i < 50; i++) m.push(i / 25, frame(32, 32, (x, y) => 6 + ((x + y + i) % 12)), 32, 32);
    expect(continuityFindings(m.stats, 1 / 25).filter((f) => f.message.startsWith('Black'))).toHaveLength(1);
    expect(continuityFindings(m.stats, 1 / 25, [], () => true)).toEqual([]);
    // A face in the first second only: the second second is still black.
    const half = continuityFindings(m.stats, 1 / 25, [], (t) => t < 1).filter((f) => f.message.startsWith('Black'));
    expect(half).toHaveLength(1);
    expect(half[0]!.start).toBeCloseTo(1, 3);
  });

  it('at 30 and 29.97 fps with frame times rounded to microseconds (as ffprobe gives them), a frozen second and a black second are one finding each', () => {
    for (const [fps, name] of [
      [30, '30'],
      [30000 / 1001, '29.97'],
    ] as const) {
      const m = new ContinuityMeter();
      for (let i = 0; i < 4 * 30; i++) {
        const t = Math.round((i / fps) * 1e6) / 1e6;
        const frozen = i >= 30 && i < 60;
        const black = i >= 75 && i < 105;
        const f = black ? frame(32, 32, () => 0) : frozen ? frame(32, 32, (x, y) => 60 + ((x + y + 30) % 60)) : frame(32, 32, (x, y) => 60 + ((x + y + i) % 60));
        m.push(t, f, 32, 32);
      }
      const found = continuityFindings(m.stats, 1 / fps);
      const frozen = found.filter((f) => f.message.startsWith('Frozen'));
      const black = found.filter((f) => f.message.startsWith('Black'));
      // Frames 31-59 repeat frame 30 (29 repeats: 0.97 s); frames 75-104 are black (1 s).
      expect(frozen, name).toHaveLength(1);
      expect(frozen[0]!.start, name).toBeCloseTo(31 / fps, 3);
      expect(frozen[0]!.end, name).toBeCloseTo(60 / fps, 3);
      expect(black, name).toHaveLength(1);
      expect(black[0]!.end - black[0]!.start, name).toBeCloseTo(30 / fps, 3);
    }
  });

  it('finds dropped frames from the timestamps', () => {
    const times = [0, 0.04, 0.08, 0.2, 0.24];
    expect(timestampGaps(times, 25)).toEqual([{ start: 0.08, end: 0.2, missing: 2 }]);
  });

  it('finds a 1-pixel black border and a bar, not a dark scene', () => {
    const w = 64;
    const h = 48;
    const gray = (f: (x: number, y: number) => number) => Uint8Array.from({ length: w * h }, (_, i) => f(i % w, Math.floor(i / w)));
    const onePx = gray((x, y) => (x === 0 ? 0 : 100 + ((x * y) % 50)));
    const bar = gray((_x, y) => (y >= h - 6 ? 2 : 120));
    const dark = gray((x, y) => 15 + ((x + y) % 30));
    expect(borderLines(onePx, w, h)).toMatchObject({ left: 1, right: 0, top: 0, bottom: 0 });
    expect(borderLines(bar, w, h).bottom).toBe(6);
    expect(consistentBorders([borderLines(dark, w, h)])).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
    expect(blackBorderFindings(consistentBorders([borderLines(onePx, w, h)]), 5)[0]).toMatchObject({ rule: 'video.black-border' });
  });
});

describe('format and segment rules, verdict, report', () => {
  const probe: ProbeResult = {
    file: '/x/a.mov',
    container: 'mov',
    formatName: 'mov,mp4',
    durationSec: 12,
    sizeBytes: 1,
    bitRate: null,
    video: {
      codec: 'hevc',
      profile: null,
      width: 1920,
      height: 1080,
      rotation: 0,
      displayWidth: 1920,
      displayHeight: 1080,
      rFrameRate: { num: 30, den: 1, fps: 30 },
      avgFrameRate: { num: 30, den: 1, fps: 30 },
      vfr: false,
      pixelFormat: 'yuv420p10le',
      bitDepth: 10,
      hdr: 'hlg',
      colorTransfer: 'arib-std-b67',
      colorPrimaries: 'bt2020',
      colorSpace: 'bt2020nc',
      frameCount: 360,
    },
    audio: null,
  };
  it('uses the fixed rule ids', () => {
    expect(formatFindings(probe).map((f) => f.rule).sort()).toEqual(['format.container', 'format.fps', 'format.hdr', 'format.landscape']);
    expect(formatFindings({ ...probe, container: 'mp4', video: { ...probe.video!, hdr: 'none', rFrameRate: { num: 25, den: 1, fps: 25 }, avgFrameRate: { num: 25, den: 1, fps: 25 }, displayWidth: 1080, displayHeight: 1920 } })).toEqual([]);
  });
  it('silent segment and narration length follow the preset', () => {
    expect(segmentFindings(segmentPlan('standard-short'), 20).map((f) => [f.rule, f.severity])).toEqual([
      ['silent.duration', 'error'],
      ['narration.duration', 'warn'],
    ]);
    expect(segmentFindings(segmentPlan('multi-aux'), 200)).toEqual([]);
    expect(segmentFindings(segmentPlan('standard-short'), 330)).toEqual([]);
  });
  it('verdict and the self-contained HTML', () => {
    expect(verdictOf([])).toBe('pass');
    expect(verdictOf([{ rule: 'a.b', severity: 'warn', section: '', start: 0, end: 1, message: '' }])).toBe('warn');
    const report = CheckReportSchema.parse({
      verdict: 'fail',
      file: '/x/a <b>.mov',
      preset: 'standard-short',
      probe,
      findings: [{ rule: 'format.container', severity: 'error', section: '§7.1', start: 0, end: 12, message: 'MOV <script>', startFrame: 0, endFrame: 300 }],
      stats: { framesTotal: 300, framesAnalyzed: 300, facesAnalyzed: false, analysisWidth: 720, analysisHeight: 405, durationSec: 12, elapsedSec: 1, audio: null, borders: { top: 0, bottom: 0, left: 0, right: 0 } },
      series: { frameT: [0, 1], faces: [], yaw: [], pitch: [], lipGap: [], audioT: [], audioDb: [] },
    });
    for (const lang of ['en', 'zh-CN'] as const) {
      const html = reportHtml(report, lang);
      expect(html).not.toMatch(/<script|https?:\/\//);
      expect(html).toContain('&lt;script&gt;');
      expect(html).toContain(lang === 'en' ? 'FAIL' : '不通过');
    }
  });
});

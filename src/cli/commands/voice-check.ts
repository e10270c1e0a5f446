import { promises as fs } from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../shared/errors';
import { VOICE_TARGET_IDS, type VoiceTargetId } from '../../shared/standards';
import { renderVoiceFinding } from '../../shared/voice/qc';
import { writeFileAtomic } from '../../main/services/atomic-write';
import { locateFfmpeg } from '../../main/services/ffmpeg';
import { analyzeVoiceFile } from '../../main/services/voice/analyze-file';
import { denoiseVoiceFile } from '../../main/services/voice/denoise';
import { EXIT, type CliCommand } from '../command';

export const voiceCheckCommand: CliCommand = {
  name: 'voice-check',
  summary: 'check a voice-cloning recording (§8–10): format, level, clipping, noise, SNR, bandwidth, pauses, one speaker, effective speech vs the target',
  usage: `FILE --target ${VOICE_TARGET_IDS.join('|')} [--json OUT.json] [--lang en|zh-CN] [--energy-vad] [--denoise OUT.wav]`,
  options: {
    target: { type: 'string' },
    json: { type: 'string' },
    lang: { type: 'string' },
    'energy-vad': { type: 'boolean' },
    denoise: { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  async run({ positionals, values }, io) {
    const target = values.target;
    if (typeof target !== 'string' || !VOICE_TARGET_IDS.includes(target as VoiceTargetId)) {
      throw new StudioError('bad-argument', `--target ${typeof target === 'string' ? target : '(missing)'}: say which recording this is, one of ${VOICE_TARGET_IDS.join(', ')}`);
    }
    const lang = values.lang === 'zh-CN' ? 'zh-CN' : 'en';
    const file = path.resolve(positionals[0] ?? '');
    let lastPct = -1;
    const report = await analyzeVoiceFile(file, {
      target: target as VoiceTargetId,
      ff: await locateFfmpeg(io.env),
      detector: values['energy-vad'] ? 'energy' : 'silero',
      onProgress: (p) => {
        const pct = Math.floor(p.fraction * 100);
        if (pct !== lastPct && pct % 10 === 0) {
          lastPct = pct;
          io.stderr(`${p.stage} ${pct}%\n`);
        }
      },
    });
    const json = {
      verdict: report.verdict,
      file: report.file,
      target: report.target,
      findings: report.findings.map(({ rule, severity, section, start, end, message }) => ({ rule, severity, section, start, end, message })),
      stats: report.stats,
      speech: report.episodes.map((e) => ({ start: Math.round(e.start * 100) / 100, end: Math.round(e.end * 100) / 100 })),
    };
    if (typeof values.json === 'string') {
      const abs = path.resolve(values.json);
      await fs.mkdir(path.dirname(abs), { recursive: true });
      await writeFileAtomic(abs, JSON.stringify(json, null, 2) + '\n');
    }
    const s = report.stats;
    const lines = [
      `verdict: ${report.verdict}  (target ${report.target})`,
      `  speech ${s.speechS} s of ${s.durationS} s (${s.detector}), ${s.sampleRate ?? '?'} Hz, peak ${s.peakDb ?? '?'} dBFS, noise floor ${s.noiseFloorDb ?? '?'} dBFS, SNR ${s.snrDb ?? '?'} dB, clipped ${s.clippedSamples}`,
      ...report.findings.map((f) => `  ${f.severity.padEnd(5)} ${f.rule.padEnd(22)} ${f.start.toFixed(1)}–${f.end.toFixed(1)} s  ${renderVoiceFinding(f, lang)}`),
    ];
    if (typeof values.denoise === 'string') {
      // §8.3/§10 noise reduction, offline: a new file beside the original, never over anything.
      const d = await denoiseVoiceFile(file, values.denoise, { target: target as VoiceTargetId });
      lines.push(`  denoised → ${d.denoised}: noise floor ${d.before.noiseFloorDb ?? '?'} → ${d.after.noiseFloorDb ?? '?'} dBFS, SNR ${d.before.snrDb ?? '?'} → ${d.after.snrDb ?? '?'} dB (original kept)`);
    }
    io.stdout(lines.join('\n') + '\n');
    return report.verdict === 'fail' ? EXIT.fails : EXIT.ok;
  },
};

import { useEffect, useMemo, useState } from 'react';
import type { VoiceReport } from '../../../../shared/contract/voice';
import { studio } from '../../api/client';
import { Waveform, type WavePeaks, type WaveRegion } from '../../components/Waveform';

const PEAK_SCALE = 127;

/**
 * A voice take's waveform (peaks computed by ffmpeg in main, media.peaks) with its speech episodes
 * in green, the pauses between them in grey (where the noise floor is measured) and the timed
 * problems in red.
 */
export function VoiceWaveform({ shootId, takeId, report }: { shootId: string; takeId: string; report: VoiceReport }) {
  const [peaks, setPeaks] = useState<{ min: number[]; max: number[]; duration: number } | null>(null);

  useEffect(() => {
    let key: string | null = null;
    let min: number[] = [];
    let max: number[] = [];
    let duration = 0;
    const off = studio.on('media.peaks-chunk', (c) => {
      if (c.key !== key) return;
      min = min.slice(0, c.offset).concat(c.min);
      max = max.slice(0, c.offset).concat(c.max);
      if (c.done) setPeaks({ min, max, duration });
    });
    void studio
      .call('media.peaks', { source: { kind: 'take', shootId, takeId }, peaksPerSecond: 50 })
      .then((r) => {
        key = r.key;
        duration = r.durationSec;
        min = r.min;
        max = r.max;
        if (r.complete) setPeaks({ min, max, duration });
      })
      .catch(() => setPeaks(null));
    return off;
  }, [shootId, takeId]);

  const regions = useMemo<WaveRegion[]>(() => {
    const out: WaveRegion[] = report.episodes.map((e, i) => ({ id: `speech-${i}`, start: e.start, end: e.end, color: 'rgba(46,157,79,0.22)' }));
    for (let i = 1; i < report.episodes.length; i++) {
      out.push({ id: `pause-${i}`, start: report.episodes[i - 1]!.end, end: report.episodes[i]!.start, color: 'rgba(160,160,160,0.18)' });
    }
    report.findings
      .filter((f) => f.end > f.start && f.end - f.start < report.stats.durationS - 0.05)
      .forEach((f, i) => out.push({ id: `problem-${i}`, start: f.start, end: f.end, color: 'rgba(221,51,51,0.35)', label: f.rule }));
    return out;
  }, [report]);

  const wave: WavePeaks | null = peaks ? { min: peaks.min, max: peaks.max, scale: PEAK_SCALE } : null;
  return <Waveform peaks={wave} durationSec={peaks?.duration ?? report.stats.durationS} regions={regions} height={64} testId="voice-waveform" />;
}

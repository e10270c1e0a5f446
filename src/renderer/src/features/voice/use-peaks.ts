import { useEffect, useState } from 'react';
import type { ReviewSource } from '../../../../shared/contract/review';
import { studio } from '../../api/client';

export const PEAKS_PER_SECOND = 50;

/**
 * Peaks of a take or a file, computed by ffmpeg in main (media.peaks): the answer is complete from
 * the cache, or empty while the buckets stream in as media.peaks-chunk events. Chunks that arrive
 * before the answer names their key are kept and applied once it does.
 */
export function usePeaks(source: ReviewSource | null): { min: number[]; max: number[] } | null {
  const [peaks, setPeaks] = useState<{ min: number[]; max: number[] } | null>(null);
  const sourceKey = source ? JSON.stringify(source) : '';
  useEffect(() => {
    if (!source) return;
    setPeaks(null);
    let key: string | null = null;
    let min: number[] = [];
    let max: number[] = [];
    const early: { key: string; offset: number; min: number[]; max: number[]; done: boolean }[] = [];
    const apply = (c: (typeof early)[number]) => {
      min = min.slice(0, c.offset).concat(c.min);
      max = max.slice(0, c.offset).concat(c.max);
      if (c.done) setPeaks({ min, max });
    };
    const off = studio.on('media.peaks-chunk', (c) => {
      if (key === null) early.push(c);
      else if (c.key === key) apply(c);
    });
    let live = true;
    studio
      .call('media.peaks', { source, peaksPerSecond: PEAKS_PER_SECOND })
      .then((r) => {
        if (!live) return;
        key = r.key;
        min = r.min;
        max = r.max;
        if (r.complete) setPeaks({ min, max });
        else early.filter((c) => c.key === key).forEach(apply);
      })
      .catch(() => live && setPeaks(null));
    return () => {
      live = false;
      off();
    };
  }, [sourceKey]); // eslint-disable-line react-hooks/exhaustive-deps -- the source by value
  return peaks;
}

/**
 * Waveform peaks for the review timeline, computed in main so the renderer never decodes a long file
 * (a 30-min take's audio is ~170 MB of float PCM in a browser; its peaks at 50/s are ~180 KB).
 * ffmpeg decodes the first audio stream to mono s16 PCM at a low rate (PEAK_SAMPLE_RATE: the display
 * needs the envelope, not the treble) and we keep the min and max of each bucket, streaming buckets to
 * the caller as they come so the timeline fills in while the rest decodes. Results are cached on disk
 * by file identity (path, size, mtime), so a take opens instantly the second time.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../../shared/errors';
import { writeFileAtomic } from '../atomic-write';
import { probeMedia, type FfmpegInfo } from '../ffmpeg';
import { streamFfmpeg } from '../ffmpeg/stream';

/** Decode rate for peaks: 8 kHz keeps speech's envelope; 160 samples per bucket at 50 peaks/s. */
export const PEAK_SAMPLE_RATE = 8000;
export const DEFAULT_PEAKS_PER_SECOND = 50;
/** Peaks are sent as whole numbers −127…127 (a byte's range): plenty for a drawing, a quarter the JSON. */
export const PEAK_SCALE = 127;

export interface Peaks {
  durationSec: number;
  peaksPerSecond: number;
  hasAudio: boolean;
  /** Per bucket, −127…0 and 0…127. */
  min: number[];
  max: number[];
}

export interface PeaksChunk {
  offset: number;
  min: number[];
  max: number[];
}

export interface ComputePeaksOptions {
  ff: FfmpegInfo;
  peaksPerSecond?: number;
  signal?: AbortSignal;
  /** Called with each batch of finished buckets, in order. */
  onChunk?: (c: PeaksChunk) => void;
  /** Buckets per onChunk call (default: 30 s of media). */
  chunkBuckets?: number;
}

export async function computePeaks(file: string, o: ComputePeaksOptions): Promise<Peaks> {
  const pps = o.peaksPerSecond ?? DEFAULT_PEAKS_PER_SECOND;
  if (!Number.isInteger(pps) || pps < 1 || pps > PEAK_SAMPLE_RATE / 4) throw new StudioError('bad-argument', `peaksPerSecond must be 1–${PEAK_SAMPLE_RATE / 4}`);
  const probe = await probeMedia(file, o.ff);
  if (!probe.audio) return { durationSec: probe.durationSec, peaksPerSecond: pps, hasAudio: false, min: [], max: [] };
  const perBucket = PEAK_SAMPLE_RATE / pps;
  const chunkBuckets = o.chunkBuckets ?? pps * 30;
  const min: number[] = [];
  const max: number[] = [];
  let bMin = 0;
  let bMax = 0;
  let inBucket = 0;
  let sent = 0;
  let carry: Buffer | null = null;
  const flush = (final: boolean) => {
    if (!o.onChunk) return;
    // The first chunk is short (5 s) so the waveform starts drawing at once; then 30-s chunks.
    const size = () => (sent === 0 ? Math.min(chunkBuckets, pps * 5) : chunkBuckets);
    while (min.length - sent >= size() || (final && min.length > sent)) {
      const end = Math.min(min.length, sent + size());
      o.onChunk({ offset: sent, min: min.slice(sent, end), max: max.slice(sent, end) });
      sent = end;
    }
  };
  await streamFfmpeg(
    o.ff,
    ['-v', 'error', '-i', file, '-map', '0:a:0', '-vn', '-sn', '-dn', '-ac', '1', '-ar', String(PEAK_SAMPLE_RATE), '-f', 's16le', '-acodec', 'pcm_s16le', 'pipe:1'],
    {
      durationSec: probe.durationSec,
      signal: o.signal,
      onData: (chunk) => {
        // Viewed as 16-bit samples, not read one by one with readInt16LE (a 30-min file is 14 M
        // samples). A copy is made only for a chunk with an odd byte offset or an odd byte left over.
        let buf = carry ? Buffer.concat([carry, chunk]) : chunk;
        const usable = buf.length - (buf.length % 2);
        carry = usable < buf.length ? Buffer.from(buf.subarray(usable)) : null;
        if (buf.byteOffset % 2) buf = Buffer.from(buf.subarray(0, usable));
        const samples = new Int16Array(buf.buffer, buf.byteOffset, usable / 2);
        for (let i = 0; i < samples.length; i++) {
          const v = samples[i]!;
          if (inBucket === 0) {
            bMin = v;
            bMax = v;
          } else {
            if (v < bMin) bMin = v;
            if (v > bMax) bMax = v;
          }
          if (++inBucket === perBucket) {
            min.push(Math.min(0, Math.round((bMin / 32768) * PEAK_SCALE)) || 0);
            max.push(Math.max(0, Math.round((bMax / 32767) * PEAK_SCALE)));
            inBucket = 0;
          }
        }
        flush(false);
      },
    },
  );
  if (inBucket > 0) {
    min.push(Math.min(0, Math.round((bMin / 32768) * PEAK_SCALE)) || 0);
    max.push(Math.max(0, Math.round((bMax / 32767) * PEAK_SCALE)));
  }
  flush(true);
  return { durationSec: probe.durationSec, peaksPerSecond: pps, hasAudio: true, min, max };
}

/**
 * Peaks with a disk cache and one computation per file at a time: `get` answers at once with what is
 * known (complete from the cache, or empty while computing) and the rest arrives through onChunk.
 */
export class PeaksCache {
  private readonly running = new Map<string, Promise<Peaks>>();

  constructor(
    private readonly deps: {
      dir: string;
      ff: () => Promise<FfmpegInfo>;
      log?: (l: string) => void;
    },
  ) {}

  async key(file: string, pps: number): Promise<string> {
    const st = await fs.stat(file);
    return createHash('sha256').update(`${path.resolve(file)}\0${st.size}\0${st.mtimeMs}\0${pps}\0v1`).digest('hex').slice(0, 32);
  }

  async cached(key: string): Promise<Peaks | null> {
    try {
      const p = JSON.parse(await fs.readFile(path.join(this.deps.dir, `${key}.json`), 'utf8')) as Peaks;
      return Array.isArray(p.min) && Array.isArray(p.max) ? p : null;
    } catch {
      return null;
    }
  }

  /** Start (or join) the computation; resolves with the whole result, cached for next time. */
  compute(file: string, key: string, pps: number, onChunk: (c: PeaksChunk) => void): Promise<Peaks> {
    const existing = this.running.get(key);
    if (existing) return existing;
    const job = (async () => {
      const ff = await this.deps.ff();
      const peaks = await computePeaks(file, { ff, peaksPerSecond: pps, onChunk });
      await fs.mkdir(this.deps.dir, { recursive: true });
      await writeFileAtomic(path.join(this.deps.dir, `${key}.json`), JSON.stringify(peaks)).catch((err: unknown) => this.deps.log?.(`peaks cache: ${(err as Error).message}`));
      return peaks;
    })().finally(() => this.running.delete(key));
    this.running.set(key, job);
    return job;
  }
}

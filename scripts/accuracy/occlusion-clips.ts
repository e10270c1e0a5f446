/**
 * The clips the occlusion margin scripts (slice-margin.mts, pale-margin.mts, the *-probe.mts cue probes) read (harness only):
 * the clean shared clips and every labelled lips.occluded case, derived clips as
 * occlusion-replay.mts left them in the accuracy cache. Held-out cases only when asked for by id.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface MarginClip {
  file: string;
  key: string;
  /** Frames to use from the start (0 = all). */
  frames: number;
  /** Labelled episodes as frame ranges. */
  episodes: [number, number][];
}

interface LabelledCase {
  id: string;
  derive?: string[];
  heldOut?: boolean;
  rules: string[];
  episodes: Record<string, [number, number, string][]>;
}

export function marginClips(asked: readonly string[]): MarginClip[] {
  const media = path.resolve('../shared/media');
  const clipsDir = path.join(process.env.TMPDIR ?? '/tmp', 'capture-studio-accuracy', 'clips');
  const labels = JSON.parse(readFileSync('test/fixtures/accuracy-labels.json', 'utf8')) as { cases: LabelledCase[] };
  const hamilton = labels.cases.find((c) => c.id === 'hamilton-occlusion');
  const list: MarginClip[] = [
    {
      file: path.join(media, 'short_hamilton_clip.mp4'),
      key: 'hamx2',
      frames: 275,
      episodes: (hamilton?.episodes['lips.occluded'] ?? []).map(([, , t]) => frameRangeOf(t, 'hamilton-occlusion')),
    },
    { file: path.join(media, 'driving-d14.mp4'), key: 'd14x2', frames: 536, episodes: [] },
    { file: path.join(media, 'driving-d18.mp4'), key: 'd18x2', frames: 216, episodes: [] },
    ...['driving-d0', 'driving-d3', 'driving-d13', 'driving-d20', 'talking-1', 'talking-3', 'talking-4'].map((k) => ({
      file: path.join(media, `${k}.mp4`),
      key: k,
      frames: 0,
      episodes: [],
    })),
  ];
  for (const c of labels.cases) {
    if (!c.derive || !c.rules.includes('lips.occluded') || (asked.length ? !asked.includes(c.id) : c.heldOut)) continue;
    const episodes = (c.episodes['lips.occluded'] ?? []).map(([, , t]) => frameRangeOf(t, c.id));
    list.push({ file: path.join(clipsDir, `${c.id}.mp4`), key: c.id, frames: 0, episodes });
  }
  return asked.length ? list.filter((c) => asked.includes(c.key)) : list;
}

/**
 * The video file of one labelled case (derived with its ffmpeg recipe into the accuracy cache if
 * it is not there yet) or of a shared clip named without its extension.
 */
export function caseFile(id: string): string {
  const media = path.resolve('../shared/media');
  const labels = JSON.parse(readFileSync('test/fixtures/accuracy-labels.json', 'utf8')) as { cases: LabelledCase[] };
  const c = labels.cases.find((k) => k.id === id);
  if (!c?.derive) return path.join(media, `${id}.mp4`);
  const file = path.join(process.env.TMPDIR ?? '/tmp', 'capture-studio-accuracy', 'clips', `${id}.mp4`);
  if (!existsSync(file)) execFileSync('ffmpeg', ['-v', 'error', '-y', ...c.derive.map((a) => a.replaceAll('{media}', media).replaceAll('{out}', file))]);
  return file;
}

function frameRangeOf(text: string, id: string): [number, number] {
  const m = /frames (\d+)-(\d+)/.exec(text);
  if (!m) throw new Error(`${id}: no frame range in "${text}"`);
  return [Number(m[1]), Number(m[2])];
}

export interface PairMargins {
  /** The highest score two clean frames in a row both reach (a breach needs minFrames = 2), and where. */
  cleanTop: number;
  cleanTopAt: number;
  /** Per labelled episode: the median score, the best two-frame run, how many frames had a score. */
  episodes: { from: number; to: number; median: number; best: number; judged: number }[];
}

/**
 * The margin of a per-frame score (higher = more covered; negate one that falls instead) over runs
 * of two frames, the breach minimum: frames within `edge` of a labelled episode count as neither
 * clean nor covered.
 */
export function pairMargins(score: readonly (number | null)[], episodes: readonly [number, number][], edge = 2): PairMargins {
  const pair = (i: number) => {
    const a = score[i - 1];
    const b = score[i];
    return a === null || a === undefined || b === null || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) ? null : Math.min(a, b);
  };
  const near = (i: number) => episodes.some(([a, b]) => i >= a - edge && i <= b + edge);
  let cleanTop = -Infinity;
  let cleanTopAt = -1;
  for (let i = 1; i < score.length; i++) {
    const p = pair(i);
    if (p === null || near(i) || near(i - 1) || p <= cleanTop) continue;
    cleanTop = p;
    cleanTopAt = i;
  }
  return {
    cleanTop,
    cleanTopAt,
    episodes: episodes.map(([from, to]) => {
      const v = score.slice(from, to + 1).filter((x): x is number => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
      let best = -Infinity;
      for (let i = from + 1; i <= to; i++) best = Math.max(best, pair(i) ?? -Infinity);
      return { from, to, median: v.length ? (v[Math.floor(v.length / 2)] as number) : NaN, best, judged: v.length };
    }),
  };
}

/** One line of a margin probe's output: the clip's clean top and each episode's median and best pair. */
export function marginLine(key: string, m: PairMargins, sign = 1): string {
  const f = (v: number) => (sign * v).toFixed(2);
  const eps = m.episodes.map((e) => `${e.from}-${e.to}: median ${f(e.median)} best pair ${f(e.best)} (${e.judged} judged)`);
  return `${key}: clean ${sign > 0 ? 'top' : 'lowest'} ${f(m.cleanTop)} @${m.cleanTopAt}${eps.length ? ' | ' + eps.join(', ') : ''}`;
}

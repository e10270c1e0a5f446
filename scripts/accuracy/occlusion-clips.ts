/**
 * The clips the occlusion margin scripts (slice-margin.mts, pale-margin.mts) read (harness only):
 * the clean shared clips and every labelled lips.occluded case, derived clips as
 * occlusion-replay.mts left them in the accuracy cache. Held-out cases only when asked for by id.
 */
import { readFileSync } from 'node:fs';
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

function frameRangeOf(text: string, id: string): [number, number] {
  const m = /frames (\d+)-(\d+)/.exec(text);
  if (!m) throw new Error(`${id}: no frame range in "${text}"`);
  return [Number(m[1]), Number(m[2])];
}

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { largestAngle, primaryFace } from '../src/shared/vision/analysis';
import { FACE_ANGLE } from '../src/shared/standards';
import { mediaDir, repoRoot } from './env';
import { shot } from './helpers';
import { analyseFiles, deriveImage, frameStream, media, openHarness, sha256Prefix, watchOutsideRequests } from './vision-helpers';

/**
 * The vision worker on real faces, through the app's vision harness page (same worker, same
 * analysis module as the live monitor): stills, the hand-labelled lip sequence of driving-d18.mp4
 * and a frontal talking head.
 */

const results = path.join(repoRoot, 'test-results');

test('still images: two faces are two faces; profile views are never a confident frontal', async ({ page }) => {
  const outside = watchOutsideRequests(page);
  await openHarness(page, 'IMAGE');
  const [two, trumpHillary] = await analyseFiles(page, [media('faces/two_people.jpg'), media('faces/trump_hillary.jpg')]);
  expect(two?.result.faces.length).toBe(2);
  expect(two?.monitor.rules['face.multiple'].level).toBe('error');
  expect(trumpHillary?.result.faces.length).toBe(2);

  // emma.jpg is three photos side by side; the middle one is a profile, the right one a strong turn.
  const thirds = [0, 1, 2].map((i) =>
    deriveImage('faces/emma.jpg', `emma-${i}.png`, ['-vf', `crop=iw/3:ih:${i}*iw/3:0`]),
  );
  const emma = await analyseFiles(page, thirds);
  const report = emma.map((f, i) => {
    const face = primaryFace(f.result);
    return { panel: i, faces: f.result.faces.length, yaw: face?.yaw, pitch: face?.pitch, roll: face?.roll, angle: f.monitor.rules['face.angle'] };
  });
  console.log('emma.jpg panels', JSON.stringify(report));
  for (const i of [1, 2]) {
    const f = emma[i];
    const face = f ? primaryFace(f.result) : null;
    if (!face) {
      // A reported miss is fine: face.missing says so.
      expect(f?.monitor.rules['face.missing'].level).toBe('error');
      continue;
    }
    expect(largestAngle(face)?.deg ?? 0).toBeGreaterThan(FACE_ANGLE.warnAboveDeg);
    expect(['warn', 'error']).toContain(f?.monitor.rules['face.angle'].level);
  }

  // The overlay in each of these states, for the eye (en and zh-CN).
  await analyseFiles(page, [media('faces/two_people.jpg')], { show: true });
  await shot(page, 'vision-still-two-faces-en');
  await analyseFiles(page, [thirds[1] ?? ''], { show: true });
  await shot(page, 'vision-still-profile-en');
  await page.evaluate(() => window.visionHarness.setLanguage('zh-CN'));
  await shot(page, 'vision-still-profile-zh-CN');
  await analyseFiles(page, [media('faces/trump_hillary.jpg')], { show: true });
  await shot(page, 'vision-still-two-faces-zh-CN');

  // Closing the landmarker flushes MediaPipe's usage log to Google: the worker refuses it, so
  // nothing reaches the network (CSP connect-src and Electron's request filter would refuse it too).
  const refused = await page.evaluate(() => window.visionHarness.close());
  expect(refused).toContain('https://odml.pa.googleapis.com/v1/log');
  expect(outside).toEqual([]);
});

test('driving-d18.mp4: lips open/closed per frame match the hand labels', async ({ page }) => {
  // Hundreds of frames through the landmarker: minutes on a busy 2-core machine.
  test.setTimeout(300_000);
  const labels = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/d18-lips-labels.json'), 'utf8')) as {
    sha256Prefix: string;
    frames: { i: number; lips: 'open' | 'closed' }[];
  };
  expect(sha256Prefix(path.join(mediaDir, 'driving-d18.mp4'))).toBe(labels.sha256Prefix);
  await openHarness(page, 'VIDEO');
  const frames = await analyseFiles(page, [frameStream('driving-d18.mp4', 'd18.pngs')], { stream: true, frameSeconds: 1 / 30 });
  expect(frames.length).toBe(labels.frames.length);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let missed = 0;
  const wrong: { i: number; label: string; got: string; gap: number }[] = [];
  frames.forEach((f, i) => {
    const label = labels.frames[i]?.lips;
    const got = f.monitor.lips;
    if (got === 'unknown') missed++;
    const predOpen = got === 'open';
    if (label === 'open' && predOpen) tp++;
    else if (label === 'open') fn++;
    else if (predOpen) fp++;
    else tn++;
    if ((label === 'open') !== predOpen) wrong.push({ i, label: label ?? '?', got, gap: f.monitor.primary?.lipGap ?? NaN });
  });
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const detect = frames.map((f) => f.detectMs).sort((a, b) => a - b);
  const summary = { frames: frames.length, tp, fp, fn, tn, unknown: missed, precision, recall, wrong, detectMsP50: detect[Math.floor(detect.length / 2)] };
  console.log('d18 lips', JSON.stringify(summary));
  mkdirSync(results, { recursive: true });
  writeFileSync(
    path.join(results, 'vision-d18-lips.json'),
    JSON.stringify(
      {
        ...summary,
        perFrame: frames.map((f, i) => ({ i, label: labels.frames[i]?.lips, lips: f.monitor.lips, gap: f.monitor.primary?.lipGap, jawOpen: f.monitor.primary?.jawOpen, colour: f.monitor.primary?.lipColour })),
      },
      null,
      1,
    ),
  );
  expect(frames.every((f) => f.result.faces.length === 1)).toBe(true);
  expect(precision).toBeGreaterThanOrEqual(0.95);
  expect(recall).toBeGreaterThanOrEqual(0.95);

  // An open and a closed frame, for the eye.
  await page.evaluate(() => window.visionHarness.init('IMAGE'));
  await analyseFiles(page, [deriveImage('driving-d18.mp4', 'd18-f130.png', ['-vf', 'select=eq(n\\,130)'])], { show: true, phase: 'silent' });
  await shot(page, 'vision-d18-open-en');
  await analyseFiles(page, [deriveImage('driving-d18.mp4', 'd18-f5.png', ['-vf', 'select=eq(n\\,5)'])], { show: true, phase: 'silent' });
  await shot(page, 'vision-d18-closed-en');
  await page.evaluate(() => window.visionHarness.close());
});

test('talking-3.mp4: one face, frontal (|yaw| < 30°) in every analysed frame', async ({ page }) => {
  // Hundreds of frames through the landmarker: minutes on a busy 2-core machine.
  test.setTimeout(300_000);
  await openHarness(page, 'VIDEO');
  // Every second frame keeps it short; VIDEO mode tracks across the gap.
  const frames = await analyseFiles(page, [frameStream('talking-3.mp4', 'talking-3.pngs')], { stream: true, every: 2, frameSeconds: 2 / 25 });
  expect(frames.length).toBe(63);
  const yaws = frames.map((f) => primaryFace(f.result)?.yaw ?? NaN);
  console.log('talking-3 yaw', Math.min(...yaws).toFixed(1), Math.max(...yaws).toFixed(1));
  expect(frames.every((f) => f.result.faces.length === 1)).toBe(true);
  expect(yaws.every((y) => Math.abs(y) < 30)).toBe(true);
  await page.evaluate(() => window.visionHarness.close());
});

test('short_hamilton_clip.mp4: lips.occluded against hand labels (microphone, hand)', async ({ page }) => {
  // Hundreds of frames through the landmarker: minutes on a busy 2-core machine.
  test.setTimeout(300_000);
  const labels = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/hamilton-occlusion-labels.json'), 'utf8')) as {
    sha256Prefix: string;
    covered: [number, number][];
    partial: [number, number][];
  };
  expect(sha256Prefix(media('short_hamilton_clip.mp4'))).toBe(labels.sha256Prefix);
  const inRanges = (i: number, r: [number, number][]) => r.some(([a, b]) => i >= a && i <= b);
  const label = (i: number) => (inRanges(i, labels.covered) ? 'covered' : inRanges(i, labels.partial) ? 'partial' : 'clear');

  // Frames 0–79 (a wide stage shot and profile close-ups) and 246–274 (a dark audience shot) have no
  // face the landmarker finds: left out to keep the test short.
  const [first, last] = [80, 245];
  await openHarness(page, 'VIDEO');
  const frames = await analyseFiles(page, [frameStream('short_hamilton_clip.mp4', 'hamilton-80-245.pngs', ['-vf', `trim=start_frame=${first}:end_frame=${last + 1}`])], {
    stream: true,
    frameSeconds: 1 / 29.97,
  });
  expect(frames.length).toBe(last - first + 1);
  // A frame is flagged when it is part of a lips.occluded finding: the error frames and, since a
  // breach needs LIPS_OCCLUDED.minFrames covered frames in a row, the pre-alarm frames before them
  // that the finding starts from (its `since`).
  const states = frames.map((f, k) => ({ i: first + k, t: f.monitor.t, r: f.monitor.rules['lips.occluded'] }));
  const inFinding = new Set<number>();
  for (const s of states) {
    if (s.r.level !== 'error') continue;
    const from = states.find((x) => x.t === s.r.since)?.i ?? s.i;
    for (let j = from; j <= s.i; j++) inFinding.add(j);
  }
  const judged = states.map((s) => ({ i: s.i, l: label(s.i), rule: s.r.level })).filter((r) => r.rule !== 'off');
  const flagged = (r: { i: number }) => inFinding.has(r.i);
  const pos = judged.filter((r) => r.l !== 'clear');
  const neg = judged.filter((r) => r.l === 'clear');
  const tp = pos.filter(flagged).length;
  const fp = neg.filter(flagged).length;
  const episodes = [...labels.covered, ...labels.partial].map(([a, b]) => ({
    frames: `${a}-${b}`,
    found: judged.some((r) => r.i >= a && r.i <= b && flagged(r)),
  }));
  const summary = {
    framesWithFace: judged.length,
    precision: tp / Math.max(1, tp + fp),
    recall: tp / Math.max(1, pos.length),
    covered: `${judged.filter((r) => r.l === 'covered' && flagged(r)).length}/${judged.filter((r) => r.l === 'covered').length}`,
    partial: `${judged.filter((r) => r.l === 'partial' && flagged(r)).length}/${judged.filter((r) => r.l === 'partial').length}`,
    falseAlarms: `${fp}/${neg.length}`,
    episodes,
  };
  console.log('hamilton occlusion', JSON.stringify(summary));
  writeFileSync(path.join(results, 'vision-hamilton-occlusion.json'), JSON.stringify(summary, null, 1));
  // A guard against regressions, not a claim of quality: see README "Accuracy" for what it misses.
  // Measured with the skin-over-part-of-the-lips check and the 2-frame minimum (issue #14): frame
  // precision 0.97, recall 0.67 (was 0.55), 1/90 false alarms; every episode but 112-114 found.
  expect(summary.precision).toBeGreaterThanOrEqual(0.9);
  expect(fp).toBeLessThanOrEqual(2);
  expect(summary.recall).toBeGreaterThanOrEqual(0.6);
  // The fingers at the mouth corner and the 2-frame blurred hand sweep (missed before).
  expect(episodes.filter((e) => e.frames === '132-137' || e.frames === '141-142').every((e) => e.found)).toBe(true);

  await page.evaluate(() => window.visionHarness.init('IMAGE'));
  await analyseFiles(page, [deriveImage('short_hamilton_clip.mp4', 'hamilton-f190.png', ['-vf', 'select=eq(n\\,190)'])], { show: true });
  await shot(page, 'vision-occluded-mic-en');
  await page.evaluate(() => window.visionHarness.close());
});

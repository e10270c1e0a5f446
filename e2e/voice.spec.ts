/**
 * Voice mode end to end (#16): Chromium's fake microphone plays jfk.wav; a voice take is recorded
 * through the AudioWorklet into the take lifecycle; the saved take.wav must match the source
 * (normalised cross-correlation ≥ 0.99 after alignment, computed here from both files' PCM, the
 * source resampled by ffmpeg to the recorded rate): nothing lossy or "enhanced" sits in the path.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { BASE_CHROMIUM_ARGS, chromiumPath, fakeMediaArgs, mediaDir } from './env';
import { fixture } from './global-setup';
import { createShoot, openStudio, setLanguage, shot, takeDir } from './helpers';

const JFK = path.join(mediaDir, 'audio/jfk.wav');
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

test.use({ launchOptions: { executablePath: chromiumPath(), args: [...BASE_CHROMIUM_ARGS, ...fakeMediaArgs(fixture('talking3Portrait'), JFK)] } });

/** Mono float PCM of a file at a rate, decoded by ffmpeg. */
function pcm(file: string, rate: number): Float32Array {
  const buf = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-ac', '1', '-ar', String(rate), '-f', 'f32le', 'pipe:1'], { maxBuffer: 512 * 1024 * 1024 });
  return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
}

function ncc(a: Float32Array, ai: number, b: Float32Array, bi: number, n: number): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    const x = a[ai + i]!;
    const y = b[(bi + i) % b.length]!;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

/**
 * Where a stretch of the recording starts in the looping source: coarse over every offset at 4 kHz
 * on a 1-s window, then sample-exact at the recorded rate.
 */
function align(rec4: Float32Array, src4: Float32Array, rec: Float32Array, src: Float32Array, rate: number, atS: number): number {
  const coarse = 4000;
  let best = { c: -1, off: 0 };
  for (let off = 0; off < src4.length; off++) {
    const c = ncc(rec4, Math.round(atS * coarse), src4, off, coarse);
    if (c > best.c) best = { c, off };
  }
  const k = rate / coarse;
  const around = Math.round(best.off * k);
  let fine = { c: -1, off: 0 };
  for (let d = -Math.ceil(2 * k); d <= Math.ceil(2 * k); d++) {
    const off = (((around + d) % src.length) + src.length) % src.length;
    const c = ncc(rec, Math.round(atS * rate), src, off, rate);
    if (c > fine.c) fine = { c, off };
  }
  return fine.off;
}

/**
 * NCC of 5 s of the recording against the source after alignment. Chromium's fake microphone
 * restarts the file with a jump of a few ms at its loop point, so the 5 s are taken inside one pass
 * of the loop (a 14-s recording of an 11-s loop always holds one).
 */
export function bestMatch(recFile: string, rate: number): { ncc: number; fromS: number } {
  const rec4 = pcm(recFile, 4000);
  const src4 = pcm(JFK, 4000);
  const rec = pcm(recFile, rate);
  const src = pcm(JFK, rate);
  const first = align(rec4, src4, rec, src, rate, 0.5);
  const wrapS = 0.5 + (src.length - first) / rate;
  const fromS = wrapS >= 6 ? 0.5 : wrapS + 0.3;
  const off = fromS === 0.5 ? first : align(rec4, src4, rec, src, rate, fromS);
  return { ncc: ncc(rec, Math.round(fromS * rate), src, off, 5 * rate), fromS };
}

/**
 * The drawn waveform, read back from wavesurfer's canvas (in its shadow root): per pixel column,
 * how many pixels are painted. A flat line paints 1–2 rows everywhere.
 */
async function columnHeights(page: Page, testId: string, within: Locator): Promise<number[]> {
  return within.getByTestId(testId).evaluate((el) => {
    const root = (el.firstElementChild as HTMLElement | null)?.shadowRoot;
    const c = root?.querySelector('canvas');
    if (!c) return [];
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const out = new Array<number>(c.width).fill(0);
    for (let y = 0; y < c.height; y++) for (let x = 0; x < c.width; x++) if (d[(y * c.width + x) * 4 + 3]! > 40) out[x]!++;
    return out;
  });
}

/** The envelope a waveform of `file` should have over `columns` columns: max − min of the samples, by ffmpeg. */
function envelope(file: string, columns: number): number[] {
  const x = pcm(file, 8000);
  const out: number[] = [];
  for (let c = 0; c < columns; c++) {
    let lo = 0;
    let hi = 0;
    for (let i = Math.floor((c * x.length) / columns); i < Math.floor(((c + 1) * x.length) / columns); i++) {
      lo = Math.min(lo, x[i]!);
      hi = Math.max(hi, x[i]!);
    }
    out.push(hi - lo);
  }
  return out;
}

function pearson(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  const ma = a.slice(0, n).reduce((s, v) => s + v, 0) / n;
  const mb = b.slice(0, n).reduce((s, v) => s + v, 0) / n;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    ab += (a[i]! - ma) * (b[i]! - mb);
    aa += (a[i]! - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

test('voice take from the fake microphone: lossless WAV that matches jfk.wav, meter, report (en, zh-CN)', async ({ page }) => {
  const shoot = `Voice ${Date.now()}`;
  await openStudio(page, 'en');
  await createShoot(page, shoot);
  await page.getByTestId('nav-voice').click();
  const mic = page.getByTestId('voice-mic');
  await expect(mic).toHaveAttribute('data-processing', 'off', { timeout: 30_000 });
  const rate = Number(await mic.getAttribute('data-sample-rate'));
  expect(rate).toBeGreaterThanOrEqual(44_100);
  await page.getByTestId('voice-target').selectOption('tts6');
  await page.getByTestId('voice-script-input').fill('And so, my fellow Americans: ask not what your country can do for you.\nAsk what you can do for your country.');
  await page.getByTestId('voice-room-tone').click();
  await expect(page.getByTestId('voice-room-result')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('voice-record').click();
  await expect(page.getByTestId('voice-recording')).toBeVisible();
  await expect(page.getByTestId('audio-meter')).toHaveAttribute('data-state', 'running');
  // The live total comes from Silero in the page (same model as main), and grows while JFK speaks.
  const liveVad = page.getByTestId('voice-live');
  await expect(liveVad).toHaveAttribute('data-detector', 'silero-vad-v5');
  await expect.poll(async () => Number(await liveVad.getAttribute('data-speech-s')), { timeout: 30_000 }).toBeGreaterThan(1);
  await shot(page, 'voice-meter-en');
  await setLanguage(page, 'zh-CN');
  await shot(page, 'voice-meter-zh-CN');
  await setLanguage(page, 'en');
  // More than one loop of the 11-s file, so any 5-s stretch has its source.
  await page.waitForTimeout(10_000);
  await page.getByTestId('voice-stop').click();
  const report = page.getByTestId('voice-report').first();
  await expect(report).toHaveAttribute('data-status', 'ready', { timeout: 90_000 });
  await expect(report).not.toHaveAttribute('data-verdict', '', { timeout: 90_000 });
  // 14 s of a looping 11-s speech file is far under TTS6's 50 s: the check says so.
  await expect(report.locator('[data-rule="voice.too-short"]')).toHaveCount(1);
  await expect(page.getByTestId('voice-prompter')).toHaveAttribute('data-paragraph', '2');
  // The review: the take's waveform from main's peaks, drawn — not a flat line: the painted height
  // of each pixel column follows the envelope of take.wav computed here by ffmpeg.
  const takeId = (await report.getAttribute('data-take-id'))!;
  const wav = path.join(await takeDir(shoot, takeId), 'take.wav');
  await expect(report.getByTestId('voice-waveform')).not.toHaveAttribute('data-peaks', '0', { timeout: 60_000 });
  await expect.poll(async () => Number(await report.getByTestId('voice-waveform').getAttribute('data-drawn')), { timeout: 30_000 }).toBeGreaterThan(100);
  await report.scrollIntoViewIfNeeded();
  let heights: number[] = [];
  await expect
    .poll(async () => {
      heights = await columnHeights(page, 'voice-waveform', report);
      return heights.filter((h) => h > 6).length / Math.max(1, heights.length);
    }, { timeout: 30_000 })
    .toBeGreaterThan(0.3);
  const r = pearson(heights, envelope(wav, heights.length));
  console.log(`waveform columns ${heights.length}, max height ${Math.max(...heights)} px, r vs ffmpeg envelope ${r.toFixed(3)}`);
  expect(r).toBeGreaterThan(0.9);
  // Speech, pause and problem regions are painted over the drawn peaks (they were lost on load).
  const regionCount = () => report.getByTestId('voice-waveform').evaluate((el) => (el.firstElementChild as HTMLElement | null)?.shadowRoot?.querySelectorAll('[part~="region"]').length ?? 0);
  await expect.poll(regionCount, { timeout: 15_000 }).toBeGreaterThan(1);
  await shot(page, 'voice-report-en');
  await setLanguage(page, 'zh-CN');
  await expect(report).toContainText('有效语音');
  await shot(page, 'voice-report-zh-CN');
  await setLanguage(page, 'en');

  // Noise reduction for the A/B listen: made in main beside take.wav, drawn under the original,
  // one play position for both (§8.3, §10).
  await report.getByTestId('voice-denoise').click();
  const ab = report.getByTestId('voice-ab');
  await expect(ab).toBeVisible({ timeout: 120_000 });
  await expect.poll(async () => Number(await report.getByTestId('voice-waveform-denoised').getAttribute('data-drawn')), { timeout: 30_000 }).toBeGreaterThan(100);
  await expect.poll(async () => (await columnHeights(page, 'voice-waveform-denoised', report)).filter((h) => h > 6).length, { timeout: 30_000 }).toBeGreaterThan(100);
  const levels = report.getByTestId('voice-levels');
  expect(Number(await levels.getAttribute('data-floor-after'))).toBeLessThan(Number(await levels.getAttribute('data-floor-before')));
  expect(await levels.getAttribute('data-clipped-after')).toBe('0');
  expect(sha(path.join(await takeDir(shoot, takeId), 'take.wav'))).toBe(sha(wav));
  await report.getByTestId('voice-ab-play').click();
  await expect(ab).toHaveAttribute('data-playing', 'yes', { timeout: 15_000 });
  await expect.poll(async () => Number(await ab.getAttribute('data-time')), { timeout: 30_000 }).toBeGreaterThan(1);
  const timeOf = (id: string) => report.getByTestId(id).evaluate((a) => ({ t: (a as HTMLAudioElement).currentTime, paused: (a as HTMLAudioElement).paused }));
  await report.getByTestId('voice-ab-denoised').click();
  await expect(ab).toHaveAttribute('data-active', 'denoised');
  const [a1, b1] = [await timeOf('voice-audio-original'), await timeOf('voice-audio-denoised')];
  expect(a1.paused).toBe(true);
  // B starts where A stopped (B has played on by at most the time between the two reads).
  expect(b1.t).toBeGreaterThanOrEqual(a1.t - 0.05);
  expect(b1.t - a1.t).toBeLessThan(1.5);
  await expect.poll(async () => (await timeOf('voice-audio-denoised')).paused, { timeout: 15_000 }).toBe(false);
  await report.getByTestId('voice-ab-play').click();
  await expect(ab).toHaveAttribute('data-playing', 'no');
  await report.getByTestId('voice-levels').scrollIntoViewIfNeeded();
  await shot(page, 'voice-review-ab-en');
  await setLanguage(page, 'zh-CN');
  await expect(report.getByTestId('voice-ab-denoised')).toContainText('降噪后');
  await shot(page, 'voice-review-ab-zh-CN');
  await setLanguage(page, 'en');

  // The delivery folder: the segment byte for byte and its noise-reduced twin, merged (both),
  // voice_task.json with levels before/after, the QC report. No authorization take here.
  await page.getByTestId('voice-export').click();
  const exported = page.getByTestId('voice-exported');
  await expect(exported).toBeVisible({ timeout: 180_000 });
  const exportDir = (await exported.getAttribute('data-dir'))!;
  expect(readdirSync(exportDir).sort()).toEqual(['merged.denoised.wav', 'merged.wav', 'qc-report.json', 'segment-01.denoised.wav', 'segment-01.wav', 'voice_task.json']);
  const task = JSON.parse(readFileSync(path.join(exportDir, 'voice_task.json'), 'utf8')) as { authorization: unknown; noiseReduction: { pairs: { original: string; before: { noiseFloorDb: number }; after: { noiseFloorDb: number; clippedSamples: number } }[] } };
  expect(task.authorization).toBeNull();
  const pair = task.noiseReduction.pairs.find((p) => p.original === 'segment-01.wav')!;
  expect(pair.after.noiseFloorDb).toBeLessThan(pair.before.noiseFloorDb);
  expect(pair.after.clippedSamples).toBe(0);
  await exported.scrollIntoViewIfNeeded();
  await shot(page, 'voice-export-en');
  await setLanguage(page, 'zh-CN');
  await shot(page, 'voice-export-zh-CN');
  await setLanguage(page, 'en');

  const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', wav], { encoding: 'utf8' })) as { streams: { codec_name: string; sample_rate: string }[] };
  expect(probe.streams[0]!.codec_name).toMatch(/^pcm_f32le$/);
  expect(Number(probe.streams[0]!.sample_rate)).toBe(rate);
  expect(sha(path.join(exportDir, 'segment-01.wav'))).toBe(sha(wav));
  const m = bestMatch(wav, rate);
  expect(m.ncc).toBeGreaterThanOrEqual(0.99);
});

test('the authorization script is filled with the names in each language, recorded and checked', async ({ page }) => {
  const shootName = `Auth ${Date.now()}`;
  await openStudio(page, 'en');
  await createShoot(page, shootName);
  await page.getByTestId('nav-voice').click();
  await page.getByTestId('voice-target').selectOption('auth');
  await page.getByTestId('voice-auth-speaker').fill('Li Hua');
  await page.getByTestId('voice-auth-company').fill('RuYing <b>Ltd</b>');
  const prompter = page.getByTestId('voice-prompter');
  for (const [lang, words] of [
    ['zh', 'Li Hua确认我的声音将被RuYing <b>Ltd</b>用于创建我声音的合成版本。'],
    ['en', 'I Li Hua am aware that recordings of my voice will be used by RuYing <b>Ltd</b> to create and use a synthetic version of my voice.'],
    ['ja', '私Li Huaは自身の音声をRuYing <b>Ltd</b>が使用し'],
    ['ko', '나는 Li Hua 내 목소리의 녹음을'],
  ] as const) {
    await page.getByTestId('voice-auth-lang').selectOption(lang);
    await expect(prompter).toContainText(words);
  }
  await expect(page.getByTestId('voice-recording-as')).toBeVisible();
  await page.getByTestId('voice-auth-lang').selectOption('en');
  await shot(page, 'voice-auth-en');
  // Recorded as the authorization (§8.6): the role is set at Record, shown on the card with the
  // script, checked with target auth (one speaker, level, length) and the plain statement that the
  // words are not verified offline.
  await page.getByTestId('voice-record').click();
  await expect(page.getByTestId('voice-recording')).toBeVisible();
  await page.waitForTimeout(8000);
  await page.getByTestId('voice-stop').click();
  const report = page.getByTestId('voice-report').first();
  await expect(report).not.toHaveAttribute('data-verdict', '', { timeout: 90_000 });
  await expect(report.getByTestId('voice-role')).toHaveAttribute('data-role', 'auth');
  await expect(report.getByTestId('voice-auth-card')).toContainText('I Li Hua am aware that recordings of my voice will be used by RuYing <b>Ltd</b>');
  await expect(report.locator('[data-rule="voice.auth-words-unverified"]')).toHaveCount(1);
  await expect(report.locator('[data-rule="voice.second-speaker"]')).toHaveCount(0);
  expect(Number(await report.getAttribute('data-speech-s'))).toBeGreaterThan(2);
  const authId = (await report.getAttribute('data-take-id'))!;
  await expect.poll(async () => Number(await report.getByTestId('voice-waveform').getAttribute('data-drawn')), { timeout: 60_000 }).toBeGreaterThan(100);
  await report.scrollIntoViewIfNeeded();
  await shot(page, 'voice-auth-report-en');
  await setLanguage(page, 'zh-CN');
  await expect(report.locator('[data-rule="voice.auth-words-unverified"]')).toContainText('无法离线核对');
  await shot(page, 'voice-auth-zh-CN');
  await setLanguage(page, 'en');

  // A speech take after it: the export uses the authorization take as authorization.wav and the
  // speech take as the only segment — never the other way round.
  await page.getByTestId('voice-target').selectOption('tts6');
  await page.getByTestId('voice-record').click();
  await expect(page.getByTestId('voice-recording')).toBeVisible();
  await page.waitForTimeout(5000);
  await page.getByTestId('voice-stop').click();
  const speech = page.getByTestId('voice-report').nth(1);
  await expect(speech).not.toHaveAttribute('data-verdict', '', { timeout: 90_000 });
  await expect(speech.getByTestId('voice-role')).toHaveAttribute('data-role', 'speech');
  const speechId = (await speech.getAttribute('data-take-id'))!;
  await page.getByTestId('voice-export').click();
  const exported = page.getByTestId('voice-exported');
  await expect(exported).toBeVisible({ timeout: 180_000 });
  const dir = (await exported.getAttribute('data-dir'))!;
  expect(readdirSync(dir).sort()).toEqual([
    'authorization.denoised.wav',
    'authorization.wav',
    'merged.denoised.wav',
    'merged.wav',
    'qc-report.json',
    'segment-01.denoised.wav',
    'segment-01.wav',
    'voice_task.json',
  ]);
  expect(sha(path.join(dir, 'authorization.wav'))).toBe(sha(path.join(await takeDir(shootName, authId), 'take.wav')));
  expect(sha(path.join(dir, 'segment-01.wav'))).toBe(sha(path.join(await takeDir(shootName, speechId), 'take.wav')));
  const task = JSON.parse(readFileSync(path.join(dir, 'voice_task.json'), 'utf8')) as { authorization: { take: string; language: string; script: string; wordsVerified: boolean } };
  expect(task.authorization).toMatchObject({ take: authId, language: 'en', wordsVerified: false });
  expect(task.authorization.script).toContain('I Li Hua am aware');
  await exported.scrollIntoViewIfNeeded();
  await shot(page, 'voice-export-auth-en');
  await setLanguage(page, 'zh-CN');
  await shot(page, 'voice-export-auth-zh-CN');
});

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
import { expect, test } from '@playwright/test';
import { BASE_CHROMIUM_ARGS, chromiumPath, fakeMediaArgs, mediaDir } from './env';
import { fixture } from './global-setup';
import { createShoot, openStudio, setLanguage, shot, takeDir } from './helpers';

const JFK = path.join(mediaDir, 'audio/jfk.wav');

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
  // The review: the take's waveform from main's peaks, with speech, pause and problem regions.
  await expect(report.getByTestId('voice-waveform')).not.toHaveAttribute('data-peaks', '0', { timeout: 60_000 });
  await report.scrollIntoViewIfNeeded();
  await shot(page, 'voice-report-en');
  await setLanguage(page, 'zh-CN');
  await expect(report).toContainText('有效语音');
  await shot(page, 'voice-report-zh-CN');

  // The delivery folder: the segment byte for byte, merged.wav, voice_task.json, the QC report.
  await setLanguage(page, 'en');
  await page.getByTestId('voice-export').click();
  const exported = page.getByTestId('voice-exported');
  await expect(exported).toBeVisible({ timeout: 90_000 });
  const exportDir = (await exported.getAttribute('data-dir'))!;
  expect(readdirSync(exportDir).sort()).toEqual(['merged.wav', 'qc-report.json', 'segment-01.wav', 'voice_task.json']);

  const takeId = (await report.getAttribute('data-take-id'))!;
  const wav = path.join(await takeDir(shoot, takeId), 'take.wav');
  const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', wav], { encoding: 'utf8' })) as { streams: { codec_name: string; sample_rate: string }[] };
  expect(probe.streams[0]!.codec_name).toMatch(/^pcm_f32le$/);
  expect(Number(probe.streams[0]!.sample_rate)).toBe(rate);
  expect(createHash('sha256').update(readFileSync(path.join(exportDir, 'segment-01.wav'))).digest('hex')).toBe(createHash('sha256').update(readFileSync(wav)).digest('hex'));
  const m = bestMatch(wav, rate);
  expect(m.ncc).toBeGreaterThanOrEqual(0.99);
});

test('the authorization script is filled with the names in each language, recorded and checked', async ({ page }) => {
  await openStudio(page, 'en');
  await createShoot(page, `Auth ${Date.now()}`);
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
  await shot(page, 'voice-auth-en');
  // Recorded and checked as the authorization (§8.6): one speaker, level, length — and the plain
  // statement that the words are not verified offline.
  await page.getByTestId('voice-record').click();
  await expect(page.getByTestId('voice-recording')).toBeVisible();
  await page.waitForTimeout(8000);
  await page.getByTestId('voice-stop').click();
  const report = page.getByTestId('voice-report').first();
  await expect(report).not.toHaveAttribute('data-verdict', '', { timeout: 90_000 });
  await expect(report.locator('[data-rule="voice.auth-words-unverified"]')).toHaveCount(1);
  await expect(report.locator('[data-rule="voice.second-speaker"]')).toHaveCount(0);
  expect(Number(await report.getAttribute('data-speech-s'))).toBeGreaterThan(2);
  await report.scrollIntoViewIfNeeded();
  await shot(page, 'voice-auth-report-en');
  await setLanguage(page, 'zh-CN');
  await expect(report.locator('[data-rule="voice.auth-words-unverified"]')).toContainText('无法离线核对');
  await shot(page, 'voice-auth-zh-CN');
});

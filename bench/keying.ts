import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { BASE_CHROMIUM_ARGS, chromiumPath } from '../e2e/env';
import { locateFfmpeg } from '../src/main/services/ffmpeg';
import { decodeFrame } from '../src/main/services/keying/frames';
import { defaultGreenParams } from '../src/shared/green-params';
import { analyseBackdrop } from '../src/shared/keying/analysis';
import { keyFrame } from '../src/shared/keying/cpu-keyer';
import { ffmpeg, mediaDir, percentile, repoRoot, tempDir, type BenchEntry } from './lib';

const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software/i;

/**
 * Keying (issue #6): the CPU reference in ms per frame at 540×960 and 1080×1920 (matte and
 * composite), the backdrop analysis, and the WebGL2 preview at 1080×1920 in headless Chromium with
 * the video frame upload included. Chromium renders WebGL in software here (SwiftShader): the GPU
 * numbers say so in their note; the target on a real GPU is every frame at 25 fps.
 */
export async function benchKeying(): Promise<BenchEntry[]> {
  const ff = await locateFfmpeg();
  const dir = tempDir('keying');
  const d0 = path.join(mediaDir, 'driving-d0.mp4');
  const params = defaultGreenParams();
  const entries: BenchEntry[] = [];

  // CPU reference on real green-screen frames at the two sizes.
  for (const [w, h] of [[540, 960], [1080, 1920]] as const) {
    const png = path.join(dir, `d0-${w}x${h}.png`);
    ffmpeg(['-ss', '1', '-i', d0, '-frames:v', '1', '-vf', `crop=288:512:112:0,scale=${w}:${h}:flags=bicubic`, png]);
    const frame = await decodeFrame(ff, png);
    const rounds = w > 600 ? 12 : 25;
    const keyMs: number[] = [];
    const analyseMs: number[] = [];
    for (let i = 0; i < rounds + 3; i++) {
      let t = performance.now();
      keyFrame(frame, params, { composite: true });
      const k = performance.now() - t;
      t = performance.now();
      analyseBackdrop(frame, params);
      const a = performance.now() - t;
      if (i >= 3) {
        keyMs.push(k);
        analyseMs.push(a);
      }
    }
    entries.push({ name: `cpu.key.${w}x${h}.p50`, value: percentile(keyMs, 50), unit: 'ms/frame', note: `matte + composite, ${rounds} frames, 1 thread` });
    entries.push({ name: `cpu.analyse.${w}x${h}.p50`, value: percentile(analyseMs, 50), unit: 'ms/frame', note: 'backdrop findings (§1.2.4)' });
  }

  // WebGL2 in Chromium: the preview's own GlKeyer, bundled for the page.
  const video = path.join(dir, 'd0-1080x1920.mp4');
  ffmpeg([
    '-stream_loop', '1', '-i', d0, '-t', '5',
    '-vf', 'crop=288:512:112:0,scale=1080:1920:flags=bicubic,fps=25',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '20', '-pix_fmt', 'yuv420p', '-an', video,
  ]);
  const bundle = await build({
    stdin: {
      contents: `import { GlKeyer } from './src/renderer/src/features/keying/gl-keyer'; (globalThis as any).GlKeyer = GlKeyer;`,
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: BASE_CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent('<canvas id="c"></canvas><video id="v" muted playsinline></video>');
    // tsx keeps function names with a __name() helper, which also lands in page.evaluate's source.
    await page.addScriptTag({ content: 'var __name = (f) => f;' });
    await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
    const r = await page.evaluate(
      async ({ b64, params: p }) => {
        type Keyer = { renderer: string; setParams(p: unknown): void; render(s: TexImageSource, w: number, h: number, v: string): unknown; finish(): void };
        const G = (globalThis as unknown as { GlKeyer: { create(c: HTMLCanvasElement): Keyer | null } }).GlKeyer;
        const keyer = G.create(document.getElementById('c') as HTMLCanvasElement);
        if (!keyer) return { error: 'no WebGL2' };
        keyer.setParams(p);
        const v = document.getElementById('v') as HTMLVideoElement;
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        v.src = URL.createObjectURL(new Blob([bytes], { type: 'video/mp4' }));
        await new Promise((ok) => v.addEventListener('loadeddata', ok, { once: true }));
        const seek = (t: number) => new Promise((ok) => { v.addEventListener('seeked', ok, { once: true }); v.currentTime = t; });
        // (a) One frame: upload the video frame, key, smooth, composite, and wait for the GPU.
        const ms: number[] = [];
        for (let i = 0; i < 23; i++) {
          await seek((i % 100) / 25 + 0.02);
          const t0 = performance.now();
          keyer.render(v, v.videoWidth, v.videoHeight, 'keyed');
          keyer.finish();
          if (i >= 3) ms.push(performance.now() - t0);
        }
        // (b) Playing at 25 fps: how many frames get keyed per second.
        let rendered = 0;
        const started = performance.now();
        await v.play();
        await new Promise<void>((done) => {
          const tick = () => {
            keyer.render(v, v.videoWidth, v.videoHeight, 'keyed');
            rendered++;
            if (performance.now() - started > 4000) return done();
            v.requestVideoFrameCallback(tick);
          };
          v.requestVideoFrameCallback(tick);
        });
        v.pause();
        return { renderer: keyer.renderer, ms, playbackFps: (rendered * 1000) / (performance.now() - started), width: v.videoWidth, height: v.videoHeight };
      },
      { b64: readFileSync(video).toString('base64'), params },
    );
    if ('error' in r) {
      entries.push({ name: 'gpu.error', value: NaN, unit: '', note: r.error });
    } else {
      const software = SOFTWARE_GL.test(r.renderer) ? 'software WebGL (SwiftShader), not a GPU' : r.renderer;
      const p50 = percentile(r.ms, 50);
      entries.push({ name: 'gpu.frame.1080x1920.p50', value: p50, unit: 'ms/frame', note: `upload + key + smooth + composite + finish; ${software}` });
      entries.push({ name: 'gpu.fps.1080x1920', value: 1000 / p50, unit: 'frames/s', note: `from p50; ${software}; target on a real GPU: 25` });
      entries.push({ name: 'gpu.playback.1080x1920', value: r.playbackFps, unit: 'frames/s', note: `keyed while the video plays at 25 fps; ${software}` });
    }
  } finally {
    await browser.close();
  }
  return entries;
}

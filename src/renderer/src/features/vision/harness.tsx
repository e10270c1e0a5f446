/**
 * The vision harness (vision-harness.html): the same vision worker, analysis and panels as the
 * live monitor, run on still images or frame sequences fetched by URL. The e2e tests and the
 * benchmark drive it through window.visionHarness; it needs no studio token (it only fetches the
 * model route and the images it is given).
 */
import { StrictMode, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import i18next from '../../i18n';
import '../../styles.css';
import { VisionRules, type MonitorPhase, type MonitorState } from '../../../../shared/vision/analysis';
import { analysisSize, VisionClient, type VisionResult } from './vision-client';
import { OverlayCanvas, VisionHud, VisionRulesPanel } from './VisionPanels';
import { useVision } from './vision-store';
import './vision.css';

export interface HarnessFrame {
  url: string;
  /** The analysed size (after scaling to maxSide). */
  width: number;
  height: number;
  detectMs: number;
  totalMs: number;
  result: VisionResult['frame'];
  monitor: MonitorState;
  raw?: VisionResult['raw'];
}

export interface HarnessOptions {
  /** Long side of the analysed frame; default VISION_ANALYSIS.maxSide. */
  maxSide?: number;
  raw?: boolean;
  phase?: MonitorPhase;
  /** Seconds between frames for the rules' clock (VIDEO sequences); default 1/25. */
  frameSeconds?: number;
  /** Show the last frame with its overlay (screenshots). */
  show?: boolean;
}

let client: VisionClient | null = null;
let mode: 'VIDEO' | 'IMAGE' = 'IMAGE';
let rules = new VisionRules();
let clock = 0;
let timestamp = 0;
const imgRef: { current: HTMLImageElement | null } = { current: null };

/** Split concatenated PNG files (ffmpeg -f image2pipe -c:v png) into one blob each, by their chunks. */
export function splitPngs(bytes: Uint8Array<ArrayBuffer>): Blob[] {
  const out: Blob[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at + 8 <= bytes.length) {
    const start = at;
    at += 8; // signature
    for (;;) {
      if (at + 8 > bytes.length) return out;
      const len = view.getUint32(at);
      const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
      at += 12 + len;
      if (type === 'IEND') break;
    }
    out.push(new Blob([bytes.subarray(start, at)], { type: 'image/png' }));
  }
  return out;
}

async function scaledBitmap(blob: Blob, maxSide?: number): Promise<ImageBitmap> {
  const full = await createImageBitmap(blob);
  const size = analysisSize(full.width, full.height, maxSide);
  if (size.width === full.width && size.height === full.height) return full;
  const scaled = await createImageBitmap(full, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' });
  full.close();
  return scaled;
}

const harness = {
  async init(runningMode: 'VIDEO' | 'IMAGE' = 'IMAGE'): Promise<void> {
    await client?.close();
    client = await VisionClient.create({ runningMode });
    mode = runningMode;
    rules = new VisionRules();
    clock = 0;
    timestamp = 0;
    useVision.getState().set({ status: 'running' });
  },
  /** Analyse images by URL, in order. */
  async analyse(urls: string[], opts: HarnessOptions = {}): Promise<HarnessFrame[]> {
    const out: HarnessFrame[] = [];
    for (const url of urls) out.push(...(await harness.analyseBlobs([await (await fetch(url)).blob()], url, opts)));
    return out;
  },
  /** Analyse every frame of one file of concatenated PNGs (one request for a whole sequence). */
  async analyseStream(url: string, opts: HarnessOptions & { every?: number } = {}): Promise<HarnessFrame[]> {
    const frames = splitPngs(new Uint8Array(await (await fetch(url)).arrayBuffer()));
    return harness.analyseBlobs(
      frames.filter((_, i) => i % (opts.every ?? 1) === 0),
      url,
      opts,
    );
  },
  /**
   * Analyse the files chosen in the harness's file input (Playwright's setInputFiles hands local
   * files over without copying them through the test runner): each file one image, or with
   * `stream: true` each file a concatenated-PNG sequence.
   */
  async analyseFiles(opts: HarnessOptions & { every?: number; stream?: boolean } = {}): Promise<HarnessFrame[]> {
    const input = document.querySelector<HTMLInputElement>('[data-testid="harness-files"]');
    const files = [...(input?.files ?? [])];
    const out: HarnessFrame[] = [];
    for (const file of files) {
      const blobs = opts.stream ? splitPngs(new Uint8Array(await file.arrayBuffer())).filter((_, i) => i % (opts.every ?? 1) === 0) : [file];
      out.push(...(await harness.analyseBlobs(blobs, file.name, opts)));
    }
    return out;
  },
  async analyseBlobs(blobs: Blob[], label: string, opts: HarnessOptions = {}): Promise<HarnessFrame[]> {
    if (!client) throw new Error('call init() first');
    const out: HarnessFrame[] = [];
    for (const [i, blob] of blobs.entries()) {
      const url = blobs.length > 1 ? `${label}#${i}` : label;
      const bmp = await scaledBitmap(blob, opts.maxSide);
      const size = { width: bmp.width, height: bmp.height };
      timestamp += 40;
      const res = await client.analyse(bmp, timestamp, opts.raw ?? false);
      clock += opts.frameSeconds ?? 0.04;
      // Unrelated stills (IMAGE mode) share no history: each is judged on its own.
      if (mode === 'IMAGE') rules.reset();
      const monitor = rules.step({ t: clock, frame: res.frame, phase: opts.phase ?? 'idle', speech: null });
      out.push({ url, ...size, detectMs: res.detectMs, totalMs: res.totalMs, result: res.frame, monitor, ...(res.raw ? { raw: res.raw } : {}) });
      if (opts.show) {
        const img = imgRef.current;
        if (img) {
          if (img.src.startsWith('blob:')) URL.revokeObjectURL(img.src);
          img.src = URL.createObjectURL(blob);
          await img.decode().catch(() => {});
        }
        useVision.getState().set({ frame: res.frame, monitor });
      }
    }
    return out;
  },
  async setLanguage(lang: 'en' | 'zh-CN'): Promise<void> {
    await i18next.changeLanguage(lang);
    document.documentElement.lang = lang;
  },
  /** Stop the worker; returns the outside URLs it refused to fetch (MediaPipe's telemetry). */
  async close(): Promise<string[]> {
    const refused = (await client?.close()) ?? [];
    client = null;
    return refused;
  },
};

declare global {
  interface Window {
    visionHarness: typeof harness;
  }
}
window.visionHarness = harness;

function Harness() {
  const img = useRef<HTMLImageElement>(null);
  imgRef.current = img.current;
  return (
    <div className="preview harness" data-testid="vision-harness" style={{ height: '100vh' }}>
      <img
        ref={(el) => {
          img.current = el;
          imgRef.current = el;
        }}
        alt=""
        style={{ width: '100%', height: '100%', objectFit: 'contain' }}
      />
      <input type="file" multiple data-testid="harness-files" style={{ position: 'absolute', left: -9999 }} />
      <OverlayCanvas media={img} />
      <VisionHud />
      <VisionRulesPanel />
    </div>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Harness />
    </StrictMode>,
  );
}

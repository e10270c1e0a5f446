/**
 * The MediaPipe face landmarker model (face_landmarker.task): where it comes from, in order,
 *   1. CAPTURE_STUDIO_FACE_MODEL (a path; tests and CI point it at ../shared/models),
 *   2. the user's model cache, <studio home>/models/face_landmarker.task,
 *   3. a download from the official URL into the cache, checked against its sha256.
 * Offline with no model anywhere, the error names the file to place and where. Plain Node.
 */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../shared/errors';
import { FACE_MODEL_ROUTE, type FaceModelInfo } from '../../shared/contract/vision';

export const FACE_MODEL_FILE = 'face_landmarker.task';
export const FACE_MODEL_URL = 'https://storage.googleapis.com/mediapipe-models/face_landmarker/face_landmarker/float16/1/face_landmarker.task';
export const FACE_MODEL_SHA256 = '64184e229b263107bc2b804c6625db1341ff2bb731874b0bcc2fe6544e0bc9ff';
export const FACE_MODEL_ENV = 'CAPTURE_STUDIO_FACE_MODEL';
/** A model bundle is ~3.7 MB; refuse anything absurd before it fills a disk. */
const MAX_MODEL_BYTES = 64 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 120_000;

export interface ModelProgress {
  received: number;
  total: number | null;
}

export interface FaceModelOptions {
  env: NodeJS.ProcessEnv;
  /** The studio home (CAPTURE_STUDIO_HOME); the cache is <root>/models. */
  homeRoot: string;
  url?: string;
  sha256?: string;
  fetch?: typeof fetch;
}

export interface ResolvedFaceModel extends FaceModelInfo {
  path: string;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function regularFile(file: string): Promise<number | null> {
  try {
    const st = await fs.stat(file);
    return st.isFile() ? st.size : null;
  } catch {
    return null;
  }
}

export class FaceModel {
  private readonly url: string;
  private readonly sha256: string;
  private readonly fetchImpl: typeof fetch;
  private resolved: ResolvedFaceModel | null = null;
  private download: Promise<ResolvedFaceModel> | null = null;
  private readonly listeners = new Set<(p: ModelProgress) => void>();
  private lastProgress: ModelProgress | null = null;

  constructor(private readonly opts: FaceModelOptions) {
    this.url = opts.url ?? FACE_MODEL_URL;
    this.sha256 = opts.sha256 ?? FACE_MODEL_SHA256;
    this.fetchImpl = opts.fetch ?? fetch;
  }

  get cacheFile(): string {
    return path.join(this.opts.homeRoot, 'models', FACE_MODEL_FILE);
  }

  /** The model if it is on this computer (variable or cache), without any network; else null. */
  async local(): Promise<ResolvedFaceModel | null> {
    if (this.resolved && (await regularFile(this.resolved.path)) === this.resolved.bytes) return this.resolved;
    this.resolved = null;
    const fromEnv = this.opts.env[FACE_MODEL_ENV];
    if (fromEnv) {
      const file = path.resolve(fromEnv);
      const bytes = await regularFile(file);
      if (bytes === null) {
        throw new StudioError('not-found', `${FACE_MODEL_ENV} is set to ${file}, which is not a file`, {
          hint: `Point ${FACE_MODEL_ENV} at face_landmarker.task, or unset it to use the model cache (${this.cacheFile})`,
        });
      }
      // A deliberate override may be another build of the model: reported, not refused.
      this.resolved = { source: 'env', path: file, bytes, sha256: await sha256File(file), url: FACE_MODEL_ROUTE };
      return this.resolved;
    }
    const bytes = await regularFile(this.cacheFile);
    if (bytes !== null) {
      const sum = await sha256File(this.cacheFile);
      if (sum === this.sha256) {
        this.resolved = { source: 'cache', path: this.cacheFile, bytes, sha256: sum, url: FACE_MODEL_ROUTE };
        return this.resolved;
      }
      // A damaged or truncated cache file is replaced by the next download.
    }
    return null;
  }

  /** The model, downloading it once into the cache if needed (concurrent callers share it). */
  async ensure(onProgress?: (p: ModelProgress) => void): Promise<ResolvedFaceModel> {
    const here = await this.local();
    if (here) return here;
    // Every caller hears the download's progress, whichever of them started it (two windows
    // opening the studio at once both show the bar).
    if (onProgress) {
      this.listeners.add(onProgress);
      if (this.lastProgress) onProgress(this.lastProgress);
    }
    this.download ??= this.fetchToCache((p) => {
      this.lastProgress = p;
      for (const listener of this.listeners) listener(p);
    }).finally(() => {
      this.download = null;
      this.listeners.clear();
      this.lastProgress = null;
    });
    return this.download;
  }

  private offline(cause: string): StudioError {
    return new StudioError('not-found', `The face model is not on this computer and could not be downloaded (${cause})`, {
      hint:
        `Without internet: download ${this.url} on another computer and copy it to ${this.cacheFile} ` +
        `(sha256 ${this.sha256}), or set ${FACE_MODEL_ENV} to the file's path, then reopen the studio.`,
    });
  }

  private async fetchToCache(onProgress?: (p: ModelProgress) => void): Promise<ResolvedFaceModel> {
    let res: Response;
    try {
      res = await this.fetchImpl(this.url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } })?.cause?.code ?? (err as Error)?.name ?? 'network error';
      throw this.offline(String(cause));
    }
    if (!res.ok || !res.body) throw this.offline(`HTTP ${res.status}`);
    const header = Number(res.headers.get('content-length'));
    const total = Number.isFinite(header) && header > 0 ? header : null;
    if (total !== null && total > MAX_MODEL_BYTES) throw this.offline(`the server offers ${total} bytes, not a model`);

    await fs.mkdir(path.dirname(this.cacheFile), { recursive: true });
    const partial = `${this.cacheFile}.partial-${process.pid}-${Date.now()}`;
    const hash = createHash('sha256');
    const handle = await fs.open(partial, 'w');
    let received = 0;
    let lastReport = 0;
    try {
      const reader = res.body.getReader();
      onProgress?.({ received: 0, total });
      for (;;) {
        let chunk: Awaited<ReturnType<typeof reader.read>>;
        try {
          chunk = await reader.read();
        } catch (err) {
          throw this.offline(`the download broke off: ${(err as Error).message}`);
        }
        if (chunk.done) break;
        received += chunk.value.byteLength;
        if (received > MAX_MODEL_BYTES) throw this.offline('the download is far larger than the model');
        hash.update(chunk.value);
        await handle.write(chunk.value);
        if (received - lastReport >= 256 * 1024) {
          lastReport = received;
          onProgress?.({ received, total });
        }
      }
      await handle.sync();
    } catch (err) {
      await handle.close().catch(() => {});
      await fs.rm(partial, { force: true });
      throw err;
    }
    await handle.close();
    const sum = hash.digest('hex');
    if (sum !== this.sha256) {
      await fs.rm(partial, { force: true });
      throw new StudioError('io', `The downloaded face model is damaged (sha256 ${sum.slice(0, 12)}…, expected ${this.sha256.slice(0, 12)}…)`, {
        hint: 'Try again; if it keeps failing, a proxy may be altering the download: place the file by hand (see the README)',
      });
    }
    await fs.rename(partial, this.cacheFile);
    onProgress?.({ received, total: total ?? received });
    this.resolved = { source: 'download', path: this.cacheFile, bytes: received, sha256: sum, url: FACE_MODEL_ROUTE };
    return this.resolved;
  }
}

const perContext = new WeakMap<object, FaceModel>();

/** One FaceModel per studio (so the handlers and the model route share its cache and download). */
export function faceModelFor(owner: object, opts: FaceModelOptions): FaceModel {
  let m = perContext.get(owner);
  if (!m) {
    m = new FaceModel(opts);
    perContext.set(owner, m);
  }
  return m;
}

/**
 * The conversion queue of one studio: jobs run one at a time in the order queued; each reports
 * progress, ETA and speed through `convert.job-changed`, can be cancelled (ffmpeg is stopped and
 * the partial file removed), and on failure keeps the reason in plain words.
 */
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ConvertJob, IngestItem } from '../../../shared/contract/convert';
import { StudioError, toErrorShape } from '../../../shared/errors';
import type { ConvertOptions } from '../../../shared/ingest/options';
import type { ProbeResult } from '../../../shared/probe';
import type { FfmpegInfo } from '../ffmpeg';
import { convertFile, type ConvertProgress } from './convert';
import { checkHostPath, errorItem, inspectFile, resolveImport } from './ingest';
import { mergeFiles } from './merge';
import { checkWritableFolder, freeOutputName } from './output-path';

export interface ConvertQueueDeps {
  ffmpeg: () => Promise<FfmpegInfo>;
  cacheDir: string;
  emit: (job: ConvertJob) => void;
  log?: (line: string) => void;
}

interface Entry {
  job: ConvertJob;
  controller: AbortController;
  facts: (ProbeResult | undefined)[];
  done?: Promise<void>;
}

/** Progress events at most this often per job; status changes always go out at once. */
const PROGRESS_EVENT_MS = 250;
/** Finished jobs kept for the list (oldest dropped first). */
const MAX_FINISHED = 200;

export class ConvertQueue {
  private readonly entries = new Map<string, Entry>();
  /** Facts of files inspected in this session, reused when the file has not changed since. */
  private readonly inspected = new Map<string, { facts: ProbeResult; size: number; mtimeMs: number }>();
  private running: Entry | null = null;

  constructor(private readonly deps: ConvertQueueDeps) {}

  async inspect(paths: readonly string[]): Promise<IngestItem[]> {
    const ff = await this.deps.ffmpeg();
    const items: IngestItem[] = [];
    const taken = new Set<string>();
    for (const r of await resolveImport(paths)) {
      if ('error' in r) {
        items.push(errorItem(r.path, r.error));
        continue;
      }
      const { item, facts } = await inspectFile(ff, r.file);
      if (facts) {
        const s = await stat(r.file);
        this.inspected.set(r.file, { facts, size: s.size, mtimeMs: s.mtimeMs });
        if (facts.video) {
          item.suggestedOutput = await freeOutputName(r.file, undefined, new Set([...taken, ...this.reservedOutputs()]));
          taken.add(item.suggestedOutput);
        }
      }
      items.push(item);
    }
    return items;
  }

  async enqueue(files: readonly string[], options: ConvertOptions, outputDir?: string): Promise<ConvertJob[]> {
    const inputs = await Promise.all(files.map((f) => this.checkInput(f)));
    const dir = outputDir === undefined ? undefined : await this.checkDir(outputDir);
    const jobs: ConvertJob[] = [];
    for (const input of inputs) {
      await checkWritableFolder(dir ?? path.dirname(input));
      const output = await freeOutputName(input, dir, this.reservedOutputs());
      jobs.push(this.add('convert', [input], output, options));
    }
    this.pump();
    return jobs;
  }

  async merge(files: readonly string[], options: ConvertOptions, outputName?: string, outputDir?: string): Promise<ConvertJob> {
    const inputs = await Promise.all(files.map((f) => this.checkInput(f)));
    const first = inputs[0];
    if (!first || inputs.length < 2) throw new StudioError('bad-argument', 'merging needs at least two files');
    const dir = outputDir === undefined ? path.dirname(first) : await this.checkDir(outputDir);
    await checkWritableFolder(dir);
    let output: string;
    if (outputName) {
      output = path.join(dir, outputName);
      if (this.reservedOutputs().has(output) || (await stat(output).catch(() => null))) {
        throw new StudioError('bad-argument', `${output}: already exists or is being written; it is never overwritten`, { hint: 'Choose another name.' });
      }
    } else {
      output = await freeOutputName(path.join(dir, `${path.basename(first, path.extname(first))}-merged.mp4`), dir, this.reservedOutputs(), '');
    }
    const job = this.add('merge', inputs, output, options);
    this.pump();
    return job;
  }

  list(): ConvertJob[] {
    return [...this.entries.values()].map((e) => e.job);
  }

  async cancel(jobId: string): Promise<ConvertJob> {
    const entry = this.entries.get(jobId);
    if (!entry) throw new StudioError('not-found', `no conversion job ${jobId}`);
    if (entry.job.status === 'queued') {
      this.update(entry, { status: 'cancelled', finishedAt: new Date().toISOString(), progress: null, etaSeconds: null });
    } else if (entry.job.status === 'running') {
      entry.controller.abort();
      await entry.done;
    }
    return entry.job;
  }

  clear(): ConvertJob[] {
    for (const [id, e] of this.entries) if (e.job.status !== 'queued' && e.job.status !== 'running') this.entries.delete(id);
    return this.list();
  }

  /** Resolves when nothing is queued or running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running.done;
  }

  /** Stop everything: queued jobs are cancelled, the running one is stopped. */
  async shutdown(): Promise<void> {
    for (const e of this.entries.values()) if (e.job.status === 'queued') this.update(e, { status: 'cancelled', finishedAt: new Date().toISOString() });
    if (this.running) await this.cancel(this.running.job.id);
  }

  private add(kind: ConvertJob['kind'], inputs: string[], output: string, options: ConvertOptions): ConvertJob {
    const job: ConvertJob = {
      id: `job-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`,
      kind,
      inputs,
      output,
      options,
      status: 'queued',
      progress: null,
      etaSeconds: null,
      speed: null,
      durationSec: null,
      createdAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      error: null,
      result: null,
    };
    const entry: Entry = { job, controller: new AbortController(), facts: inputs.map((i) => this.inspected.get(i)?.facts) };
    this.entries.set(job.id, entry);
    this.trim();
    this.deps.emit(job);
    return job;
  }

  private reservedOutputs(): Set<string> {
    return new Set(this.list().filter((j) => j.status === 'queued' || j.status === 'running').map((j) => j.output));
  }

  private async checkInput(p: string): Promise<string> {
    const file = checkHostPath(p);
    const s = await stat(file).catch(() => null);
    if (!s) throw new StudioError('not-found', `${file}: no such file`);
    if (!s.isFile()) throw new StudioError('bad-argument', `${file}: not a regular file`);
    return file;
  }

  private async checkDir(p: string): Promise<string> {
    const dir = checkHostPath(p);
    const s = await stat(dir).catch(() => null);
    if (!s?.isDirectory()) throw new StudioError('not-found', `${dir}: no such folder`);
    return dir;
  }

  private pump(): void {
    if (this.running) return;
    const next = [...this.entries.values()].find((e) => e.job.status === 'queued');
    if (!next) return;
    this.running = next;
    next.done = this.run(next).finally(() => {
      this.running = null;
      this.pump();
    });
  }

  private async run(entry: Entry): Promise<void> {
    const { job } = entry;
    this.update(entry, { status: 'running', startedAt: new Date().toISOString(), progress: 0 });
    let lastEmit = 0;
    const onProgress = (p: ConvertProgress) => {
      const now = Date.now();
      Object.assign(job, { progress: p.progress, etaSeconds: p.etaSeconds, speed: p.speed });
      if (now - lastEmit >= PROGRESS_EVENT_MS) {
        lastEmit = now;
        this.deps.emit({ ...job });
      }
    };
    try {
      const ff = await this.deps.ffmpeg();
      const facts = await Promise.all(entry.facts.map((f, i) => this.freshFacts(job.inputs[i] ?? '', f)));
      const durationSec = facts.every((f) => f) ? facts.reduce((s, f) => s + (f?.durationSec ?? 0), 0) : null;
      this.update(entry, { durationSec });
      const common = { ff, output: job.output, options: job.options, cacheDir: this.deps.cacheDir, signal: entry.controller.signal, onProgress };
      const result =
        job.kind === 'convert'
          ? await convertFile({ ...common, input: job.inputs[0] ?? '', facts: facts[0] })
          : await mergeFiles({ ...common, inputs: job.inputs, facts: facts.every((f) => f) ? (facts as ProbeResult[]) : undefined });
      this.update(entry, { status: 'done', progress: 1, etaSeconds: 0, speed: result.speed, result, finishedAt: new Date().toISOString() });
    } catch (err) {
      const error = toErrorShape(err);
      const status = error.code === 'cancelled' ? 'cancelled' : 'failed';
      if (status === 'failed') this.deps.log?.(`convert ${job.id} failed: ${error.message}`);
      this.update(entry, { status, error: status === 'failed' ? error : null, etaSeconds: null, finishedAt: new Date().toISOString() });
    }
  }

  /** The facts from inspect, if the file is unchanged since (same size and time); else undefined. */
  private async freshFacts(file: string, known: ProbeResult | undefined): Promise<ProbeResult | undefined> {
    const rec = this.inspected.get(file);
    if (!known || !rec) return undefined;
    const s = await stat(file).catch(() => null);
    return s && s.size === rec.size && s.mtimeMs === rec.mtimeMs ? rec.facts : undefined;
  }

  private update(entry: Entry, patch: Partial<ConvertJob>): void {
    Object.assign(entry.job, patch);
    this.deps.emit({ ...entry.job });
  }

  private trim(): void {
    const finished = [...this.entries.values()].filter((e) => e.job.status !== 'queued' && e.job.status !== 'running');
    for (const e of finished.slice(0, Math.max(0, finished.length - MAX_FINISHED))) this.entries.delete(e.job.id);
  }
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BenchEntry {
  /** e.g. "probe" or "finalize.ratio" */
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export const repoRoot = path.resolve(import.meta.dirname, '..');
export const mediaDir = process.env.CAPTURE_STUDIO_MEDIA ?? path.resolve(repoRoot, '../shared/media');

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `cs-bench-${prefix}-`));
}

export function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: 'inherit' });
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

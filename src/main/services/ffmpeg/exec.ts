import { spawn } from 'node:child_process';

export interface ToolOutput {
  /** null when the process was killed by a signal (e.g. the timeout). */
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run a short-lived tool (ffprobe, `ffmpeg -version`) to completion and collect its output.
 * Always an argument array, never a shell, so file names are passed through untouched.
 * Rejects only when the process cannot be started (ENOENT, EACCES, ENOEXEC…).
 */
export function execTool(file: string, args: readonly string[], timeoutMs = 60_000): Promise<ToolOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, timeout: timeoutMs });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.once('error', reject);
    child.once('close', (code) => {
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

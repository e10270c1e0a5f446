import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time and RSS of this process and every process under it (ffmpeg, the headless Chromium),
 * from /proc: the load-independent side of the checker's benchmark. On a shared machine the wall
 * clock swings with the other sessions; the CPU a frame costs does not (much).
 */

const TICK_MS = 10; // USER_HZ is 100 on Linux

interface Proc {
  pid: number;
  ppid: number;
  comm: string;
  /** After the command name: state is f[0], ppid f[1], utime f[11], stime f[12], cutime f[13], cstime f[14], rss f[21]. */
  f: string[];
}

function stat(file: string): { comm: string; f: string[] } | null {
  try {
    const s = readFileSync(file, 'utf8');
    return { comm: s.slice(s.indexOf('(') + 1, s.lastIndexOf(')')), f: s.slice(s.lastIndexOf(')') + 2).split(' ') };
  } catch {
    return null; // gone
  }
}

/** This process and its descendants. */
function tree(): Proc[] {
  const all: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(`/proc/${name}/stat`);
    if (s) all.push({ pid: Number(name), ppid: Number(s.f[1]), comm: s.comm, f: s.f });
  }
  const parent = new Map(all.map((p) => [p.pid, p.ppid]));
  return all.filter((p) => {
    for (let q: number | undefined = p.pid; q && q > 1; q = parent.get(q)) if (q === process.pid) return true;
    return false;
  });
}

/** User + system CPU time of the tree incl. children already reaped (ms). */
export function treeCpuMs(): number {
  return tree().reduce((sum, p) => sum + (Number(p.f[11]) + Number(p.f[12]) + Number(p.f[13]) + Number(p.f[14])) * TICK_MS, 0);
}

export function treeRss(): number {
  return tree().reduce((sum, p) => sum + Number(p.f[21]) * 4096, 0);
}

/**
 * Where the CPU goes, by thread: every thread of the tree is read every `everyMs`, its last seen
 * user+system time kept (a thread that ends keeps what it had at the last sample, so short-lived
 * ones lose at most one interval). Grouped into the parts of the check: ffmpeg, the studio's main
 * thread (node), Chromium's page, its vision workers, the rest of Chromium.
 */
export class ThreadCpu {
  private readonly start = new Map<string, number>();
  private readonly last = new Map<string, { group: string; ms: number }>();
  private readonly timer: NodeJS.Timeout;

  constructor(everyMs = 250) {
    for (const [key, t] of this.read()) this.start.set(key, t.ms);
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  private read(): Map<string, { group: string; ms: number }> {
    const out = new Map<string, { group: string; ms: number }>();
    for (const p of tree()) {
      let tids: string[] = [];
      try {
        tids = readdirSync(`/proc/${p.pid}/task`);
      } catch {
        continue;
      }
      const cmdline = (() => {
        try {
          return readFileSync(`/proc/${p.pid}/cmdline`, 'utf8');
        } catch {
          return '';
        }
      })();
      for (const tid of tids) {
        const s = stat(`/proc/${p.pid}/task/${tid}/stat`);
        if (!s) continue;
        const ms = (Number(s.f[11]) + Number(s.f[12])) * TICK_MS;
        out.set(`${p.pid}/${tid}`, { group: groupOf(p, cmdline, s.comm, Number(tid)), ms });
      }
    }
    return out;
  }

  private sample(): void {
    for (const [key, t] of this.read()) this.last.set(key, t);
  }

  /** CPU ms spent since construction, by group. */
  stop(): Record<string, number> {
    this.sample();
    clearInterval(this.timer);
    const by: Record<string, number> = {};
    for (const [key, t] of this.last) by[t.group] = (by[t.group] ?? 0) + t.ms - (this.start.get(key) ?? 0);
    return by;
  }
}

function groupOf(p: Proc, cmdline: string, thread: string, tid: number): string {
  if (p.comm === 'ffmpeg' || p.comm === 'ffprobe') return 'ffmpeg';
  if (p.pid === process.pid) return tid === process.pid ? 'studio-main' : 'studio-other';
  if (/chrom/i.test(p.comm) || /chrom/i.test(cmdline)) {
    if (!cmdline.includes('--type=renderer')) return cmdline.includes('--type=') ? 'chromium-helpers' : 'chromium-browser';
    if (/DedicatedWorker/i.test(thread)) return 'page-workers';
    // The renderer's main thread keeps the process's name; its thread pool runs GC and IPC work.
    if (tid === p.pid || thread === 'CrRendererMain') return 'page-main';
    if (/ThreadPool/.test(thread)) return 'page-threadpool';
    return 'page-other';
  }
  return `other:${p.comm}`;
}

import type { EventPayload, Take } from '../../../shared/api';
import type { AutoCheckState } from '../../../shared/contract/shoot-loop';
import type { StudioContext } from '../../context';

interface Entry {
  shootId: string;
  takeId: string;
  preset: Take['preset'];
  state: AutoCheckState;
  fraction: number | null;
  jobId: string | null;
}

const key = (shootId: string, takeId: string) => `${shootId}/${takeId}`;

/** How often the queue looks whether the checker is free and no take is recording. */
const POLL_MS = 1000;

/**
 * Checks every take once its delivery file is made (issue #13 item 5; settings autoCheck, default
 * on), through the app's one CheckJobs queue, so the verdict waits on the take card. Video takes
 * are queued from the 'finalized' lifecycle hook when ready. The check never costs the next take
 * its frames: nothing starts while a take records, and a running check pauses from the frame
 * Record is pressed until the take ends, then goes on where it stopped (RecordingGate).
 */
export class AutoChecker {
  private readonly entries = new Map<string, Entry>();
  private readonly timer: ReturnType<typeof setInterval>;
  private running: Entry | null = null;

  constructor(private readonly ctx: StudioContext) {
    ctx.lifecycle.on('finalized', (take) => this.finalized(take));
    ctx.bus.subscribe((event, payload) => {
      if (event === 'check.progress') {
        const p = payload as EventPayload<'check.progress'>;
        const e = this.running;
        if (e && e.jobId === p.jobId) this.set(e, p.paused ? 'paused' : 'running', p.fraction);
      } else if (event === 'check.done') {
        const p = payload as EventPayload<'check.done'>;
        const e = this.running;
        if (e && e.jobId === p.jobId) {
          this.running = null;
          this.set(e, p.report ? 'done' : 'failed', null);
          this.ctx.bus.emit('takes.changed', { shootId: e.shootId });
        }
      }
    });
    this.timer = setInterval(() => void this.pump(), POLL_MS);
    this.timer.unref?.();
  }

  /** What the take cards show while the queue works. */
  states(shootId: string): Array<{ takeId: string; state: AutoCheckState; fraction: number | null }> {
    return [...this.entries.values()].filter((e) => e.shootId === shootId).map((e) => ({ takeId: e.takeId, state: e.state, fraction: e.fraction }));
  }

  close(): void {
    clearInterval(this.timer);
  }

  private set(e: Entry, state: AutoCheckState, fraction: number | null): void {
    e.state = state;
    e.fraction = fraction;
    this.ctx.bus.emit('check.auto', { shootId: e.shootId, takeId: e.takeId, state, fraction });
  }

  private async finalized(take: Take): Promise<void> {
    if (take.kind === 'voice' || take.status !== 'ready' || !take.delivery) return;
    if ((await this.ctx.settings.get()).autoCheck === false) return;
    const k = key(take.shootId, take.id);
    if (this.entries.has(k)) return;
    const e: Entry = { shootId: take.shootId, takeId: take.id, preset: take.preset, state: 'queued', fraction: null, jobId: null };
    this.entries.set(k, e);
    this.set(e, 'queued', null);
    void this.pump();
  }

  private async pump(): Promise<void> {
    // A running check holds itself while a take records (CheckJobs' gate); a new one waits to start.
    if (this.running || this.ctx.recorder.activeTake !== null) return;
    const next = [...this.entries.values()].find((e) => e.state === 'queued');
    if (!next) return;
    this.running = next;
    try {
      const { jobId } = await this.ctx.checks.start({ kind: 'take', shootId: next.shootId, takeId: next.takeId }, next.preset);
      next.jobId = jobId;
      this.set(next, 'running', 0);
    } catch (err) {
      this.running = null;
      // busy: the operator runs a check of their own; try again on the next poll.
      if ((err as { code?: string }).code !== 'busy') {
        this.set(next, 'failed', null);
        this.ctx.log(`auto-check of ${next.takeId}: ${(err as Error).message}`);
      }
    }
  }
}

import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_PROMPTER_STYLE,
  PrompterStyleSchema,
  elapsedAt,
  positionAt,
  type PrompterState,
  type PrompterUpdate,
} from '../../../shared/prompter';
import { writeJsonAtomic } from '../atomic-write';

/**
 * The one authoritative prompter state. Every change is stamped with main's clock; clients
 * extrapolate the scroll from (position, speed, at), so a change reaches every window in one
 * message and they stay together without streaming positions.
 */
export class PrompterStore {
  private state: PrompterState = {
    script: '',
    style: DEFAULT_PROMPTER_STYLE,
    scroll: { playing: false, speed: 1.2, position: 0, at: Date.now(), elapsedMs: 0 },
    cue: { phase: 'idle', silentEndsAt: null, silentSeconds: null },
    revision: 0,
  };
  private saveTimer: NodeJS.Timeout | null = null;
  private readonly loaded: Promise<void>;

  constructor(
    private readonly file: string,
    private readonly onChange: (state: PrompterState) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.loaded = this.load();
  }

  async get(): Promise<PrompterState> {
    await this.loaded;
    return this.state;
  }

  async update(patch: PrompterUpdate): Promise<PrompterState> {
    await this.loaded;
    const now = this.now();
    const s = this.state;
    const scroll = {
      ...s.scroll,
      position: positionAt(s.scroll, now),
      elapsedMs: patch.resetElapsed ? 0 : elapsedAt(s.scroll, now),
      at: now,
      ...(patch.scroll ?? {}),
    };
    if (patch.nudge) scroll.position = Math.max(0, scroll.position + patch.nudge);
    if (patch.script !== undefined && patch.script !== s.script) scroll.position = 0;
    this.state = {
      script: patch.script ?? s.script,
      style: { ...s.style, ...(patch.style ?? {}) },
      scroll,
      cue: { ...s.cue, ...(patch.cue ?? {}) },
      revision: s.revision + 1,
    };
    if (patch.script !== undefined || patch.style) this.scheduleSave();
    this.onChange(this.state);
    return this.state;
  }

  private async load(): Promise<void> {
    try {
      const raw = JSON.parse(await fs.readFile(this.file, 'utf8')) as { script?: unknown; style?: unknown };
      const style = PrompterStyleSchema.safeParse(raw.style);
      this.state = {
        ...this.state,
        script: typeof raw.script === 'string' ? raw.script : '',
        style: style.success ? style.data : DEFAULT_PROMPTER_STYLE,
      };
    } catch {
      /* first run, or a damaged file: defaults */
    }
  }

  /** The script and the look persist (debounced); the scroll and cue are per session. */
  private scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void fs
        .mkdir(path.dirname(this.file), { recursive: true })
        .then(() => writeJsonAtomic(this.file, { script: this.state.script, style: this.state.style }))
        .catch(() => {});
    }, 300);
    this.saveTimer.unref?.();
  }
}

import { z } from 'zod';

/**
 * The teleprompter's shared state. Scroll positions and speeds are in em (of the prompter's font
 * size) and the line width in characters, so every window — the operator's preview, a second
 * screen, an iPad — lays the script out the same and agrees on where the reading line is.
 */
const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #ffffff');

export const PrompterStyleSchema = z.object({
  fontSize: z.number().min(16).max(200),
  lineWidthCh: z.number().min(10).max(80),
  marginPct: z.number().min(0).max(25),
  textColor: hex,
  backgroundColor: hex,
  /** Beam-splitter glass shows the screen mirrored left-right; some rigs flip top-bottom too. */
  mirrorH: z.boolean(),
  mirrorV: z.boolean(),
  /** Height of the reading line, % from the top of the prompter. */
  readingLinePct: z.number().min(10).max(90),
});
export type PrompterStyle = z.infer<typeof PrompterStyleSchema>;

export const PrompterScrollSchema = z.object({
  playing: z.boolean(),
  /** em per second; negative scrolls back. */
  speed: z.number().min(-10).max(10),
  /** em from the top of the script at the moment `at`. */
  position: z.number().min(0).max(1e6),
  /** Main's clock (ms) when `position` was true. */
  at: z.number(),
  /** Time spent scrolling (ms) up to `at`: the prompter's elapsed time. */
  elapsedMs: z.number().min(0),
});
export type PrompterScroll = z.infer<typeof PrompterScrollSchema>;

export const PrompterCueSchema = z.object({
  phase: z.enum(['idle', 'silent', 'narration', 'idle-pose', 'actions', 'stopped']),
  /** Main's clock (ms) when the silent countdown reaches 0, while it runs. */
  silentEndsAt: z.number().nullable(),
  silentSeconds: z.number().nullable(),
});
export type PrompterCue = z.infer<typeof PrompterCueSchema>;

export const PrompterStateSchema = z.object({
  script: z.string().max(500_000),
  style: PrompterStyleSchema,
  scroll: PrompterScrollSchema,
  cue: PrompterCueSchema,
  revision: z.number().int(),
});
export type PrompterState = z.infer<typeof PrompterStateSchema>;

export const PrompterUpdateSchema = z
  .object({
    script: z.string().max(500_000).optional(),
    style: PrompterStyleSchema.partial().strict().optional(),
    scroll: PrompterScrollSchema.omit({ at: true, elapsedMs: true }).partial().strict().optional(),
    /** Start the elapsed time again (a new take). */
    resetElapsed: z.boolean().optional(),
    /** Scroll relative to where the script is now (foot pedal page steps), in em. */
    nudge: z.number().min(-1000).max(1000).optional(),
    cue: PrompterCueSchema.partial().strict().optional(),
  })
  .strict();
export type PrompterUpdate = z.infer<typeof PrompterUpdateSchema>;

export const DEFAULT_PROMPTER_STYLE: PrompterStyle = {
  fontSize: 56,
  lineWidthCh: 22,
  marginPct: 6,
  textColor: '#ffffff',
  backgroundColor: '#000000',
  mirrorH: false,
  mirrorV: false,
  readingLinePct: 33,
};

/** Where the script is at `now` (main's clock). */
export function positionAt(scroll: PrompterScroll, now: number): number {
  if (!scroll.playing) return scroll.position;
  return Math.max(0, scroll.position + (scroll.speed * (now - scroll.at)) / 1000);
}

export function elapsedAt(scroll: PrompterScroll, now: number): number {
  return scroll.elapsedMs + (scroll.playing ? Math.max(0, now - scroll.at) : 0);
}

/** Headings (# …) of a .md/.txt script: the places the operator can jump to. */
export function scriptMarkers(script: string): { line: number; title: string }[] {
  return script
    .split('\n')
    .map((text, line) => ({ line, text }))
    .filter((l) => /^\s*#{1,6}\s+\S/.test(l.text))
    .map((l) => ({ line: l.line, title: l.text.replace(/^\s*#{1,6}\s+/, '').trim() }));
}

import { z } from 'zod';
import { PrompterStateSchema, PrompterUpdateSchema } from '../prompter';

const StateWithClock = z.object({ state: PrompterStateSchema, serverNow: z.number() });

/** The teleprompter, kept in sync through main for every window that shows it. */
export const prompterMethods = {
  'prompter.get': { input: z.object({}).strict(), output: StateWithClock },
  'prompter.update': { input: PrompterUpdateSchema, output: StateWithClock },
  /** Electron: open the prompter in its own window (for a second screen). Serve mode: not needed. */
  'prompter.openWindow': { input: z.object({}).strict(), output: z.object({ opened: z.boolean() }) },
  /** Opt-in LAN access for a tablet prompter (§1.1.2): off by default, bound to 127.0.0.1 until on. */
  'prompter.remote': {
    input: z.object({ enabled: z.boolean() }).strict(),
    output: z.object({ enabled: z.boolean(), urls: z.array(z.string()), qrSvg: z.string().nullable() }),
  },
} as const;

export const prompterEvents = {
  'prompter.state': StateWithClock,
} as const;

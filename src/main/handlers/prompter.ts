import type { StudioContext } from '../context';
import type { HandlersFor } from '../dispatch';

/** The teleprompter: one state in main, every window follows it (issue #4). */
export function createPrompterHandlers(
  ctx: StudioContext,
): HandlersFor<'prompter.get' | 'prompter.update' | 'prompter.openWindow' | 'prompter.remote'> {
  const withClock = async () => ({ state: await ctx.prompter.get(), serverNow: Date.now() });
  return {
    'prompter.get': withClock,
    'prompter.update': async (patch) => ({ state: await ctx.prompter.update(patch), serverNow: Date.now() }),
    'prompter.openWindow': async () => ({ opened: ctx.openPrompterWindow ? ctx.openPrompterWindow() : false }),
    'prompter.remote': (i) => ctx.remotePrompter.setEnabled(i.enabled),
  };
}

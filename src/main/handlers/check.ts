import type { StudioContext } from '../context';
import type { HandlersFor } from '../dispatch';

/** The acceptance checker (issue #8). */
export function createCheckHandlers(ctx: StudioContext): HandlersFor<'check.start' | 'check.cancel'> {
  return {
    'check.start': (i) => ctx.checks.start(i.source, i.preset, i.lang),
    'check.cancel': async (i) => ctx.checks.cancel(i.jobId),
  };
}

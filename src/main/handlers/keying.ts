import type { StudioContext } from '../context';
import type { HandlersFor } from '../dispatch';

/**
 * greenParams per shoot (keying.getParams / keying.setParams). Every take that starts recording gets
 * a copy of its shoot's parameters, so the take and its export carry what the operator set (§5.3).
 */
export function createKeyingHandlers(ctx: StudioContext): HandlersFor<'keying.getParams' | 'keying.setParams'> {
  const params = ctx.greenParams;

  ctx.lifecycle.on('started', async (take) => {
    await params.snapshotIntoTake(take.shootId, take.id);
  });

  return {
    'keying.getParams': (input) => params.get(input.shootId, input.takeId),
    'keying.setParams': async (input) => {
      const saved = await params.set(input.shootId, input.params);
      ctx.bus.emit('keying.params-changed', { shootId: input.shootId, params: saved.params });
      return saved;
    },
  };
}

import type { StudioContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { GreenParamsStore } from '../services/keying/green-params-store';

/**
 * greenParams per shoot (keying.getParams / keying.setParams). Every take that starts recording gets
 * a copy of its shoot's parameters, so the take and its export carry what the operator set (§5.3).
 */
export function createKeyingHandlers(ctx: StudioContext): HandlersFor<'keying.getParams' | 'keying.setParams'> {
  const params = new GreenParamsStore(ctx.store);

  ctx.bus.subscribe((event, payload) => {
    if (event !== 'takes.changed') return;
    const { shootId } = payload as { shootId: string };
    void (async () => {
      for (const take of await ctx.store.listTakes(shootId)) {
        if (take.status === 'recording') await params.snapshotIntoTake(shootId, take.id);
      }
    })().catch((err: unknown) => ctx.log(`keying: could not copy greenParams into a take of ${shootId}: ${(err as Error).message}`));
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

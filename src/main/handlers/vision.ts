import type { Finding } from '../../shared/findings';
import type { StudioContext } from '../context';
import type { HandlersFor } from '../dispatch';
import type { FaceModel } from '../services/face-model';
import { keyedSerial } from '../services/keyed-serial';

/** The context's face model (shared with the model route of serve.ts and Electron's app://). */
export function faceModelOf(ctx: StudioContext): FaceModel {
  return ctx.faceModel;
}

const key = (shootId: string, takeId: string) => `${shootId}/${takeId}`;
const findingKey = (f: Finding) => `${f.rule}@${f.start}`;

/**
 * The face model, and the live monitor's findings of a take. The recorder keeps saving take.json
 * from its own copy while the take records and while its MP4 is made, so findings wait here until
 * the take is saved for the last time (the 'finalized' or 'recovered' lifecycle hook) and are then
 * merged in.
 */
export function createVisionHandlers(ctx: StudioContext): HandlersFor<'vision.model' | 'vision.findings'> {
  /** Per take, findings by rule@start: a later batch's copy of a finding (a longer end) replaces the earlier one. */
  const pending = new Map<string, { shootId: string; takeId: string; findings: Map<string, Finding> }>();
  /** One flush of a take at a time (the take.json write itself is serialized by the store). */
  const serial = keyedSerial();

  const flush = (shootId: string, takeId: string): Promise<'take' | 'pending'> =>
    serial(key(shootId, takeId), async () => {
      const entry = pending.get(key(shootId, takeId));
      if (!entry) return 'take';
      if (ctx.recorder.holds(shootId, takeId)) return 'pending';
      const take = await ctx.store.getTake(shootId, takeId);
      if (take.status === 'recording' || take.status === 'finalizing') return 'pending';
      pending.delete(key(shootId, takeId));
      await ctx.store.updateTake(shootId, takeId, (t) => {
        const merged = new Map((t.findings ?? []).map((f) => [findingKey(f), f]));
        for (const [k, f] of entry.findings) merged.set(k, f);
        t.findings = [...merged.values()].sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
      });
      ctx.bus.emit('takes.changed', { shootId });
      return 'take';
    });

  // The take's record is final once it is finalized (or recovered): merge what waited for it.
  const flushTake = (take: { shootId: string; id: string }) => {
    if (!pending.has(key(take.shootId, take.id))) return;
    flush(take.shootId, take.id).catch((err: unknown) => ctx.log(`vision findings of ${take.id}: ${(err as Error).message}`));
  };
  ctx.lifecycle.on('finalized', flushTake);
  ctx.lifecycle.on('recovered', flushTake);

  return {
    'vision.model': async () => {
      const m = await faceModelOf(ctx).ensure((p) => ctx.bus.emit('vision.model-progress', p));
      return { source: m.source, bytes: m.bytes, sha256: m.sha256, url: m.url };
    },
    'vision.findings': async (input) => {
      // Fails with not-found for a take that does not exist, before anything is kept.
      await ctx.store.getTake(input.shootId, input.takeId);
      const k = key(input.shootId, input.takeId);
      const entry = pending.get(k) ?? { shootId: input.shootId, takeId: input.takeId, findings: new Map<string, Finding>() };
      for (const f of input.findings) entry.findings.set(findingKey(f), f);
      pending.set(k, entry);
      const count = entry.findings.size;
      const stored = input.final ? await flush(input.shootId, input.takeId) : 'pending';
      return { stored, count };
    },
  };
}

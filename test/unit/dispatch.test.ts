import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../src/main/dispatch';
import { StudioError } from '../../src/shared/errors';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const notUsed = async () => {
    throw new Error('not used in this test');
  };
  return {
    'app.info': notUsed,
    'settings.get': notUsed,
    'settings.set': notUsed,
    'shoots.list': async () => [],
    'shoots.create': async (i) => ({ id: 'x', name: i.name, model: i.model, createdAt: 'now' }),
    'takes.list': notUsed,
    'recording.start': notUsed,
    'recording.chunk': async (i) => ({ bytes: i.data.byteLength, chunks: i.seq + 1 }),
    'recording.stop': notUsed,
    ...overrides,
  } as Handlers;
}

describe('contract dispatch', () => {
  const dispatch = createDispatcher(handlers());

  it('runs a valid call and returns its value', async () => {
    expect(await dispatch('shoots.create', { name: '  Anna  ', model: 'A' })).toEqual({
      ok: true,
      value: { id: 'x', name: 'Anna', model: 'A', createdAt: 'now' },
    });
  });

  it('rejects an unknown method with a typed error', async () => {
    const r = await dispatch('fs.readFile', { path: '/etc/passwd' });
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it.each([
    ['missing field', 'shoots.create', {}],
    ['wrong type', 'shoots.create', { name: 7 }],
    ['empty name', 'shoots.create', { name: '   ' }],
    ['extra key', 'shoots.create', { name: 'a', evil: true }],
    ['not an object', 'shoots.create', 'name'],
    ['path traversal in an id', 'takes.list', { shootId: '../../etc' }],
    ['separator in an id', 'takes.list', { shootId: 'a/b' }],
    ['chunk without bytes', 'recording.chunk', { shootId: 's', takeId: 't', seq: 0, data: 'AAAA' }],
    ['negative sequence', 'recording.chunk', { shootId: 's', takeId: 't', seq: -1, data: new Uint8Array(1) }],
    ['bad mime type', 'recording.start', { shootId: 's', mimeType: 'text/html', devices: {} }],
  ])('rejects a malformed call: %s', async (_label, method, input) => {
    const r = await dispatch(method, input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('bad-argument');
      expect(r.error.issues?.length).toBeGreaterThan(0);
      expect(r.error.message).toContain(String(method));
    }
  });

  it('passes bytes through intact', async () => {
    const r = await dispatch('recording.chunk', { shootId: 's', takeId: 't', seq: 4, data: new Uint8Array(10) });
    expect(r).toEqual({ ok: true, value: { bytes: 10, chunks: 5 } });
  });

  it('turns a thrown StudioError into its shape and a crash into "internal", never a throw', async () => {
    const logged: string[] = [];
    const d = createDispatcher(
      handlers({
        'shoots.list': async () => {
          throw new StudioError('busy', 'recording', { hint: 'stop first' });
        },
        'settings.get': async () => {
          throw new TypeError('boom');
        },
      }),
      (l) => logged.push(l),
    );
    expect(await d('shoots.list', {})).toEqual({ ok: false, error: { code: 'busy', message: 'recording', hint: 'stop first' } });
    expect(await d('settings.get', {})).toMatchObject({ ok: false, error: { code: 'internal', message: 'boom' } });
    expect(logged.join()).toContain('settings.get failed');
  });

  it('maps a full disk to disk-full', async () => {
    const d = createDispatcher(
      handlers({
        'shoots.list': async () => {
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        },
      }),
    );
    expect(await d('shoots.list', {})).toMatchObject({ ok: false, error: { code: 'disk-full' } });
  });
});

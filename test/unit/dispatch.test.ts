import { describe, expect, it } from 'vitest';
import { createDispatcher, validateOutputByDefault, type HandlersFor } from '../../src/main/dispatch';
import { StudioError } from '../../src/shared/errors';

type TestMethods = 'settings.get' | 'shoots.list' | 'shoots.create' | 'takes.list' | 'recording.start' | 'recording.chunk';

/** The few handlers these tests call, each typed by the contract (no cast: a wrong shape fails tsc). */
function handlers(overrides: Partial<HandlersFor<TestMethods>> = {}): HandlersFor<TestMethods> {
  const notUsed = async (): Promise<never> => {
    throw new Error('not used in this test');
  };
  return {
    'settings.get': notUsed,
    'takes.list': notUsed,
    'recording.start': notUsed,
    'shoots.list': async () => [],
    'shoots.create': async (i) => ({ id: 'x', name: i.name, model: i.model, preset: 'standard-short', createdAt: 'now' }),
    'recording.chunk': async (i) => ({ bytes: i.data.byteLength, chunks: i.seq + 1, secondsLeft: null }),
    ...overrides,
  };
}

describe('contract dispatch', () => {
  const dispatch = createDispatcher(handlers());

  it('runs a valid call and returns its value', async () => {
    expect(await dispatch('shoots.create', { name: '  Anna  ', model: 'A' })).toEqual({
      ok: true,
      value: { id: 'x', name: 'Anna', model: 'A', preset: 'standard-short', createdAt: 'now' },
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
    expect(r).toEqual({ ok: true, value: { bytes: 10, chunks: 5, secondsLeft: null } });
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

  it('a method the contract knows but this dispatcher does not serve is unknown, not a crash', async () => {
    expect(await dispatch('app.info', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('checks replies against the contract in tests/dev: a drifted handler is an internal error, logged', async () => {
    const logged: string[] = [];
    // The shape is wrong at run time only (e.g. JSON read from disk typed as a Shoot).
    const drifted = JSON.parse('[{"id":"x","name":"a"}]') as [];
    const d = createDispatcher({ 'shoots.list': async () => drifted }, { log: (l) => logged.push(l), validateOutput: true });
    const r = await d('shoots.list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!r.ok) expect(r.error.message).toMatch(/shoots\.list returned a value outside the contract: 0\.model .*0\.createdAt/);
    expect(logged.join()).toContain('outside the contract');
    // Production builds skip the check (hot paths), unless asked for.
    const lax = createDispatcher({ 'shoots.list': async () => drifted }, { validateOutput: false });
    expect(await lax('shoots.list', {})).toMatchObject({ ok: true });
  });

  it('validates outputs unless production, and the env flag wins', () => {
    expect(validateOutputByDefault({})).toBe(true);
    expect(validateOutputByDefault({ NODE_ENV: 'test' })).toBe(true);
    expect(validateOutputByDefault({ NODE_ENV: 'production' })).toBe(false);
    expect(validateOutputByDefault({ NODE_ENV: 'production', CAPTURE_STUDIO_VALIDATE_OUTPUT: '1' })).toBe(true);
    expect(validateOutputByDefault({ CAPTURE_STUDIO_VALIDATE_OUTPUT: '0' })).toBe(false);
    // The suite itself runs with the check on.
    expect(validateOutputByDefault()).toBe(true);
  });

  it('a wrongly shaped handler is a type error (checked by tsc -b, which npm run typecheck runs)', () => {
    // @ts-expect-error shoots.list must resolve to Shoot[], not a number
    const wrongOutput = createDispatcher({ 'shoots.list': async () => 42 });
    // @ts-expect-error shoots.create receives { name, model }, it has no `title`
    const wrongInput = createDispatcher({ 'shoots.create': async (i: { title: number }) => ({ id: String(i.title), name: '', model: '', preset: 'quick', createdAt: '' }) });
    // @ts-expect-error not a contract method
    const unknown = createDispatcher({ 'fs.readFile': async () => '' });
    expect([wrongOutput, wrongInput, unknown].every((d) => typeof d === 'function')).toBe(true);
  });
});

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PrompterStore } from '../../src/main/services/prompter/prompter-state';
import { RemotePrompterServer } from '../../src/main/services/prompter/remote-server';
import { PrompterUpdateSchema, positionAt, scriptMarkers, type PrompterState } from '../../src/shared/prompter';

function store(now: { t: number }) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cs-prompter-')), 'prompter.json');
  const seen: PrompterState[] = [];
  return { file, seen, store: new PrompterStore(file, (s) => seen.push(s), () => now.t) };
}

describe('prompter state', () => {
  it('scrolls as a velocity: position extrapolates from (position, speed, at)', async () => {
    const now = { t: 1_000_000 };
    const { store: s, seen } = store(now);
    await s.update({ script: 'one\ntwo', scroll: { speed: 2, playing: true } });
    now.t += 3000;
    const st = await s.get();
    expect(positionAt(st.scroll, now.t)).toBeCloseTo(6, 6);
    // A speed change keeps the place reached so far and goes on from there.
    await s.update({ scroll: { speed: 1 } });
    now.t += 1000;
    expect(positionAt((await s.get()).scroll, now.t)).toBeCloseTo(7, 6);
    await s.update({ scroll: { playing: false } });
    now.t += 5000;
    expect(positionAt((await s.get()).scroll, now.t)).toBeCloseTo(7, 6);
    expect(seen.length).toBe(3);
    expect(seen.map((x) => x.revision)).toEqual([1, 2, 3]);
  });

  it('pedal steps nudge, never below the top; a new script starts at the top', async () => {
    const now = { t: 0 };
    const { store: s } = store(now);
    await s.update({ script: 'a' });
    await s.update({ nudge: 10 });
    expect((await s.get()).scroll.position).toBe(10);
    await s.update({ nudge: -50 });
    expect((await s.get()).scroll.position).toBe(0);
    await s.update({ nudge: 5 });
    await s.update({ script: 'b' });
    expect((await s.get()).scroll.position).toBe(0);
  });

  it('the script and the look persist across restarts; the scroll does not', async () => {
    const now = { t: 0 };
    const { store: s, file } = store(now);
    await s.update({ script: '# Part\ntext', style: { mirrorH: true, fontSize: 80 }, scroll: { position: 12 } });
    await new Promise((r) => setTimeout(r, 400));
    const again = new PrompterStore(file, () => {}, () => 0);
    const st = await again.get();
    expect(st.script).toBe('# Part\ntext');
    expect(st.style).toMatchObject({ mirrorH: true, fontSize: 80 });
    expect(st.scroll.position).toBe(0);
  });

  it('validates updates and finds the script headings', () => {
    expect(PrompterUpdateSchema.safeParse({ style: { fontSize: 5 } }).success).toBe(false);
    expect(PrompterUpdateSchema.safeParse({ style: { textColor: 'red' } }).success).toBe(false);
    expect(PrompterUpdateSchema.safeParse({ scroll: { at: 5 } }).success).toBe(false);
    expect(PrompterUpdateSchema.safeParse({ scroll: { speed: 2 } }).success).toBe(true);
    expect(scriptMarkers('# Intro\ntext\n  ## Part two\n#nospace')).toEqual([
      { line: 0, title: 'Intro' },
      { line: 2, title: 'Part two' },
    ]);
  });
});

describe('remote prompter on the LAN', () => {
  it('is off until switched on, then needs its token, is read-only, and serves only the prompter', async () => {
    const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'cs-remote-'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>p</title>');
    const state = { state: { revision: 1 } as unknown as PrompterState, serverNow: 1 };
    const server = new RemotePrompterServer(
      () => rendererDir,
      async () => state,
      () => () => {},
    );
    expect(await server.setEnabled(false)).toEqual({ enabled: false, urls: [], qrSvg: null });
    const on = await server.setEnabled(true);
    expect(on.enabled).toBe(true);
    expect(on.qrSvg).toContain('<svg');
    const url = new URL(on.urls[0]!);
    const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
    expect(url.pathname).toBe('/prompter');
    const base = `http://127.0.0.1:${url.port}`;
    expect((await fetch(`${base}/prompter`)).status).toBe(200);
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/ws`)).status).toBe(404);

    const bad = new WebSocket(`ws://127.0.0.1:${url.port}/ws?token=nope`);
    await new Promise<void>((resolve) => bad.once('unexpected-response', (_q, res) => (expect(res.statusCode).toBe(401), resolve())));

    const ws = new WebSocket(`ws://127.0.0.1:${url.port}/ws?token=${token}`);
    await new Promise((r) => ws.once('open', r));
    const reply = (id: number, method: string) =>
      new Promise<unknown>((resolve) => {
        ws.once('message', (d) => resolve(JSON.parse(d.toString())));
        ws.send(JSON.stringify({ t: 'call', id, method, input: {} }));
      });
    expect(await reply(1, 'prompter.get')).toMatchObject({ t: 'result', id: 1, result: { ok: true, value: state } });
    expect(await reply(2, 'shoots.list')).toMatchObject({ result: { ok: false, error: { code: 'bad-argument' } } });
    ws.close();

    // Switching off closes it; switching on again makes a new token.
    await server.setEnabled(false);
    await expect(fetch(`${base}/prompter`)).rejects.toThrow();
    const again = await server.setEnabled(true);
    expect(new URLSearchParams(new URL(again.urls[0]!).hash.slice(1)).get('token')).not.toBe(token);
    await server.close();
  });
});

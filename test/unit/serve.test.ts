import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../src/main/serve';
import { decodeClientFrame, encodeBinaryCall } from '../../src/shared/wire';

let server: RunningServer;
let home: string;

beforeAll(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'cs-serve-'));
  const renderer = path.join(home, 'renderer');
  mkdirSync(renderer);
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>studio</title>');
  writeFileSync(path.join(home, 'secret.txt'), 'outside the renderer');
  server = await startServer({ port: 0, rendererDir: renderer, env: { ...process.env, CAPTURE_STUDIO_HOME: home } });
});

afterAll(async () => {
  await server.close();
});

function connect(token: string | null): Promise<WebSocket> {
  const q = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws${q}`);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function call(ws: WebSocket, frame: string | Uint8Array, id: number): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(data.toString()) as { t: string; id?: number; result?: unknown };
      if (msg.t === 'result' && msg.id === id) {
        ws.off('message', onMessage);
        resolve(msg.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(frame);
  });
}

describe('serve mode', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=.{20,}$`));
  });

  it('refuses the WebSocket without the token or with a wrong one', async () => {
    await expect(connect(null)).rejects.toThrow('401');
    await expect(connect('wrong')).rejects.toThrow('401');
    await expect(connect(server.token + 'x')).rejects.toThrow('401');
  });

  it('answers contract calls with the token, and typed errors for bad ones', async () => {
    const ws = await connect(server.token);
    const shoot = (await call(ws, JSON.stringify({ t: 'call', id: 1, method: 'shoots.create', input: { name: '测试 shoot' } }), 1)) as {
      ok: boolean;
      value: { id: string; name: string };
    };
    expect(shoot.ok).toBe(true);
    expect(shoot.value.name).toBe('测试 shoot');
    expect(await call(ws, JSON.stringify({ t: 'call', id: 2, method: 'shoots.list', input: {} }), 2)).toMatchObject({
      ok: true,
      value: [{ id: shoot.value.id }],
    });
    expect(await call(ws, JSON.stringify({ t: 'call', id: 3, method: 'takes.list', input: { shootId: '..' } }), 3)).toMatchObject({
      ok: false,
      error: { code: 'bad-argument' },
    });
    // A binary frame goes through the same validation: no recording is running for this take.
    const frame = encodeBinaryCall(
      { t: 'call', id: 4, method: 'recording.chunk', input: { shootId: shoot.value.id, takeId: 'take-001', seq: 0 }, binaryField: 'data' },
      new Uint8Array([1, 2, 3]),
    );
    expect(decodeClientFrame(frame).method).toBe('recording.chunk');
    expect(await call(ws, frame, 4)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    ws.close();
  });

  it('serves the renderer with a strict CSP and nothing outside it', async () => {
    const base = `http://127.0.0.1:${server.port}`;
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(index.headers.get('content-security-policy')).not.toMatch(/https?:/);
    // Client-side routes get the app.
    expect((await fetch(`${base}/prompter`)).status).toBe(200);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/missing.js']) {
      const r = await fetch(base + p);
      expect([400, 404], p).toContain(r.status);
      expect(await r.text()).not.toContain('outside the renderer');
    }
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });
});

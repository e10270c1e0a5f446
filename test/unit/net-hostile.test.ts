/**
 * Issue #11: hostile and careless input sent at the real listeners — serve mode, the LAN prompter
 * (bound to 127.0.0.1 here) and the checker's frame host — on loopback, bounded in count and time.
 * After the table the studio still answers `app.info`, and a recording started before the table
 * (real WebSocket calls, chunks cut from a real Matroska file made by ffmpeg) still ends `ready`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOSE } from '../../src/main/net-guard';
import { startServer, type RunningServer } from '../../src/main/serve';
import { FrameHub } from '../../src/main/services/checker/frame-hub';
import { startFrameHost, type FrameHost } from '../../src/main/services/checker/frame-host';
import { RemotePrompterServer } from '../../src/main/services/prompter/remote-server';
import { PRESET_IDS } from '../../src/shared/standards';
import { encodeBinaryCall, packBinary } from '../../src/shared/wire';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile } from './helpers/media';

const tmp = tempDir('cs-hostile-');
const renderer = path.join(tmp.dir, 'renderer');
const logs: string[] = [];
let server: RunningServer;

beforeAll(async () => {
  mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>studio</title>');
  writeFileSync(path.join(renderer, 'frame-analyzer.html'), '<!doctype html><title>frames</title>');
  writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(tmp.dir, 'secret.txt'), 'outside the renderer');
  server = await startServer({
    port: 0,
    rendererDir: renderer,
    env: { ...process.env, CAPTURE_STUDIO_HOME: path.join(tmp.dir, 'home'), CAPTURE_STUDIO_FACE_MODEL: path.join(tmp.dir, 'secret.txt') },
    log: (l) => logs.push(l),
  });
});

afterAll(async () => {
  await server?.close();
  tmp.cleanup();
});

/** One raw HTTP exchange (what curl --path-as-is would send); the status code, or 0 if closed without one. */
function raw(port: number, request: string, timeoutMs = 5000): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    let text = '';
    const done = () => {
      clearTimeout(timer);
      sock.destroy();
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    };
    const timer = setTimeout(done, timeoutMs);
    sock.on('data', (b) => {
      text += b.toString('latin1');
      if (/\r\n\r\n/.test(text) && !/^HTTP\/1\.1 200/.test(text)) done();
    });
    sock.on('error', done);
    sock.on('close', done);
    sock.write(request);
  });
}

const req = (port: number, target: string, headers: Record<string, string> = {}, method = 'GET') =>
  `${method} ${target} HTTP/1.1\r\n${Object.entries({ Host: `127.0.0.1:${port}`, ...headers })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\nConnection: close\r\n\r\n`;

function open(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_q, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

/** Send one frame the way a broken or hostile client would, and wait for the server to close. */
function closeCodeAfter(ws: WebSocket, send: (ws: WebSocket) => void): Promise<number> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(-1), 10_000);
    ws.on('error', () => {});
    ws.once('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    send(ws);
  });
}

/** A masked frame header that announces `length` bytes (no body follows): the server must refuse it from the header. */
function oversizeHeader(length: number): Buffer {
  const h = Buffer.alloc(14);
  h[0] = 0x82; // FIN, binary
  h[1] = 0x80 | 127; // masked, 64-bit length
  h.writeBigUInt64BE(BigInt(length), 2);
  return h; // mask key: 4 zero bytes
}

const rawSocket = (ws: WebSocket) => (ws as unknown as { _socket: net.Socket })._socket;

/** Frames every socket must survive (close that one socket with this code), text unless binary. */
const FRAME_TABLE: [string, (ws: WebSocket) => void, number][] = [
  ['text null', (ws) => ws.send('null'), CLOSE.unsupported],
  ['text []', (ws) => ws.send('[]'), CLOSE.unsupported],
  ['text "x"', (ws) => ws.send('"x"'), CLOSE.unsupported],
  ['text {"t":1}', (ws) => ws.send('{"t":1}'), CLOSE.unsupported],
  ['text not JSON', (ws) => ws.send('{'), CLOSE.unsupported],
  ['invalid UTF-8 text', (ws) => ws.send(Buffer.from([0x7b, 0xc3, 0x28, 0xff, 0x7d]), { binary: false }), CLOSE.invalidPayload],
];

async function call(ws: WebSocket, id: number, method: string, input: unknown, bytes?: Uint8Array): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${method}: no answer`)), 30_000);
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(data.toString()) as { t: string; id?: number; result: { ok: boolean; value?: unknown; error?: { message: string } } };
      if (msg.t === 'result' && msg.id === id) {
        clearTimeout(timer);
        ws.off('message', onMessage);
        resolve(msg.result);
      }
    };
    ws.on('message', onMessage);
    if (bytes) ws.send(encodeBinaryCall({ t: 'call', id, method, input, binaryField: 'data' }, bytes));
    else ws.send(JSON.stringify({ t: 'call', id, method, input }));
  });
}

describe('serve mode under hostile input', () => {
  it('keeps a recording alive through the whole table, then still answers and the take ends ready', async () => {
    const port = server.port;
    const wsUrl = `ws://127.0.0.1:${port}/ws?token=${server.token}`;
    const origin = { Origin: `http://127.0.0.1:${port}` };

    // A real recording: a 2 s Matroska (H.264 + Opus, what MediaRecorder writes here), sent as 6 chunks.
    const mkv = path.join(tmp.dir, 'chunks.mkv');
    ffmpegSync(['-i', mediaFile('talking-3.mp4'), '-t', '2', '-vf', 'scale=160:-2', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'libopus', '-f', 'matroska', mkv]);
    const bytes = readFileSync(mkv);
    const parts = 6;
    const chunks = Array.from({ length: parts }, (_, i) => bytes.subarray(Math.floor((i * bytes.length) / parts), Math.floor(((i + 1) * bytes.length) / parts)));

    const op = await open(wsUrl, origin);
    const shoot = await call(op, 1, 'shoots.create', { name: 'hostile table' });
    expect(shoot.ok).toBe(true);
    const shootId = (shoot.value as { id: string }).id;
    const devices = {
      camera: { deviceId: 'c', label: 'cam', width: 1080, height: 1920, frameRate: 25 },
      microphone: { deviceId: 'm', label: 'mic', sampleRate: 48000, channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    };
    const started = await call(op, 2, 'recording.start', { shootId, mimeType: 'video/x-matroska', devices, preset: PRESET_IDS[0], checklist: [], bitsPerSecond: 1_000_000 });
    expect(started.error?.message ?? '').toBe('');
    const takeId = (started.value as { id: string }).id;
    for (let i = 0; i < 3; i++) expect((await call(op, 10 + i, 'recording.chunk', { shootId, takeId, seq: i }, chunks[i])).ok).toBe(true);

    // --- HTTP table: each answers 4xx (or the connection is closed), never 5xx, never a crash.
    const huge = '/' + 'a'.repeat(10_000);
    const httpTable: [string, string, number[]][] = [
      ['//', req(port, '//'), [400]],
      ['/%', req(port, '/%'), [400, 404]],
      ['/%zz', req(port, '/%zz'), [400, 404]],
      ['/..%2f..%2fsecret.txt', req(port, '/..%2f..%2fsecret.txt'), [404]],
      ['/../secret.txt (path-as-is)', req(port, '/../secret.txt'), [404]],
      ['absolute-form target', req(port, `http://evil.example:${port}/`), [400]],
      ['huge URL (10 000 chars)', req(port, huge), [400]],
      ['huge URL (100 000 chars)', req(port, '/' + 'a'.repeat(100_000)), [0, 400, 413, 414, 431]],
      ['bad Host (DNS rebinding)', req(port, '/', { Host: `attacker.example:${port}` }), [403]],
      ['Host with another port', req(port, '/', { Host: `127.0.0.1:${port + 1}` }), [403]],
      ['foreign Origin on a static file', req(port, '/', { Origin: 'https://evil.example' }), [403]],
      ['Origin "null"', req(port, '/', { Origin: 'null' }), [403]],
      ['/models without the key', req(port, '/models/face_landmarker.task'), [401]],
      ['/models with a wrong key', req(port, '/models/face_landmarker.task?key=x'), [401]],
      ['/media unknown link', req(port, '/media/AAAAAAAAAAAAAAAAAAAAAA.mp4'), [404]],
      ['POST to a page', req(port, '/', {}, 'POST'), [405]],
      ['garbage request line', 'HELLO\r\n\r\n', [0, 400]],
      ['NUL in path', req(port, '/a%00b.js'), [404]],
    ];
    for (const [name, request, ok] of httpTable) {
      const r = await raw(port, request);
      expect(ok, `${name}: got ${r.status}`).toContain(r.status);
      expect(r.text, name).not.toContain('outside the renderer');
    }

    // /media: a live link answers GET and HEAD only.
    const link = server.studio.context.links.link(mkv);
    expect((await raw(port, req(port, link, {}, 'HEAD'))).status).toBe(200);
    for (const m of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) expect((await raw(port, req(port, link, {}, m))).status, m).toBe(405);
    expect((await raw(port, req(port, link, { Range: 'bytes=99999999999-' }))).status).toBe(416);

    // --- Upgrades: unknown paths, no token, foreign Origin, bad Host.
    await expect(open(`ws://127.0.0.1:${port}/nope?token=${server.token}`, origin)).rejects.toThrow('404');
    await expect(open(`ws://127.0.0.1:${port}//?token=${server.token}`, origin)).rejects.toThrow(/400|404/);
    await expect(open(`ws://127.0.0.1:${port}/ws`, origin)).rejects.toThrow('401');
    await expect(open(wsUrl, { Origin: 'https://evil.example' })).rejects.toThrow('403');
    await expect(open(wsUrl, { Host: 'rebind.example' })).rejects.toThrow('403');
    expect((await raw(port, req(port, '//', { Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version': '13' }))).status).toBe(404);

    // --- Frames: each closes only its own socket, with the right code.
    const table: [string, (ws: WebSocket) => void, number][] = [
      ...FRAME_TABLE,
      ['binary too short', (ws) => ws.send(new Uint8Array([1, 0])), CLOSE.unsupported],
      ['binary with a null header', (ws) => ws.send(packBinary(null, new Uint8Array([1]))), CLOSE.unsupported],
      ['binary header overruns', (ws) => ws.send(new Uint8Array([255, 255, 0, 0, 1])), CLOSE.unsupported],
      ['over maxPayload (header announces 8 GiB)', (ws) => rawSocket(ws).write(oversizeHeader(2 ** 33)), CLOSE.tooBig],
    ];
    for (const [name, send, code] of table) {
      const ws = await open(wsUrl, origin);
      expect(await closeCodeAfter(ws, send), name).toBe(code);
    }
    // The same bad frame again and again is logged once, not once per frame.
    for (let i = 0; i < 4; i++) await closeCodeAfter(await open(wsUrl, origin), (ws) => ws.send('null'));
    expect(logs.filter((l) => l.startsWith('serve /ws: bad frame')).length).toBe(1);

    // --- Many half-open sockets (bounded: 40), left hanging while the studio keeps answering.
    const half = await Promise.all(
      Array.from({ length: 40 }, () => new Promise<net.Socket>((resolve) => {
        const s = net.connect(port, '127.0.0.1', () => {
          s.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
          resolve(s);
        });
        s.on('error', () => {});
      })),
    );

    // --- After the table: the operator's socket still works, and the take finishes whole.
    const info = await call(op, 50, 'app.info', {});
    expect(info.ok).toBe(true);
    for (let i = 3; i < parts; i++) expect((await call(op, 20 + i, 'recording.chunk', { shootId, takeId, seq: i }, chunks[i])).ok).toBe(true);
    const stopped = await call(op, 60, 'recording.stop', { shootId, takeId });
    expect(stopped.error?.message ?? '').toBe('');
    let take: { status: string; recording: { bytes: number }; delivery: { probe: { durationSec: number } } | null } | undefined;
    for (let i = 0; i < 120; i++) {
      const list = await call(op, 100 + i, 'takes.list', { shootId });
      take = (list.value as (typeof take & { id: string })[]).find((t) => t?.id === takeId);
      if (take && take.status !== 'recording' && take.status !== 'finalizing') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(take?.status).toBe('ready');
    expect(take?.recording.bytes).toBe(bytes.length);
    // ffprobe of the source said 2.0 s; the delivery keeps it (±1 frame at 25 fps and the audio edge).
    expect(take?.delivery?.probe.durationSec).toBeGreaterThan(1.9);
    expect(take?.delivery?.probe.durationSec).toBeLessThan(2.2);
    // A fresh client is served too.
    const fresh = await open(wsUrl, origin);
    expect((await call(fresh, 1, 'app.info', {})).ok).toBe(true);
    fresh.close();
    op.close();
    for (const s of half) s.destroy();
  }, 180_000);
});

describe('LAN prompter under hostile input', () => {
  let remote: RemotePrompterServer;
  const remoteLogs: string[] = [];
  beforeAll(async () => {
    remote = new RemotePrompterServer(
      () => renderer,
      async () => ({ state: { text: 'hello' } as never, serverNow: 1 }),
      () => () => {},
      0,
      (l) => remoteLogs.push(l),
      '127.0.0.1',
    );
    await remote.setEnabled(true);
  });
  afterAll(() => remote.close());

  it('refuses bad paths, Hosts, Origins and frames, and still serves the tablet', async () => {
    const port = remote.boundPort;
    const url = `ws://127.0.0.1:${port}/ws?token=${remote.sessionToken}`;
    for (const [name, request, ok] of [
      ['//', req(port, '//'), [400]],
      ['/%', req(port, '/%'), [400, 404]],
      ['/..%2f..%2fsecret.txt', req(port, '/..%2f..%2fsecret.txt'), [404]],
      ['absolute-form', req(port, 'http://evil.example/prompter'), [400]],
      ['huge URL', req(port, '/' + 'a'.repeat(10_000)), [400]],
      ['bad Host', req(port, '/prompter', { Host: 'attacker.example' }), [403]],
      ['foreign Origin', req(port, '/prompter', { Origin: 'http://evil.example' }), [403]],
      ['the studio page is not on the LAN', req(port, '/'), [404]],
      ['POST', req(port, '/prompter', {}, 'POST'), [404]],
    ] as [string, string, number[]][]) {
      const r = await raw(port, request);
      expect(ok, `${name}: got ${r.status}`).toContain(r.status);
    }
    expect((await raw(port, req(port, '/prompter'))).status).toBe(200);
    await expect(open(`ws://127.0.0.1:${port}/other?token=${remote.sessionToken}`)).rejects.toThrow('404');
    await expect(open(url, { Origin: 'https://evil.example' })).rejects.toThrow('403');
    await expect(open(url, { Host: 'rebind.example' })).rejects.toThrow('403');
    for (const [name, send, code] of [
      ...FRAME_TABLE,
      ['binary where text is expected', (ws: WebSocket) => ws.send(new Uint8Array([1, 2, 3])), CLOSE.unsupported],
      ['over maxPayload (64 KiB + 1)', (ws: WebSocket) => ws.send('x'.repeat(64 * 1024 + 1)), CLOSE.tooBig],
    ] as [string, (ws: WebSocket) => void, number][]) {
      expect(await closeCodeAfter(await open(url), send), name).toBe(code);
    }
    const tablet = await open(url);
    expect(await call(tablet, 1, 'prompter.get', {})).toMatchObject({ ok: true, value: { serverNow: 1 } });
    expect(await call(tablet, 2, 'prompter.set', {})).toMatchObject({ ok: false });
    tablet.close();
  });
});

describe('checker frame host under hostile input', () => {
  let hub: FrameHub;
  let host: FrameHost;
  const hostLogs: string[] = [];
  beforeAll(async () => {
    hub = new FrameHub((l) => hostLogs.push(l));
    host = await startFrameHost({ rendererDir: renderer, hub, env: { CAPTURE_STUDIO_HOME: path.join(tmp.dir, 'fh-home'), CAPTURE_STUDIO_FACE_MODEL: path.join(tmp.dir, 'secret.txt') }, log: (l) => hostLogs.push(l) });
  });
  afterAll(async () => {
    await hub.close();
    await host.close();
  });

  it('serves only its page, the model by its key and the feed; bad frames close one socket; the feed still measures', async () => {
    const port = host.port;
    for (const [name, request, ok] of [
      ['//', req(port, '//'), [400]],
      ['absolute-form', req(port, 'http://evil.example/'), [400]],
      ['bad Host', req(port, '/frame-analyzer.html', { Host: 'attacker.example' }), [403]],
      ['foreign Origin', req(port, '/frame-analyzer.html', { Origin: 'http://evil.example' }), [403]],
      ['POST', req(port, '/frame-analyzer.html', {}, 'POST'), [405]],
      ['/models without key', req(port, '/models/face_landmarker.task'), [401]],
      ['/..%2fsecret.txt', req(port, '/..%2fsecret.txt'), [404]],
      ['no studio calls here', req(port, '/ws'), [200, 404]],
    ] as [string, string, number[]][]) {
      const r = await raw(port, request);
      expect(ok, `${name}: got ${r.status}`).toContain(r.status);
      expect(r.text).not.toContain('outside the renderer');
    }
    // With its key the model route answers (here the "model" is the variable's file).
    const model = await raw(port, req(port, `/models/face_landmarker.task?key=${hub.token}`));
    expect(model.status).toBe(200);
    // No studio lives here: no /ws to upgrade to.
    await expect(open(`ws://127.0.0.1:${port}/ws?token=${hub.token}`)).rejects.toThrow('404');
    const feed = `ws://127.0.0.1:${port}/frames?token=${hub.token}`;
    await expect(open(`ws://127.0.0.1:${port}/frames?token=nope`)).rejects.toThrow('401');
    await expect(open(feed, { Origin: 'http://evil.example' })).rejects.toThrow('403');
    for (const [name, send, code] of [
      ...FRAME_TABLE,
      ['binary where text is expected', (ws: WebSocket) => ws.send(new Uint8Array([1, 2, 3])), CLOSE.unsupported],
      ['an answer without an id', (ws: WebSocket) => ws.send('{"frame":{}}'), CLOSE.unsupported],
      ['over maxPayload', (ws: WebSocket) => rawSocket(ws).write(oversizeHeader(2 ** 33)), CLOSE.tooBig],
    ] as [string, (ws: WebSocket) => void, number][]) {
      expect(await closeCodeAfter(await open(feed), send), name).toBe(code);
    }
    // A well-behaved page still gets frames and its answer resolves the measurement.
    const page = await open(feed);
    page.on('message', (data: Buffer) => {
      const headLen = data.readUInt32LE(0);
      const header = JSON.parse(data.subarray(4, 4 + headLen).toString()) as { id: number };
      page.send(JSON.stringify({ id: header.id, frame: { size: { width: 2, height: 2 }, faces: [] } }));
    });
    page.send(JSON.stringify({ ready: true }));
    await hub.ready(10_000);
    const m = await hub.measure({ t: 0, width: 2, height: 2, rgba: new Uint8Array(16) });
    expect(m.faces).toEqual([]);
    // What a page says of its hand pass (shown in the report) is taken only in its shape; the
    // reason is cut to 300 characters. A frame's round trip after it: the answer was read by then.
    for (const [hands, want] of [
      [undefined, null],
      ['on', null],
      [{ on: 'yes' }, null],
      [{ on: true, error: 42 }, { on: true }],
      [{ on: false, error: 'x'.repeat(5000) }, { on: false, error: 'x'.repeat(300) }],
    ] as [unknown, unknown][]) {
      page.send(JSON.stringify({ ready: true, hands }));
      await hub.measure({ t: 0, width: 2, height: 2, rgba: new Uint8Array(16) });
      expect(hub.handPass(), JSON.stringify(hands)?.slice(0, 40)).toEqual(want);
    }
    page.close();
  });
});

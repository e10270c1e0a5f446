/**
 * The page the acceptance checker drives (headless Chromium for the CLI and serve mode): a pool of
 * the live monitor's vision workers, fed with frames main decodes, answering with each frame's
 * measurements. It connects back to the page's own origin with the token in its address.
 *
 * Address (#hash): token, workers (how many vision workers; main sizes it to the cores), mode and
 * delegate (auto | cpu | gpu).
 * The landmarker runs in IMAGE mode: each frame is measured on its own, so the answer cannot depend
 * on which worker got the frame or what it saw before (issue #15). `mode=VIDEO` (tracking) is
 * honoured with one worker only: the accuracy harness's comparison and the benchmark's "before".
 * Measured (accuracy helper): a clip concatenated with itself gives identical landmarks in both
 * halves in either mode (d14, d18, hamilton).
 *
 * GPU delegate (delegate.ts): the page always probes for a real GPU and says what it found; the CPU
 * pool measures unless delegate=gpu, where a real GPU (probeGpu) gets one GPU worker, trusted only
 * once it agrees with the CPU on the file's first frames. delegate=gpu-any tries it on any WebGL2,
 * software too (tests of the GPU path's answers, never its speed).
 */
import { decodeFrame, FRAME_FEED_ROUTE } from '../../../../shared/frame-feed';
import { VisionClient } from '../vision/vision-client';
import { DelegateChoice, type DelegateDecision } from './delegate';
import { probeGpu } from './gpu-probe';

const MAX_WORKERS = 8;

async function run(ws: WebSocket, opened: Promise<void>): Promise<void> {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const asked = Number(params.get('workers') ?? 1);
  const count = Number.isInteger(asked) ? Math.min(MAX_WORKERS, Math.max(1, asked)) : 1;
  const runningMode = params.get('mode') === 'VIDEO' && count === 1 ? 'VIDEO' : 'IMAGE';
  const wanted = params.get('delegate');
  // Started one after another: loading several wasm modules at once only competes for the cores.
  const cpu: VisionClient[] = [];
  for (let i = 0; i < count; i++) cpu.push(await VisionClient.create({ runningMode }));
  const choice = await DelegateChoice.start({
    wanted: wanted === 'gpu' || wanted === 'gpu-any' ? wanted : 'cpu',
    gpu: probeGpu(),
    runningMode,
    cpu,
    createGpu: () => VisionClient.create({ runningMode, delegate: 'GPU' }),
  });

  const measure = async (data: ArrayBuffer): Promise<void> => {
    let id = 0;
    try {
      const { header, rgba } = decodeFrame(data);
      id = header.id;
      // raw: the accuracy harness also wants the landmarker's raw result (never the checker).
      const r = await choice.analyse({ width: header.width, height: header.height, data: rgba }, header.timestampMs, header.raw === true);
      ws.send(JSON.stringify({ id, frame: r.frame, workerMs: r.totalMs, detectMs: r.detectMs, handMs: r.handMs, ...(r.raw ? { raw: r.raw } : {}) }));
    } catch (err) {
      ws.send(JSON.stringify({ id, error: (err as Error).message }));
    }
  };
  ws.onmessage = (ev) => void measure(ev.data as ArrayBuffer);
  await opened;
  // The hand pass runs only if it runs in every worker (a frame may go to any of them).
  const off = cpu.find((c) => !c.hands.on);
  ws.send(JSON.stringify({ ready: true, workers: count, mode: runningMode, hands: off ? off.hands : { on: true } }));
  const say = (d: DelegateDecision) => {
    document.body.dataset.delegate = d.delegate;
    ws.send(JSON.stringify({ delegate: d }));
  };
  // Decided already (CPU, no real GPU, or the GPU worker failed to start), or once verified.
  if (choice.decided) say(choice.decided);
  else choice.onDecided = say;
  document.body.dataset.state = 'running';
  document.body.dataset.workers = String(count);
}

// The socket first: a page that cannot start its workers says why over it (no DevTools client
// reads this page: headless-page.ts).
const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
const socket = new WebSocket(`${scheme}://${window.location.host}${FRAME_FEED_ROUTE}?token=${encodeURIComponent(token)}`);
socket.binaryType = 'arraybuffer';
const opened = new Promise<void>((resolve) => socket.addEventListener('open', () => resolve(), { once: true }));

run(socket, opened).catch(async (err: unknown) => {
  const message = (err as Error)?.message ?? String(err);
  document.body.dataset.state = 'failed';
  document.body.dataset.error = message;
  await opened;
  socket.send(JSON.stringify({ failed: message }));
});

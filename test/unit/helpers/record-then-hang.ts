/**
 * Records one video and one voice take in this process and then waits to be killed (SIGKILL), so a
 * test can recover what a real crash leaves: the raw files flushed chunk by chunk, the markers, the
 * take locks naming a pid that is gone. argv: <video bytes file> <pcm bytes file>; the PCM is sent
 * with one stray byte more (a sample cut in half by the crash).
 */
import { readFileSync } from 'node:fs';
import { createStudio } from '../../../src/main/studio';

const [videoFile, pcmFile] = process.argv.slice(2) as [string, string];
const devices = {
  camera: { deviceId: 'c', label: 'cam', width: 590, height: 590, frameRate: 25 },
  microphone: { deviceId: 'm', label: 'mic', sampleRate: 16000, channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
};
const ok = <T>(r: { ok: true; value: unknown } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
};

const a = createStudio({ mode: 'serve', env: process.env });
const b = createStudio({ mode: 'serve', env: process.env });
const shoot = ok<{ id: string }>(await a.dispatch('shoots.create', { name: 'killed', model: '' }));
const video = ok<{ id: string }>(
  await a.dispatch('recording.start', { shootId: shoot.id, mimeType: 'video/x-matroska', devices, preset: 'standard-short', checklist: [], bitsPerSecond: 1e6 }),
);
const voice = ok<{ id: string }>(
  await b.dispatch('recording.start', {
    kind: 'voice',
    shootId: shoot.id,
    format: { codec: 'pcm_s16le', sampleRate: 16000, channels: 1 },
    devices: { microphone: devices.microphone },
  }),
);
const send = async (studio: typeof a, takeId: string, bytes: Buffer, size: number) => {
  for (let i = 0, seq = 0; i < bytes.length; i += size, seq++) {
    ok(await studio.dispatch('recording.chunk', { shootId: shoot.id, takeId, seq, data: new Uint8Array(bytes.subarray(i, i + size)) }));
  }
};
const vbytes = readFileSync(videoFile);
await send(a, video.id, vbytes.subarray(0, Math.floor(vbytes.length * 0.9)), Math.ceil(vbytes.length / 5));
ok(await a.dispatch('recording.marker', { shootId: shoot.id, takeId: video.id, marker: { id: 'f1', kind: 'flub', t: 1.2 } }));
await send(b, voice.id, Buffer.concat([readFileSync(pcmFile), Buffer.from([0x7f])]), 9001);
process.stdout.write(JSON.stringify({ shootId: shoot.id, video: video.id, voice: voice.id }) + '\n');
setInterval(() => {}, 1000);

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Take } from '../../../../shared/api';
import type { VoiceStartRole } from '../../../../shared/voice/take-role';
import { studio } from '../../api/client';
// A file of its own (never inlined as a data: URL, which the CSP's script-src 'self' refuses).
import workletUrl from './pcm-capture.worklet.js?url&no-inline';

/** What the microphone really gives (getSettings), saved with the take. */
export interface MicReport {
  deviceId: string;
  label: string;
  sampleRate: number | null;
  channelCount: number | null;
  echoCancellation: boolean | null;
  noiseSuppression: boolean | null;
  autoGainControl: boolean | null;
}

interface Block {
  pcm: Float32Array;
  peak: number;
  rms: number;
  clipped: number;
}

type Listener = (b: Block) => void;


/**
 * §8.3 lossless, unprocessed capture: the microphone with echo cancellation, noise suppression and
 * auto gain OFF at its native rate (48 kHz asked for), an AudioContext at that same rate (so
 * nothing resamples) and an AudioWorklet that hands over the float samples as they are. A voice
 * take streams them through recording.chunk (pcm_f32le, one chunk a second) into the take
 * lifecycle's chunk sink; main writes take.wav from exactly those bytes.
 */
export function useVoiceCapture(deviceId: string | null, onError: (err: unknown) => void) {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [report, setReport] = useState<MicReport | null>(null);
  const [rate, setRate] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const ctxRef = useRef<AudioContext | null>(null);
  const channelsRef = useRef(1);
  const listeners = useRef(new Set<Listener>());

  useEffect(() => {
    let closed = false;
    let ctx: AudioContext | null = null;
    let s: MediaStream | null = null;
    void (async () => {
      try {
        s = await navigator.mediaDevices.getUserMedia({
          audio: {
            ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
            echoCancellation: false,
            noiseSuppression: false,
            autoGainControl: false,
            sampleRate: { ideal: 48_000 },
            channelCount: { ideal: 1 },
          },
        });
        const track = s.getAudioTracks()[0]!;
        const st = track.getSettings();
        // The context runs at the track's own rate: no resampling between microphone and file.
        ctx = new AudioContext(st.sampleRate ? { sampleRate: st.sampleRate } : {});
        await ctx.audioWorklet.addModule(workletUrl);
        if (closed) return;
        const channels = Math.max(1, Math.min(2, st.channelCount ?? 1));
        channelsRef.current = channels;
        const source = ctx.createMediaStreamSource(s);
        const node = new AudioWorkletNode(ctx, 'pcm-capture', { processorOptions: { channels }, channelCount: channels, channelCountMode: 'explicit', numberOfOutputs: 1 });
        node.port.onmessage = (ev: MessageEvent<Block>) => {
          for (const l of listeners.current) l(ev.data);
        };
        // A silent sink keeps the graph pulling the worklet; nothing is played back.
        const mute = ctx.createGain();
        mute.gain.value = 0;
        source.connect(node).connect(mute).connect(ctx.destination);
        ctxRef.current = ctx;
        setRate(ctx.sampleRate);
        setReport({
          deviceId: st.deviceId ?? '',
          label: track.label.slice(0, 500),
          sampleRate: st.sampleRate ?? null,
          channelCount: st.channelCount ?? null,
          echoCancellation: st.echoCancellation ?? null,
          noiseSuppression: st.noiseSuppression ?? null,
          autoGainControl: st.autoGainControl ?? null,
        });
        setStream(s);
        setProblem(null);
      } catch (err) {
        setProblem((err as Error).message || (err as Error).name || String(err));
      }
    })();
    return () => {
      closed = true;
      s?.getTracks().forEach((t) => t.stop());
      void ctx?.close().catch(() => {});
      ctxRef.current = null;
      setStream(null);
    };
  }, [deviceId]);

  const listen = useCallback((l: Listener) => {
    listeners.current.add(l);
    void ctxRef.current?.resume().catch(() => {});
    return () => listeners.current.delete(l);
  }, []);

  /** §8.1: 5 s of the room with nobody speaking; the power mean in dBFS. */
  const measureRoomTone = useCallback(
    (seconds: number, onTick: (fraction: number) => void) =>
      new Promise<number>((resolve) => {
        let sum = 0;
        let n = 0;
        const need = seconds * 10;
        const off = listen((b) => {
          sum += b.rms * b.rms;
          n++;
          onTick(Math.min(1, n / need));
          if (n >= need) {
            off();
            resolve(sum > 0 ? 10 * Math.log10(sum / n) : -120);
          }
        });
      }),
    [listen],
  );

  /** Starts a voice take; returns stop(). `onBlock` sees each block (live speech estimate). */
  const record = useCallback(
    async (shootId: string, voice: VoiceStartRole, onBlock: (b: Block) => void): Promise<() => Promise<Take>> => {
      const ctx = ctxRef.current;
      if (!ctx || !report) throw new Error('The microphone is not open');
      await ctx.resume();
      const take = await studio.call('recording.start', {
        kind: 'voice',
        shootId,
        format: { codec: 'pcm_f32le', sampleRate: ctx.sampleRate, channels: channelsRef.current },
        devices: { microphone: report },
        checklist: [],
        voice,
      });
      let seq = 0;
      let pending: Float32Array[] = [];
      let pendingLen = 0;
      let queue = Promise.resolve();
      let failed = false;
      const send = () => {
        if (pendingLen === 0 || failed) return;
        const all = new Float32Array(pendingLen);
        let o = 0;
        for (const p of pending) {
          all.set(p, o);
          o += p.length;
        }
        pending = [];
        pendingLen = 0;
        const n = seq++;
        // Float32Array memory is little-endian on every platform Chromium runs on: pcm_f32le.
        const data = new Uint8Array(all.buffer);
        queue = queue.then(async () => {
          if (failed) return;
          try {
            await studio.call('recording.chunk', { shootId, takeId: take.id, seq: n, data });
          } catch (err) {
            failed = true;
            onError(err);
          }
        });
      };
      const off = listen((b) => {
        pending.push(b.pcm);
        pendingLen += b.pcm.length;
        onBlock(b);
        if (pendingLen >= ctx.sampleRate * channelsRef.current) send();
      });
      return async () => {
        off();
        send();
        await queue;
        return studio.call('recording.stop', { shootId, takeId: take.id });
      };
    },
    [listen, report, onError],
  );

  return { stream, report, rate, problem, listen, measureRoomTone, record };
}

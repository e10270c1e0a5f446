import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeviceReport } from '../../../../shared/api';
import { CAPTURE_FORMAT } from '../../../../shared/standards';

export type DeviceProblem = 'permission-denied' | 'in-use' | 'not-found' | { message: string };

export interface MediaDevicesState {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
  cameraId: string | null;
  microphoneId: string | null;
  stream: MediaStream | null;
  report: DeviceReport | null;
  cameraProblem: DeviceProblem | null;
  microphoneProblem: DeviceProblem | null;
  opening: boolean;
  setCameraId(id: string): void;
  setMicrophoneId(id: string): void;
}

const CAMERA_KEY = 'capture-studio.camera';
const MIC_KEY = 'capture-studio.microphone';

/** §1.2.2: ask for 1080×1920 portrait at 25 fps; the device answers with what it can do. */
function videoConstraints(deviceId: string | null): MediaTrackConstraints {
  return {
    ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
    width: { ideal: CAPTURE_FORMAT.width },
    height: { ideal: CAPTURE_FORMAT.height },
    frameRate: { ideal: CAPTURE_FORMAT.fps },
  };
}

/** The platform trains on the voice as the microphone hears it: no browser processing. */
function audioConstraints(deviceId: string | null): MediaTrackConstraints {
  return {
    ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
    echoCancellation: false,
    noiseSuppression: false,
    autoGainControl: false,
    sampleRate: { ideal: 48_000 },
  };
}

function classify(err: unknown): DeviceProblem {
  const name = (err as { name?: string })?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'permission-denied';
  if (name === 'NotReadableError' || name === 'AbortError') return 'in-use';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'not-found';
  return { message: (err as Error)?.message ?? String(err) };
}

async function open(kind: 'video' | 'audio', deviceId: string | null): Promise<MediaStreamTrack> {
  const constraints = kind === 'video' ? { video: videoConstraints(deviceId) } : { audio: audioConstraints(deviceId) };
  const stream = await navigator.mediaDevices.getUserMedia(constraints);
  const track = stream.getTracks()[0];
  if (!track) throw Object.assign(new Error('no track'), { name: 'NotFoundError' });
  return track;
}

function buildReport(video: MediaStreamTrack, audio: MediaStreamTrack): DeviceReport {
  const v = video.getSettings();
  const a = audio.getSettings();
  return {
    camera: {
      deviceId: v.deviceId ?? '',
      label: video.label,
      width: v.width ?? 0,
      height: v.height ?? 0,
      frameRate: Math.round((v.frameRate ?? 0) * 100) / 100,
    },
    microphone: {
      deviceId: a.deviceId ?? '',
      label: audio.label,
      sampleRate: a.sampleRate ?? null,
      channelCount: a.channelCount ?? null,
      echoCancellation: typeof a.echoCancellation === 'boolean' ? a.echoCancellation : null,
      noiseSuppression: a.noiseSuppression ?? null,
      autoGainControl: a.autoGainControl ?? null,
    },
  };
}

/**
 * Camera and microphone, opened separately so that a missing microphone does not hide a working
 * camera (and the reverse); the choice persists; unplugging or plugging a device updates the lists.
 */
export function useMediaDevices(): MediaDevicesState {
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [microphones, setMicrophones] = useState<MediaDeviceInfo[]>([]);
  const [cameraId, setCameraIdState] = useState<string | null>(() => localStorage.getItem(CAMERA_KEY));
  const [microphoneId, setMicrophoneIdState] = useState<string | null>(() => localStorage.getItem(MIC_KEY));
  const [video, setVideo] = useState<MediaStreamTrack | null>(null);
  const [audio, setAudio] = useState<MediaStreamTrack | null>(null);
  const [cameraProblem, setCameraProblem] = useState<DeviceProblem | null>(null);
  const [microphoneProblem, setMicrophoneProblem] = useState<DeviceProblem | null>(null);
  const [opening, setOpening] = useState(true);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const generation = useRef(0);

  const enumerate = useCallback(async () => {
    const all = await navigator.mediaDevices.enumerateDevices();
    setCameras(all.filter((d) => d.kind === 'videoinput' && d.deviceId));
    setMicrophones(all.filter((d) => d.kind === 'audioinput' && d.deviceId));
  }, []);

  useEffect(() => {
    const gen = ++generation.current;
    let v: MediaStreamTrack | null = null;
    let a: MediaStreamTrack | null = null;
    setOpening(true);
    void (async () => {
      // A stored id of an unplugged device falls back to the default one.
      const tryOpen = async (kind: 'video' | 'audio', id: string | null) => {
        try {
          return await open(kind, id);
        } catch (err) {
          if (id && classify(err) === 'not-found') return open(kind, null);
          throw err;
        }
      };
      const [vr, ar] = await Promise.allSettled([tryOpen('video', cameraId), tryOpen('audio', microphoneId)]);
      if (gen !== generation.current) {
        if (vr.status === 'fulfilled') vr.value.stop();
        if (ar.status === 'fulfilled') ar.value.stop();
        return;
      }
      v = vr.status === 'fulfilled' ? vr.value : null;
      a = ar.status === 'fulfilled' ? ar.value : null;
      setCameraProblem(vr.status === 'rejected' ? classify(vr.reason) : null);
      setMicrophoneProblem(ar.status === 'rejected' ? classify(ar.reason) : null);
      setVideo(v);
      setAudio(a);
      const s = new MediaStream([v, a].filter((t): t is MediaStreamTrack => t !== null));
      setStream(s);
      await enumerate();
      setOpening(false);
    })();
    return () => {
      v?.stop();
      a?.stop();
    };
  }, [cameraId, microphoneId, enumerate]);

  useEffect(() => {
    const onChange = () => void enumerate();
    navigator.mediaDevices.addEventListener('devicechange', onChange);
    return () => navigator.mediaDevices.removeEventListener('devicechange', onChange);
  }, [enumerate]);

  const report = video && audio ? buildReport(video, audio) : null;

  return {
    cameras,
    microphones,
    cameraId: video?.getSettings().deviceId ?? cameraId,
    microphoneId: audio?.getSettings().deviceId ?? microphoneId,
    stream,
    report,
    cameraProblem: video ? null : cameraProblem,
    microphoneProblem: audio ? null : microphoneProblem,
    opening,
    setCameraId: (id) => {
      localStorage.setItem(CAMERA_KEY, id);
      setCameraIdState(id);
    },
    setMicrophoneId: (id) => {
      localStorage.setItem(MIC_KEY, id);
      setMicrophoneIdState(id);
    },
  };
}

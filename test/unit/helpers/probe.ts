/** A probe of a clean delivery file (1080×1920 H.264 25 fps, AAC 48 kHz), with what a test changes. */
import type { ProbeResult, VideoFacts } from '../../../src/shared/probe';

export const rate = (num: number, den = 1) => ({ num, den, fps: num / den });

export function video(over: Partial<VideoFacts> = {}): VideoFacts {
  return {
    codec: 'h264',
    profile: 'High',
    width: 1080,
    height: 1920,
    rotation: 0,
    displayWidth: 1080,
    displayHeight: 1920,
    rFrameRate: rate(25),
    avgFrameRate: rate(25),
    vfr: false,
    pixelFormat: 'yuv420p',
    bitDepth: 8,
    hdr: 'none',
    colorTransfer: 'bt709',
    colorPrimaries: 'bt709',
    colorSpace: 'bt709',
    frameCount: 250,
    ...over,
  };
}

/** `v` null: a file without video. */
export function probe(over: Partial<ProbeResult> = {}, v: Partial<VideoFacts> | null = {}): ProbeResult {
  return {
    file: '/x/take.mp4',
    container: 'mp4',
    formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
    durationSec: 10,
    sizeBytes: 1000,
    bitRate: null,
    video: v === null ? null : video(v),
    audio: { codec: 'aac', sampleRate: 48_000, channels: 2, channelLayout: 'stereo' },
    ...over,
  };
}

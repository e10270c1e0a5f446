/**
 * MediaRecorder formats in order of preference. H.264 first: the delivery encode then starts from
 * the codec it ends in. Chromium has no AAC in MediaRecorder, so audio is Opus; ffmpeg makes AAC.
 */
const CANDIDATES = [
  'video/x-matroska;codecs=avc1,opus',
  'video/webm;codecs=h264,opus',
  'video/mp4;codecs=avc1,opus',
  'video/webm;codecs=vp9,opus',
  'video/webm;codecs=vp8,opus',
  'video/webm',
];

export function pickRecordingMime(isSupported: (t: string) => boolean = (t) => MediaRecorder.isTypeSupported(t)): string | null {
  return CANDIDATES.find((t) => isSupported(t)) ?? null;
}

/**
 * The collection standard (../shared/seed/collection-standards.md) as data. Every duration, rate and
 * threshold the app enforces lives here once, with the section it comes from. Nothing else in the
 * code base may restate these numbers.
 */

/** §1.2.2 "Record at 1080×1920 resolution, 25fps, in portrait mode"; §1.1.2 recommends portrait. */
export const CAPTURE_FORMAT = {
  section: '§1.2.2',
  width: 1080,
  height: 1920,
  fps: 25,
} as const;

/** §1.2.5 / §7.1 "FPS requirement: 25fps": the delivery file is exactly 25/1 constant frame rate. */
export const DELIVERY_FPS = { section: '§7.1', num: 25, den: 1 } as const;

/** One frame at the delivery rate; phase markers and action times are multiples of it (§5.3). */
export const FRAME_SECONDS = DELIVERY_FPS.den / DELIVERY_FPS.num;

/** §1.2.5 / §7.1 "Format requirement: MP4; MOV format is not supported." */
export const DELIVERY_CONTAINER = { section: '§7.1', container: 'mp4' } as const;

/**
 * §1.2.5 / §7.1 "1080P is recommended; 4K is supported". Measured on the short side so that
 * portrait and landscape are treated alike (§7.1: landscape is also supported).
 */
export const DELIVERY_RESOLUTIONS = {
  section: '§7.1',
  shortSides: [1080, 2160] as readonly number[],
} as const;

/**
 * Audio of the delivery file. The standard asks for clear, synchronised on-site audio (§1.2.2) but
 * names no rate; 48 kHz AAC is the video-production norm and what the platform's MP4 expects.
 */
export const DELIVERY_AUDIO = { section: '§1.2.2', codec: 'aac', sampleRate: 48_000 } as const;

/**
 * Recording quality, chosen so the delivery encode cannot be spoiled by the capture (DESIGN.md:
 * ≥ 20 Mbit/s at 1080×1920). Not from the standard: an engineering floor.
 */
export const RECORDING_VIDEO_BITS_PER_SECOND = 20_000_000;
export const RECORDING_AUDIO_BITS_PER_SECOND = 256_000;

/** How often the renderer hands recorded media to main: at least once a second (crash safety). */
export const RECORDING_CHUNK_MS = 1000;

/** Frame-rate tolerance when deciding that a stream "is" 25 fps or that r and avg rates differ. */
export const FPS_TOLERANCE = 0.01;

/**
 * ffmpeg's stderr in plain words. The first matching rule wins, so the more specific rules come
 * first. Returns null when nothing is recognised; the caller then shows the stderr lines alone.
 */

export interface ExplainContext {
  /**
   * Whether the file starts like an MP4/MOV (an ISO-BMFF box). Needed because ffmpeg picks its
   * demuxer by extension: a text file named .mp4 also yields "moov atom not found".
   */
  looksLikeMp4?: boolean;
}

export const NOT_MEDIA_WORDS = 'not a media file ffmpeg can read';
export const TRUNCATED_WORDS =
  'the file is truncated or was not finished (no index/moov atom) — it may be an interrupted recording';
const TRUNCATED_OR_NOT_MP4_WORDS =
  'the file has no index (moov atom): it is truncated, e.g. an interrupted recording, or not an MP4 at all';

export function isDiskFull(stderr: string): boolean {
  return /No space left on device|ENOSPC/i.test(stderr);
}

export interface Explanation {
  words: string;
  hint?: string;
}

const TRUNCATED_HINT =
  'An MP4 can only be read once it was finished. Use the original recording, or record the take again.';
const NOT_MEDIA_HINT = 'Choose a video or audio file (MP4, MOV, MKV, WebM…).';

export function explainFfmpegError(stderr: string, ctx: ExplainContext = {}): Explanation | null {
  const words = plainWords(stderr, ctx);
  if (words === null) return null;
  if (words === TRUNCATED_WORDS || words === TRUNCATED_OR_NOT_MP4_WORDS) return { words, hint: TRUNCATED_HINT };
  if (words === NOT_MEDIA_WORDS) return { words, hint: NOT_MEDIA_HINT };
  return { words };
}

function plainWords(stderr: string, ctx: ExplainContext): string | null {
  if (isDiskFull(stderr)) return 'the disk is full';
  if (/moov atom not found/i.test(stderr)) {
    if (ctx.looksLikeMp4 === undefined) return TRUNCATED_OR_NOT_MP4_WORDS;
    return ctx.looksLikeMp4 ? TRUNCATED_WORDS : NOT_MEDIA_WORDS;
  }
  if (/Invalid data found when processing input|could not find codec parameters|EBML header parsing failed/i.test(stderr)) {
    return NOT_MEDIA_WORDS;
  }
  if (/Permission denied/i.test(stderr)) return 'permission denied: ffmpeg may not read the input or write the output';
  if (/No such file or directory/i.test(stderr)) return 'a file or folder ffmpeg needs does not exist';
  if (/matches no streams/i.test(stderr)) return 'the input has no stream of the kind needed (e.g. no video)';
  const encoder = /Unknown encoder '([^']+)'|Encoder \(?([\w-]+)\)? not found/i.exec(stderr);
  if (encoder) return `this ffmpeg build has no ${encoder[1] ?? encoder[2]} encoder`;
  const option = /Unrecognized option '([^']+)'/i.exec(stderr);
  if (option) return `this ffmpeg does not know the option -${option[1]} (it may be too old)`;
  if (/not divisible by 2/i.test(stderr)) return 'the picture size is odd; H.264 4:2:0 needs even width and height';
  return null;
}

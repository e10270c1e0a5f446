import { z } from 'zod';

/**
 * Error codes a user can meet. The UI translates the code (errors.<code> in the locale files) and
 * shows `message` (English, from main) as the detail; `hint` says what to do.
 */
export const ErrorCodeSchema = z.enum([
  'bad-argument', // a call did not match the contract
  'unknown-method',
  'not-found', // a shoot, take or file that is not there
  'unreadable-media', // ffprobe/ffmpeg cannot read the file
  'ffmpeg-missing',
  'ffmpeg-failed',
  'disk-full',
  'io', // any other file-system failure
  'busy', // e.g. a take is already recording
  'cancelled',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const StudioErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  hint: z.string().optional(),
  /** Which argument was wrong, for bad-argument. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type StudioErrorShape = z.infer<typeof StudioErrorSchema>;

/** Thrown by services and clients alike; crosses the contract as its plain shape. */
export class StudioError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly issues?: StudioErrorShape['issues'];

  constructor(code: ErrorCode, message: string, extra: { hint?: string; issues?: StudioErrorShape['issues'] } = {}) {
    super(message);
    this.name = 'StudioError';
    this.code = code;
    this.hint = extra.hint;
    this.issues = extra.issues;
  }

  toShape(): StudioErrorShape {
    const shape: StudioErrorShape = { code: this.code, message: this.message };
    if (this.hint) shape.hint = this.hint;
    if (this.issues) shape.issues = this.issues;
    return shape;
  }

  static from(shape: StudioErrorShape): StudioError {
    return new StudioError(shape.code, shape.message, { hint: shape.hint, issues: shape.issues });
  }
}

/** Turn anything thrown into the contract's error shape, never leaking a stack to the UI. */
export function toErrorShape(err: unknown): StudioErrorShape {
  if (err instanceof StudioError) return err.toShape();
  const e = err as { code?: string; message?: string } | undefined;
  if (e?.code === 'ENOSPC') return { code: 'disk-full', message: e.message ?? 'The disk is full' };
  if (e?.code === 'ENOENT') return { code: 'not-found', message: e.message ?? 'Not found' };
  if (e?.code && /^E[A-Z]+$/.test(e.code)) return { code: 'io', message: e.message ?? e.code };
  return { code: 'internal', message: e?.message ?? String(err) };
}

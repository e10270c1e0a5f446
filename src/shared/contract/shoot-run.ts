import { z } from 'zod';
import { IdSchema, MarkerSchema, TakeSchema } from '../api-schemas';

/** Running a shoot: markers during a take, take management, disk space before Record. */
export const shootRunMethods = {
  'recording.marker': {
    input: z.object({ shootId: IdSchema, takeId: IdSchema, marker: MarkerSchema }).strict(),
    output: MarkerSchema,
  },
  'takes.rename': {
    input: z.object({ shootId: IdSchema, takeId: IdSchema, name: z.string().trim().min(1).max(120) }).strict(),
    output: TakeSchema,
  },
  'takes.star': {
    input: z.object({ shootId: IdSchema, takeId: IdSchema, starred: z.boolean() }).strict(),
    output: TakeSchema,
  },
  /** Moves the take's folder to the system trash (never deletes); the UI confirms first. */
  'takes.trash': {
    input: z.object({ shootId: IdSchema, takeId: IdSchema }).strict(),
    output: z.object({ trashedTo: z.string() }),
  },
  'disk.space': {
    input: z.object({ shootId: IdSchema, bitsPerSecond: z.number().positive().max(1e9), plannedSeconds: z.number().nonnegative().max(86_400) }).strict(),
    output: z.object({
      freeBytes: z.number(),
      neededBytes: z.number(),
      fits: z.boolean(),
      secondsLeft: z.number(),
      folder: z.string(),
    }),
  },
} as const;

export const shootRunEvents = {
  /** A take interrupted by a crash was rebuilt at start-up. */
  'takes.recovered': z.object({ shootId: IdSchema, takeId: IdSchema, seconds: z.number().nullable() }),
} as const;

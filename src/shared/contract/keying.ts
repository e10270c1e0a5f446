import { z } from 'zod';
import { IdSchema } from '../api-schemas';
import { GreenParamsSchema } from '../green-params';

/**
 * The keying preview's parameters (greenParams, §1.3.3), kept per shoot in
 * `<shoot>/green-params.json` — the exact "Copy Parameters" JSON — so that takes and the export
 * task use what the operator set. Each new take gets a copy in `<take>/green-params.json` when it
 * starts recording, so later changes do not rewrite what an earlier take was shot with.
 */
export const KeyingParamsStateSchema = z.object({
  params: GreenParamsSchema,
  /** Where the parameters came from: the take's copy, the shoot's file, or the §1.3.3 defaults. */
  source: z.enum(['take', 'shoot', 'default']),
  /** The file they were read from or written to (null for defaults). */
  file: z.string().nullable(),
  /** ISO time of the last save (the file's modification time), null for defaults. */
  savedAt: z.string().nullable(),
  /** A file that exists but is not valid greenParams: what is wrong with it (the defaults are used). */
  problem: z.string().nullable(),
});
export type KeyingParamsState = z.infer<typeof KeyingParamsStateSchema>;

export const keyingMethods = {
  /** The shoot's parameters, or a take's own copy when takeId is given and it has one. */
  'keying.getParams': {
    input: z.object({ shootId: IdSchema, takeId: IdSchema.optional() }).strict(),
    output: KeyingParamsStateSchema,
  },
  /** Validate and save the shoot's parameters (main validates again: the schema names bad keys). */
  'keying.setParams': {
    input: z.object({ shootId: IdSchema, params: GreenParamsSchema }).strict(),
    output: KeyingParamsStateSchema,
  },
} as const;

export const keyingEvents = {
  /** A client saved new parameters for a shoot: other windows follow. */
  'keying.params-changed': z.object({ shootId: IdSchema, params: GreenParamsSchema }),
} as const;

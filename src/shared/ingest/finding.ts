import { z } from 'zod';

/**
 * One finding about a file, the shape every check in the studio reports (CONTRIBUTING.md):
 * `start`/`end` are seconds into the file, both null when the finding is about the whole file.
 * `message` is English for logs and the CLI; the UI translates `rule` with `values`.
 */
export const FindingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warn', 'info']),
  section: z.string(),
  start: z.number().nullable(),
  end: z.number().nullable(),
  message: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;
export type Severity = Finding['severity'];

/**
 * task.json: the parameters the platform's avatar training form asks for (§5.3, §6), one zod schema.
 * Keys are the camelCase of §5.3's field names so batch tools can rely on them; times are seconds on
 * the 25-fps grid (frames.ts). A null time or transition means "leave the platform's field empty /
 * at its default" (§5.3: an empty video start/end is detected by the platform; transition delay and
 * transition: "default value is recommended" — the standard gives neither their unit nor their
 * values, so the studio never invents one).
 */
import { z } from 'zod';
import { GreenParamsSchema } from '../green-params';
import { VIDEO_SCALE_RATIO } from '../standards';
import { GRID_FPS, MAX_TASK_SECONDS } from './frames';

/** §5.3 Model Type: Quick, Digital Human (standard), Premium, Motion-editable. */
export const ModelTypeSchema = z.enum(['quick', 'standard', 'premium', 'motion']);
export type ModelType = z.infer<typeof ModelTypeSchema>;

/** §5.3 Specification Type: "Standard" = 2K lip clarity, "Ultra HD" = 4K. */
export const SpecificationSchema = z.enum(['standard', 'ultra']);
export type Specification = z.infer<typeof SpecificationSchema>;

/** §5.3 Lip Training Version: universal and/or original; both recommended, universal first. */
export const LipVersionSchema = z.enum(['universal', 'original']);
export type LipVersion = z.infer<typeof LipVersionSchema>;
export const LIP_VERSION_ORDER: readonly LipVersion[] = ['universal', 'original'];

/** §5.3 Green Screen Segmentation Method. */
export const SegmentationSchema = z.enum(['none', 'greenscreen', 'portrait', 'greenscreen-post']);
export type Segmentation = z.infer<typeof SegmentationSchema>;

/** Segmentations that key with the greenParams (§1.3.3). */
export const GREEN_SEGMENTATIONS: readonly Segmentation[] = ['greenscreen', 'greenscreen-post'];

/** A whole number of 25-fps frames, in seconds (10.4, never 10.42). */
export function isOnGrid(seconds: number): boolean {
  const f = seconds * GRID_FPS;
  return Math.abs(f - Math.round(f)) < 1e-6;
}

const GridTime = z
  .number()
  .nonnegative('a time is 0 or more seconds')
  .max(MAX_TASK_SECONDS)
  .refine(isOnGrid, { message: `must be a whole number of frames at ${GRID_FPS} fps (e.g. 10.4, not 10.42)` });

export const TaskActionSchema = z
  .object({
    name: z.string().trim().min(1, 'an action needs a name').max(100),
    start: GridTime,
    end: GridTime,
    notes: z.string().max(500),
  })
  .strict();
export type TaskAction = z.infer<typeof TaskActionSchema>;

export const TaskSchema = z
  .object({
    characterName: z.string().trim().min(1, 'the character name is needed').max(100),
    modelType: ModelTypeSchema,
    specification: SpecificationSchema,
    lipVersions: z
      .array(LipVersionSchema)
      .min(1, 'choose at least one lip version')
      .max(2)
      .refine((v) => new Set(v).size === v.length, 'each lip version once')
      .refine((v) => v.length < 2 || v[0] === 'universal', 'universal lip sync first (§5.3: priority on universal)'),
    segmentation: SegmentationSchema,
    scaleRatio: z.number().min(VIDEO_SCALE_RATIO.min).max(VIDEO_SCALE_RATIO.max),
    videoStart: GridTime.nullable(),
    videoEnd: GridTime.nullable(),
    staticStart: GridTime.nullable(),
    staticEnd: GridTime.nullable(),
    dynamicStart: GridTime.nullable(),
    dynamicEnd: GridTime.nullable(),
    transitionDelay: z.number().nonnegative().max(3600).nullable(),
    transition: z.string().max(100).nullable(),
    actions: z.array(TaskActionSchema).max(200),
    greenParams: GreenParamsSchema.nullable(),
  })
  .strict();
export type Task = z.infer<typeof TaskSchema>;

/** The keys of task.json, in the order they are written. */
export const TASK_KEYS = Object.keys(TaskSchema.shape) as (keyof Task)[];

/** A time as the operator gives it: seconds (number or text) or `SS:FF` / `MM:SS:FF` text. */
export const TimeInputSchema = z.union([z.number(), z.string().max(40)]).nullable();

/**
 * PARAMS.json of the CLI and the review screen's form: the same keys as task.json, times in any
 * spelling frames.ts reads, most fields optional (defaults: §5.3's recommendations). `update` names
 * the existing model's type and segmentation when this is an update task (§6.2).
 */
export const TaskParamsSchema = z
  .object({
    characterName: z.string().max(100),
    modelType: ModelTypeSchema.default('standard'),
    /** null: suggested from the video's resolution. */
    specification: SpecificationSchema.nullable().default(null),
    lipVersions: z.array(LipVersionSchema).min(1).max(2).default(['universal', 'original']),
    segmentation: SegmentationSchema.default('none'),
    scaleRatio: z.number().min(VIDEO_SCALE_RATIO.min).max(VIDEO_SCALE_RATIO.max).default(VIDEO_SCALE_RATIO.default),
    videoStart: TimeInputSchema.default(null),
    videoEnd: TimeInputSchema.default(null),
    staticStart: TimeInputSchema.default(null),
    staticEnd: TimeInputSchema.default(null),
    dynamicStart: TimeInputSchema.default(null),
    dynamicEnd: TimeInputSchema.default(null),
    transitionDelay: z.number().nonnegative().max(3600).nullable().default(null),
    transition: z.string().max(100).nullable().default(null),
    actions: z
      .array(
        z
          .object({
            name: z.string().max(100),
            start: TimeInputSchema,
            end: TimeInputSchema,
            notes: z.string().max(500).default(''),
          })
          .strict(),
      )
      .max(200)
      .default([]),
    greenParams: z.unknown().optional(),
    update: z.object({ modelType: ModelTypeSchema, segmentation: SegmentationSchema }).strict().nullable().default(null),
  })
  .strict();
export type TaskParamsInput = z.input<typeof TaskParamsSchema>;
export type TaskParams = z.output<typeof TaskParamsSchema>;

/** task.json as written: the keys in TASK_KEYS order, two-space indented, a final newline. */
export function formatTaskJson(task: Task): string {
  const ordered: Record<string, unknown> = {};
  for (const k of TASK_KEYS) ordered[k] = task[k];
  return JSON.stringify(ordered, null, 2) + '\n';
}

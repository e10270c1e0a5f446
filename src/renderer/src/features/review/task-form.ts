/**
 * The review screen's task form: what the operator types (times as text, any spelling frames.ts
 * reads), turned into TaskParams for buildTask (inline findings) and export.start.
 */
import type { GreenParams } from '../../../../shared/green-params';
import type { Take } from '../../../../shared/api';
import { formatSsFf, secondsToFrames } from '../../../../shared/task/frames';
import { segmentDefaults } from '../../../../shared/task/markers';
import type { ModelType, Segmentation, TaskParamsInput } from '../../../../shared/task/schema';

export interface ActionRow {
  name: string;
  start: string;
  end: string;
  notes: string;
}

export interface TaskForm {
  characterName: string;
  modelType: ModelType;
  specification: 'auto' | 'standard' | 'ultra';
  lipUniversal: boolean;
  lipOriginal: boolean;
  segmentation: Segmentation;
  scaleRatio: string;
  videoStart: string;
  videoEnd: string;
  staticStart: string;
  staticEnd: string;
  dynamicStart: string;
  dynamicEnd: string;
  transitionDelay: string;
  transition: string;
  actions: ActionRow[];
  update: boolean;
  updateModelType: ModelType;
  updateSegmentation: Segmentation;
}

export type TimeField = 'videoStart' | 'videoEnd' | 'staticStart' | 'staticEnd' | 'dynamicStart' | 'dynamicEnd';

/** The take's preset → the platform's model type (§1–§4 → §5.3). */
export function modelTypeForPreset(preset: string | undefined): ModelType {
  if (preset === 'quick') return 'quick';
  if (preset === 'premium') return 'premium';
  if (preset?.startsWith('motion')) return 'motion';
  return 'standard';
}

const ssff = (t: number | null) => (t === null ? '' : formatSsFf(secondsToFrames(t)));

export function initialForm(opts: { name: string; take: Take | null; durationSec: number; greenParams: GreenParams | null }): TaskForm {
  const d = segmentDefaults(opts.take?.markers ?? [], opts.take?.phases ?? [], opts.durationSec);
  const modelType = modelTypeForPreset(opts.take?.preset);
  const segmentation: Segmentation = opts.greenParams && modelType !== 'quick' ? 'greenscreen' : 'none';
  return {
    characterName: opts.name,
    modelType,
    specification: 'auto',
    lipUniversal: true,
    lipOriginal: true,
    segmentation,
    scaleRatio: '1',
    videoStart: '',
    videoEnd: '',
    staticStart: ssff(d.staticStart),
    staticEnd: ssff(d.staticEnd),
    dynamicStart: ssff(d.dynamicStart),
    dynamicEnd: ssff(d.dynamicEnd),
    transitionDelay: '',
    transition: '',
    actions: d.actions.map((a) => ({ name: a.name, start: ssff(a.start), end: ssff(a.end), notes: a.notes })),
    update: false,
    updateModelType: modelType,
    updateSegmentation: segmentation,
  };
}

/** Markers → actions again (the "from markers" button), keeping the rest of the form. */
export function actionsFromTake(take: Take | null, durationSec: number): ActionRow[] {
  return segmentDefaults(take?.markers ?? [], take?.phases ?? [], durationSec).actions.map((a) => ({ name: a.name, start: ssff(a.start), end: ssff(a.end), notes: a.notes }));
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export function toParams(f: TaskForm, greenParams: GreenParams | null): TaskParamsInput {
  const lip = [...(f.lipUniversal ? ['universal' as const] : []), ...(f.lipOriginal ? ['original' as const] : [])];
  const delay = f.transitionDelay.trim() === '' ? null : Number(f.transitionDelay);
  return {
    characterName: f.characterName,
    modelType: f.modelType,
    specification: f.specification === 'auto' ? null : f.specification,
    lipVersions: lip.length ? lip : ['universal'],
    segmentation: f.segmentation,
    scaleRatio: Number(f.scaleRatio) || 1,
    videoStart: orNull(f.videoStart),
    videoEnd: orNull(f.videoEnd),
    staticStart: orNull(f.staticStart),
    staticEnd: orNull(f.staticEnd),
    dynamicStart: orNull(f.dynamicStart),
    dynamicEnd: orNull(f.dynamicEnd),
    transitionDelay: delay !== null && Number.isFinite(delay) ? delay : null,
    transition: orNull(f.transition),
    actions: f.actions.map((a) => ({ name: a.name, start: orNull(a.start), end: orNull(a.end), notes: a.notes })),
    ...(greenParams ? { greenParams } : {}),
    update: f.update ? { modelType: f.updateModelType, segmentation: f.updateSegmentation } : null,
  };
}

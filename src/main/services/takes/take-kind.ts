import type { MethodParsedInput, PcmFormat, PresetId, Take, TakeKind } from '../../../shared/api';
import type { ProbeResult } from '../../../shared/probe';
import type { VoiceTakeInfo } from '../../../shared/voice/take-role';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** recording.start's input after validation (less the shoot), by take kind. */
export type StartOptions = DistributiveOmit<MethodParsedInput<'recording.start'>, 'shootId'>;
export type StartOptionsOf<K extends TakeKind> = Extract<StartOptions, { kind: K }>;

/** How a kind stores its raw recording, decided at Start. */
export interface RawPlan {
  /** A plain file name in the take folder. */
  rawFile: string;
  mimeType: string;
  format?: PcmFormat;
  /** For the disk-space estimate. */
  bitsPerSecond: number;
  preset?: PresetId;
  /** A voice take's role (§8.6), stored in take.json as `voice`. */
  voice?: VoiceTakeInfo;
}

export interface FinalizeJob {
  take: Take;
  takeDir: string;
  /** The raw recording, already checked (plain name, regular file, no link). Only read. */
  rawPath: string;
  /** Seconds recorded, when known better than the raw file's header (a MediaRecorder file). */
  durationSec: number | undefined;
  /** OS scheduling priority for child processes (nice value, 0–19). */
  priority: number;
  onProgress: (progress: number, etaSeconds: number | null) => void;
}

/**
 * One kind of take: how its raw recording is named and how it becomes the delivered file. Each
 * kind is one file in ./kinds and one line in ./kinds/index.ts. The delivered file is written
 * under a temporary name and published without ever replacing an existing file.
 */
export interface TakeKindDef<K extends TakeKind = TakeKind> {
  kind: K;
  /** The delivered file's name in the take folder. */
  deliveryFile: string;
  plan(opts: StartOptionsOf<K>): RawPlan;
  /** Seconds in a raw file of this many bytes, when the format says so exactly (PCM); else null. */
  secondsInRaw(take: Take, bytes: number): number | null;
  finalize(job: FinalizeJob): Promise<{ file: string; probe: ProbeResult }>;
}

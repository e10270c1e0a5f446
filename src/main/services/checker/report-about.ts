import pkg from '../../../../package.json';
import type { Marker, Shoot, Take } from '../../../shared/api';
import type { ReportAbout } from '../../../shared/qc/report';
import type { Lang } from '../../../shared/rules';

/** Where the hand pass's models come from (package.json pins it exactly). */
const HAND_MODELS = `@mediapipe/hands ${pkg.dependencies['@mediapipe/hands']}`;

/** What the caller knows about the checked file: its shoot and take (app), the face model used. */
export interface AboutInput {
  shoot?: Pick<Shoot, 'id' | 'name' | 'model'> | null;
  take?: Pick<Take, 'id' | 'name' | 'createdAt'> | null;
  faceModel?: ReportAbout['faceModel'];
  lang?: Lang;
}

/** The report's "who, what, with which tools" block (ReportAboutSchema). */
export function reportAbout(
  input: AboutInput & { ffmpegVersion: string | null; markers: readonly Marker[]; facesAnalysed: boolean; handPass?: { on: boolean; error?: string } | null; now?: Date },
): ReportAbout {
  return {
    createdAt: (input.now ?? new Date()).toISOString(),
    ...(input.lang ? { lang: input.lang } : {}),
    tool: { name: 'Capture Studio', version: pkg.version },
    ffmpeg: input.ffmpegVersion,
    faceModel: input.facesAnalysed ? (input.faceModel ?? null) : null,
    ...(input.facesAnalysed && input.handPass ? { hands: { models: HAND_MODELS, ...input.handPass } } : {}),
    shoot: input.shoot ? { id: input.shoot.id, name: input.shoot.name, talent: input.shoot.model } : null,
    take: input.take ? { id: input.take.id, name: input.take.name, createdAt: input.take.createdAt } : null,
    markers: [...input.markers],
  };
}

/**
 * The face model on this computer (the variable's file or the cache; never downloads), as the
 * report names it; null when there is none or it cannot be read.
 */
export async function localFaceModelInfo(env: NodeJS.ProcessEnv, homeRoot: string): Promise<ReportAbout['faceModel']> {
  const { FaceModel } = await import('../face-model');
  const m = await new FaceModel({ env, homeRoot }).local().catch(() => null);
  return m ? { sha256: m.sha256, bytes: m.bytes, source: m.source } : null;
}

/**
 * Per-frame dump of the lip-ring measures (harness only) for one labelled case or shared clip:
 * what each occlusion test saw, to look at a miss. Uses the landmarks cache (landmarks.ts).
 *   npx tsx scripts/accuracy/ring-dump.mts <case id> [from] [to]
 */
import path from 'node:path';
import { measureFrame, primaryFace } from '../../src/shared/vision/analysis';
import { openRawAnalyzer, rawLandmarks, replayMeasurements } from './landmarks';
import { caseFile } from './occlusion-clips';

process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve('../shared/models/face_landmarker.task');
const [id = '', from = '0', to = '99999'] = process.argv.slice(2);
const file = caseFile(id);
const raw = await rawLandmarks(file, id, 'VIDEO', () => openRawAnalyzer('VIDEO'));
const frames = await replayMeasurements(file, raw, measureFrame);
const f2 = (v: number | null | undefined) => (v === null || v === undefined ? '  -  ' : v.toFixed(3));
frames.forEach((f, i) => {
  if (i < Number(from) || i > Number(to)) return;
  const face = primaryFace(f.frame);
  const k = face?.lipColour;
  const secs = k ? k.sectors.map((s) => `${f2(s.contrast)}/${f2(s.luma)}`).join(' ') : '';
  console.log(
    `${String(i).padStart(4)} hands ${raw[i]?.hands?.length ?? '-'} hand ${f2(face?.handCover)} pale ${f2(face?.paleCover)} occl ${face?.occluded} gap ${f2(face?.lipGap)} c ${f2(k?.contrast)} dark ${f2(k?.darkShare)} grey ${f2(k?.greyShare)} mouth ${f2(k?.mouthShare)} n ${k?.pixels ?? '-'} | ${secs}`,
  );
});

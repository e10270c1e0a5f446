/**
 * Which occlusion test calls the lips covered, per frame (harness only), for one labelled case or
 * shared clip: the frame-alone tests (grey, hand, pale, yellow, blue, skin along a lip) and the
 * verdicts of the tests against the face's own history, before the frame is stepped. Round 12 found
 * held-out M's underexposed d13 false breaches with it (grey: crushed mouth corners).
 *   npx tsx scripts/accuracy/which-test.mts <case id or clip key> [from] [to]
 */
import path from 'node:path';
import { measureFrame, primaryFace, skinAlongLip, VisionRules } from '../../src/shared/vision/analysis';
import { LIPS_OCCLUDED } from '../../src/shared/standards';
import { openRawAnalyzer, rawLandmarks, replayMeasurements } from './landmarks';
import { caseFile } from './occlusion-clips';

process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve('../shared/models/face_landmarker.task');
const [id = '', from = '0', to = '99999'] = process.argv.slice(2);
const file = caseFile(id);
const raw = await rawLandmarks(file, id, 'VIDEO', () => openRawAnalyzer('VIDEO'));
const frames = await replayMeasurements(file, raw, measureFrame);
const rules = new VisionRules();
// The history verdicts are private to VisionRules: read without stepping, as coveredNow asks them.
const ask = rules as unknown as { historySays(face: unknown, skip: number): Record<string, boolean | null> };
const f3 = (v: number | null | undefined) => (v === null || v === undefined ? '-' : v.toFixed(3));
frames.forEach((f, i) => {
  const face = primaryFace(f.frame);
  const show = i >= Number(from) && i <= Number(to);
  const k = face?.lipColour;
  if (show && face && k && face.occluded !== null) {
    const history = Object.entries(ask.historySays(face, 0)).filter(([, v]) => v === true).map(([name]) => name);
    const alone = [
      face.occluded && 'grey',
      (face.handCover ?? 0) >= LIPS_OCCLUDED.handMinShare && 'hand',
      (face.paleCover ?? 0) >= LIPS_OCCLUDED.paleMinShare && 'pale',
      (face.yellowCover ?? 0) >= LIPS_OCCLUDED.yellowMinShare && 'yellow',
      (face.blueCover ?? 0) >= LIPS_OCCLUDED.blueMinShare && 'blue',
      skinAlongLip(k) && 'along',
    ].filter(Boolean);
    console.log(`${String(i).padStart(4)} [${alone.join(', ')}] history [${history.join(', ')}] contrast ${f3(k.contrast)} luma ${f3(k.luma)} grey ${f3(k.greyShare)} dark ${f3(k.darkShare)} mouth ${f3(k.mouthShare)} n ${k.pixels}`);
  } else if (show) console.log(`${String(i).padStart(4)} not judged (${face ? 'no colour answer' : 'no face'})`);
  rules.step({ t: f.t, frame: f.frame, phase: 'narration', speech: true });
});

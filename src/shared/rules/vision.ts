/** The live face and lip monitor's rules (§1.2.1, §1.2.2, §1.2.5); the checker runs the same ones per frame. */
import {
  FACE_ANGLE,
  FACE_DARK,
  FACE_FRAMING,
  FACE_MISSING,
  FACE_MULTIPLE,
  LIPS_OCCLUDED,
  LIPS_OPEN_IN_SILENCE,
  LIPS_OPEN_NO_VOICE,
} from '../standards';
import type { RuleDef } from './types';

const minPct = Math.round(FACE_FRAMING.minHeightShare * 100);

export const visionRules: RuleDef[] = [
  {
    id: 'face.missing',
    section: FACE_MISSING.section,
    severity: 'error',
    title: { en: 'No face', 'zh-CN': '没有人脸' },
    check: { en: 'Face in frame', 'zh-CN': '画面中有人脸' },
    message: {
      en: 'No face found in the picture. Faces smaller than about a tenth of the frame height are not found by the short-range face detector: move the camera closer.',
      'zh-CN': '画面中未检测到人脸。小于画面高度约十分之一的人脸，近距离人脸检测器找不到：请把摄像机移近。',
    },
  },
  {
    id: 'face.multiple',
    section: FACE_MULTIPLE.section,
    severity: 'error',
    title: { en: 'More than one face', 'zh-CN': '多张人脸' },
    check: { en: 'One face only', 'zh-CN': '只有一张人脸' },
    message: {
      en: '{{count}} faces in the picture; only the model may be in frame (a face on a poster counts).',
      'zh-CN': '画面中有 {{count}} 张人脸；画面里只能有模特本人（海报上的脸也算）。',
    },
    variants: {
      unknown: {
        en: 'Several faces in the picture; only the model may be in frame (a face on a poster counts).',
        'zh-CN': '画面中有多张人脸；画面里只能有模特本人（海报上的脸也算）。',
      },
    },
  },
  {
    id: 'face.angle',
    section: FACE_ANGLE.section,
    severity: 'error',
    title: { en: 'Face angle too large', 'zh-CN': '人脸角度过大' },
    check: { en: 'Face angle', 'zh-CN': '人脸角度' },
    message: {
      en: `Face turned {{degrees}}° ({{axis}}); keep within ${FACE_ANGLE.warnAboveDeg}°, ${FACE_ANGLE.errorFromDeg}° or more may fail training.`,
      'zh-CN': `人脸转动 {{degrees}}°（{{axis}}）；请保持在 ${FACE_ANGLE.warnAboveDeg}° 以内，${FACE_ANGLE.errorFromDeg}° 及以上可能导致训练失败。`,
    },
  },
  {
    id: 'face.small-or-cut',
    section: FACE_FRAMING.section,
    severity: 'warn',
    title: { en: 'Face too small or cut off', 'zh-CN': '人脸过小或被裁切' },
    check: { en: 'Face size and framing', 'zh-CN': '人脸大小与构图' },
    message: {
      en: `The face is small ({{percent}} % of the frame height, under ${minPct} %); it may be missed.`,
      'zh-CN': `人脸太小（占画面高度 {{percent}} %，低于 ${minPct} %）；可能检测不到。`,
    },
    variants: {
      cut: {
        en: 'The face is cut by the frame edge; keep the model within the frame.',
        'zh-CN': '人脸被画面边缘截断；请让模特完整留在画面内。',
      },
    },
  },
  {
    id: 'lips.open-in-silence',
    section: LIPS_OPEN_IN_SILENCE.section,
    severity: 'error',
    title: { en: 'Lips open in the silent segment', 'zh-CN': '静默段嘴唇张开' },
    check: { en: 'Lips closed in silence', 'zh-CN': '静默段闭嘴' },
    message: {
      en: `Lips open during the silent segment (more than ${LIPS_OPEN_IN_SILENCE.maxOpenFrames} frames); they must stay closed.`,
      'zh-CN': `静默段中嘴唇张开（超过 ${LIPS_OPEN_IN_SILENCE.maxOpenFrames} 帧）；静默段必须闭嘴。`,
    },
    variants: {
      'not-checked': {
        en: 'Lips were not checked: face analysis was not available for this run.',
        'zh-CN': '未检查嘴唇：本次没有可用的人脸分析。',
      },
    },
  },
  {
    id: 'lips.open-no-voice',
    section: LIPS_OPEN_NO_VOICE.section,
    severity: 'warn',
    title: { en: 'Mouth open without voice', 'zh-CN': '张嘴但无声音' },
    check: { en: 'No open mouth without voice', 'zh-CN': '无声时不张嘴' },
    message: {
      en: 'Mouth open with no speech for {{seconds}} s; close the lips fully in pauses.',
      'zh-CN': '张嘴但无声音持续 {{seconds}} 秒；停顿时请完全闭嘴。',
    },
    variants: {
      unknown: {
        en: `Mouth open with no speech for more than ${LIPS_OPEN_NO_VOICE.maxSeconds} s; close the lips fully in pauses.`,
        'zh-CN': `张嘴但无声音超过 ${LIPS_OPEN_NO_VOICE.maxSeconds} 秒；停顿时请完全闭嘴。`,
      },
    },
  },
  {
    id: 'lips.occluded',
    section: LIPS_OCCLUDED.section,
    severity: 'error',
    title: { en: 'Mouth covered', 'zh-CN': '嘴部被遮挡' },
    check: { en: 'Mouth unobstructed', 'zh-CN': '嘴部无遮挡' },
    message: {
      en: 'Something covers the mouth (hand, microphone, glasses or hair); the lips must be visible in every frame.',
      'zh-CN': '有东西挡住了嘴（手、话筒、眼镜或头发）；每一帧都必须看得见嘴唇。',
    },
  },
  {
    id: 'face.dark',
    section: FACE_DARK.section,
    severity: 'warn',
    title: { en: 'Face too dark', 'zh-CN': '脸部太暗' },
    check: { en: 'Face lit enough to check', 'zh-CN': '脸部亮度足以检查' },
    // No duration in the words: the report shows each range, and ranges a flicker apart are one finding.
    message: {
      en: 'The face was too dark to check the lips: a hand or an object over them would not be seen. Light the face evenly, with no strong shadows.',
      'zh-CN': '脸部太暗，无法检查嘴唇：手或物品挡住嘴也看不出来。请把脸部照亮均匀，不要有明显阴影。',
    },
  },
  {
    id: 'vision.coverage',
    section: FACE_MISSING.section,
    severity: 'info',
    title: { en: 'Too few frames checked', 'zh-CN': '检查的帧太少' },
    message: {
      en: 'The face monitor analysed {{count}} frames in {{seconds}} s ({{fps}} a second): breaches shorter than that may be missing.',
      'zh-CN': '人脸监看在 {{seconds}} 秒内只分析了 {{count}} 帧（每秒 {{fps}} 帧）：更短的问题可能漏掉。',
    },
    variants: {
      none: {
        en: 'The face monitor analysed no frame of this take: faces and lips were not checked.',
        'zh-CN': '人脸监看没有分析这条素材的任何一帧：未检查人脸和嘴唇。',
      },
    },
  },
];

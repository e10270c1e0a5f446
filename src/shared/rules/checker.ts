/**
 * The acceptance checker's rules on a finished file: frame continuity, segment lengths, audio
 * (§1.2.2, §7.2), poses of the premium and motion presets (§2.2, §3.3) and multi-scene (§4.1).
 * The per-frame face and lip rules are the live monitor's (vision.ts), under the same ids.
 */
import { AUDIO_QC, BLACK_BORDER, CONTINUITY, SECOND_VOICE } from '../standards';
import type { RuleDef } from './types';

const poseMessage = {
  en: '{{label}}: the head is not back at the default pose ({{diff}}); return to exactly the same position (face-based check: arms are not compared).',
  'zh-CN': '{{label}}：头部没有回到默认姿势（{{diff}}）；请回到完全相同的位置（按人脸检查：不比较手臂）。',
};
const noMarkers = {
  'no-markers': {
    en: 'No action or return-to-idle markers: poses were not compared. Mark them while recording (keys A, E, I) or check a recorded take.',
    'zh-CN': '没有动作或回到待机的标记：未比较姿势。请在录制时标记（按键 A、E、I），或检查录好的素材。',
  },
};

export const checkerRules: RuleDef[] = [
  {
    id: 'video.black-border',
    section: BLACK_BORDER.section,
    severity: 'warn',
    title: { en: 'Black border at the edge', 'zh-CN': '画面边缘有黑边' },
    message: {
      en: 'Black border at the frame edge ({{where}}): it shows up when the avatar is composited. Crop it away before upload.',
      'zh-CN': '画面边缘有黑边（{{where}}）：合成数字人时会显出来。上传前请裁掉。',
    },
  },
  {
    // Issue #14: without face analysis a check must not look like a pass on faces and lips.
    id: 'faces.not-analysed',
    section: '§1.2.5',
    severity: 'warn',
    title: { en: 'Faces and lips not checked', 'zh-CN': '未检查人脸和嘴唇' },
    message: {
      en: 'Faces and lips were not checked ({{reason}}). Install the face model: put face_landmarker.task in the models folder of the studio home or set CAPTURE_STUDIO_FACE_MODEL to its path, then check again.',
      'zh-CN': '未检查人脸和嘴唇（{{reason}}）。请安装人脸模型：把 face_landmarker.task 放进工作室主目录的 models 文件夹，或把 CAPTURE_STUDIO_FACE_MODEL 设为它的路径，然后重新检查。',
    },
  },
  {
    id: 'frames.discontinuous',
    section: CONTINUITY.section,
    severity: 'warn',
    title: { en: 'Frames not continuous', 'zh-CN': '画面不连续' },
    message: {
      en: 'The picture is not continuous {{from}}–{{to}} (§7.4)',
      'zh-CN': '{{from}}–{{to}} 画面不连续（§7.4）',
    },
    variants: {
      black: {
        en: {
          one: 'Black frames {{from}}–{{to}} ({{count}} frame): no face there, the training task fails (§7.4). Cut them out or re-record.',
          other: 'Black frames {{from}}–{{to}} ({{count}} frames): no face there, the training task fails (§7.4). Cut them out or re-record.',
        },
        'zh-CN': '{{from}}–{{to}} 是黑帧（{{count}} 帧）：那里没有人脸，训练任务会失败（§7.4）。请剪掉或重录。',
      },
      frozen: {
        en: 'Frozen picture {{from}}–{{to}}: repeated frames make the trained avatar skip (§7.4)',
        'zh-CN': '{{from}}–{{to}} 画面定格：重复的帧会让训练出的数字人跳帧（§7.4）',
      },
      cut: {
        en: 'Cut at {{at}}: the picture jumps; the trained avatar will skip here (§7.4)',
        'zh-CN': '{{at}} 处有剪切：画面跳变，训练出的数字人会在这里跳帧（§7.4）',
      },
      gap: {
        en: {
          one: '{{count}} frame missing at {{at}} (timestamps jump by {{seconds}} s)',
          other: '{{count}} frames missing at {{at}} (timestamps jump by {{seconds}} s)',
        },
        'zh-CN': '{{at}} 处缺 {{count}} 帧（时间戳跳了 {{seconds}} 秒）',
      },
    },
    summary: {
      '': {
        en: { one: 'The picture is not continuous in {{count}} place (§7.4)', other: 'The picture is not continuous in {{count}} places (§7.4)' },
        'zh-CN': '画面有 {{count}} 处不连续（§7.4）',
      },
      black: {
        en: {
          one: 'Black frames in {{count}} place: no face there, the training task fails (§7.4). Cut them out or re-record.',
          other: 'Black frames in {{count}} places: no face there, the training task fails (§7.4). Cut them out or re-record.',
        },
        'zh-CN': '有 {{count}} 处黑帧：那里没有人脸，训练任务会失败（§7.4）。请剪掉或重录。',
      },
      frozen: {
        en: {
          one: 'Frozen picture in {{count}} place: repeated frames make the trained avatar skip (§7.4)',
          other: 'Frozen picture in {{count}} places: repeated frames make the trained avatar skip (§7.4)',
        },
        'zh-CN': '有 {{count}} 处画面定格：重复的帧会让训练出的数字人跳帧（§7.4）',
      },
      cut: {
        en: { one: '{{count}} cut: the picture jumps; the trained avatar will skip there (§7.4)', other: '{{count}} cuts: the picture jumps; the trained avatar will skip there (§7.4)' },
        'zh-CN': '{{count}} 处剪切：画面跳变，训练出的数字人会在那里跳帧（§7.4）',
      },
      gap: {
        en: { one: 'Frames missing in {{count}} place (timestamps jump)', other: 'Frames missing in {{count}} places (timestamps jump)' },
        'zh-CN': '有 {{count}} 处缺帧（时间戳跳变）',
      },
    },
  },
  {
    id: 'silent.duration',
    section: '§1.2.1',
    severity: 'error',
    title: { en: 'Silent segment too short', 'zh-CN': '静默段不足' },
    message: {
      en: 'Only {{seconds}} s long: the first {{silent}} s must be the silent segment (lips closed), then the narration (§1.2.1).',
      'zh-CN': '只有 {{seconds}} 秒：开头 {{silent}} 秒必须是静默段（闭嘴），然后才是口播（§1.2.1）。',
    },
  },
  {
    id: 'narration.duration',
    section: '§1.2.1',
    severity: 'warn',
    title: { en: 'Narration length', 'zh-CN': '口播时长' },
    message: {
      en: 'Narration is {{length}}; this preset asks for {{min}}–{{max}} ({{section}}).',
      'zh-CN': '口播时长 {{length}}；此预设要求 {{min}}–{{max}}（{{section}}）。',
    },
    variants: {
      long: {
        en: 'Narration is {{length}}, longer than the {{max}} this preset needs; set the video start/end times on the platform (§5.3).',
        'zh-CN': '口播时长 {{length}}，超过此预设所需的 {{max}}；请在平台上设置视频起止时间（§5.3）。',
      },
    },
  },
  {
    id: 'audio.missing',
    section: '§1.2.2',
    severity: 'error',
    title: { en: 'No audio', 'zh-CN': '没有音频' },
    message: {
      en: 'No audio track: the lip video needs the synchronised on-site sound (§1.2.2)',
      'zh-CN': '没有音轨：口型视频需要同步的现场声音（§1.2.2）',
    },
    variants: {
      optional: { en: 'No audio track (the motion video needs none, §3.2)', 'zh-CN': '没有音轨（动作视频不需要，§3.2）' },
    },
  },
  {
    id: 'audio.noise',
    section: AUDIO_QC.section,
    severity: 'warn',
    title: { en: 'Background noise', 'zh-CN': '背景噪声' },
    message: {
      en: 'Background noise at {{db}} dBFS between words (limit {{limit}} dBFS): switch off air conditioning, fans, servers',
      'zh-CN': '字句之间的背景噪声为 {{db}} dBFS（上限 {{limit}} dBFS）：请关掉空调、风扇、服务器',
    },
    variants: {
      snr: {
        en: 'Speech only {{db}} dB above the background (want ≥ {{limit}} dB): move the microphone closer or quiet the set',
        'zh-CN': '人声只比背景高 {{db}} dB（应 ≥ {{limit}} dB）：把话筒移近，或让现场更安静',
      },
    },
  },
  {
    id: 'audio.clipping',
    section: AUDIO_QC.section,
    severity: 'warn',
    title: { en: 'Clipped audio', 'zh-CN': '音频削波' },
    message: { en: 'Clipped audio at {{at}}: lower the microphone gain', 'zh-CN': '{{at}} 处音频削波：请调低话筒增益' },
    summary: {
      '': {
        en: { one: 'Clipped audio in {{count}} place: lower the microphone gain', other: 'Clipped audio in {{count}} places: lower the microphone gain' },
        'zh-CN': '有 {{count}} 处音频削波：请调低话筒增益',
      },
    },
  },
  {
    id: 'audio.level',
    section: AUDIO_QC.section,
    severity: 'warn',
    title: { en: 'Audio level', 'zh-CN': '音量' },
    message: {
      en: 'Speech is quiet ({{db}} dBFS at its loudest): raise the gain or bring the microphone closer',
      'zh-CN': '人声太小（最响处 {{db}} dBFS）：请调高增益或把话筒移近',
    },
    variants: {
      loudness: {
        en: 'Loudness {{lufs}} LUFS is outside {{min}}…{{max}} LUFS',
        'zh-CN': '响度 {{lufs}} LUFS 不在 {{min}}…{{max}} LUFS 之内',
      },
    },
  },
  {
    id: 'audio.second-voice',
    section: SECOND_VOICE.section,
    severity: 'warn',
    title: { en: 'Possible second voice', 'zh-CN': '可能有第二人声' },
    message: {
      en: 'Possibly a second voice: speech at two distinct pitches (about {{low}} Hz and {{high}} Hz). Listen: no other person may speak (heuristic)',
      'zh-CN': '可能有第二个人声：人声有两个明显不同的音高（约 {{low}} Hz 和 {{high}} Hz）。请听一遍：不能有其他人说话（启发式判断）',
    },
  },
  {
    id: 'premium.pose-return',
    section: '§2.2',
    severity: 'warn',
    title: { en: 'Not back at the default pose', 'zh-CN': '未回到默认姿势' },
    message: poseMessage,
    variants: noMarkers,
  },
  {
    id: 'motion.idle-return',
    section: '§3.3',
    severity: 'warn',
    title: { en: 'Action not from/to idle', 'zh-CN': '动作未从待机开始或回到待机' },
    message: poseMessage,
    variants: noMarkers,
  },
  {
    id: 'multi.face-angle',
    section: '§4.1',
    severity: 'warn',
    title: { en: 'Face angle differs from primary', 'zh-CN': '人脸角度与主视频不一致' },
    message: {
      en: 'Face angle differs from the primary video by {{degrees}}° (§4.1: both face the camera the same way).',
      'zh-CN': '人脸角度与主视频相差 {{degrees}}°（§4.1：两者面向摄像机的方式要相同）。',
    },
  },
  {
    id: 'multi.face-lighting',
    section: '§4.1',
    severity: 'warn',
    title: { en: 'Face lighting differs from primary', 'zh-CN': '面部光线与主视频不一致' },
    message: {
      en: 'Face lighting differs from the primary video (brightness {{percent}}%, left/right balance ×{{ratio}}); §4.1 asks for the same lighting.',
      'zh-CN': '面部光线与主视频不同（亮度差 {{percent}}%，左右平衡 ×{{ratio}}）；§4.1 要求光线相同。',
    },
  },
];

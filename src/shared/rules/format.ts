/**
 * The delivery-format rules (§1.2.3, §1.2.5, §7.1, §1.2.2) on a probed file: one id per problem,
 * whether the checker finds it on a finished take or the convert screen on an import
 * (`src/shared/ingest/problems.ts` produces both). `message` is the full sentence (reports, the
 * check list); `brief` the few words of the convert screen's badges.
 */
import { DELIVERY_AUDIO, DELIVERY_CONTAINER, DELIVERY_FPS, DELIVERY_RESOLUTIONS, DELIVERY_VIDEO } from '../standards';
import type { RuleDef } from './types';

export const formatRules: RuleDef[] = [
  {
    id: 'format.no-video',
    section: DELIVERY_VIDEO.section,
    severity: 'error',
    title: { en: 'No video', 'zh-CN': '没有视频' },
    message: { en: 'No video: audio only', 'zh-CN': '没有视频：仅音频' },
  },
  {
    id: 'format.container',
    section: DELIVERY_CONTAINER.section,
    severity: 'error',
    title: { en: 'Not an MP4 file', 'zh-CN': '不是 MP4 文件' },
    message: {
      en: '{{container}} file: the platform takes MP4 only. Convert it first.',
      'zh-CN': '{{container}} 文件：平台只接受 MP4。请先转换。',
    },
    brief: { en: '{{container}}, not MP4', 'zh-CN': '{{container}}，不是 MP4' },
    variants: {
      mov: {
        en: 'MOV file: the platform does not take MOV (§1.2.3, §7.1). Convert it to MP4 first.',
        'zh-CN': 'MOV 文件：平台不接受 MOV（§1.2.3、§7.1）。请先转换为 MP4。',
      },
    },
  },
  {
    id: 'format.video-codec',
    section: DELIVERY_VIDEO.section,
    severity: 'warn',
    title: { en: 'Video codec is not H.264', 'zh-CN': '视频编码不是 H.264' },
    message: { en: '{{codec}}, not H.264', 'zh-CN': '{{codec}}，不是 H.264' },
  },
  {
    id: 'format.hdr',
    section: '§1.2.3, §7.1',
    severity: 'warn',
    title: { en: 'HDR video', 'zh-CN': 'HDR 视频' },
    message: {
      en: 'HDR ({{transfer}}) video: its colours cannot be restored on the platform (§1.2.3). Convert to SDR MP4 first, or turn HDR off on the phone.',
      'zh-CN': 'HDR（{{transfer}}）视频：平台无法还原其色彩（§1.2.3）。请先转换为 SDR MP4，或在手机上关闭 HDR。',
    },
    brief: { en: 'HDR ({{transfer}})', 'zh-CN': 'HDR（{{transfer}}）' },
  },
  {
    id: 'format.bit-depth',
    section: DELIVERY_VIDEO.section,
    severity: 'warn',
    title: { en: 'More than 8 bits', 'zh-CN': '超过 8 位' },
    message: { en: '{{bits}}-bit', 'zh-CN': '{{bits}} 位' },
  },
  {
    id: 'format.pixel-format',
    section: DELIVERY_VIDEO.section,
    severity: 'warn',
    title: { en: 'Pixel format is not 4:2:0', 'zh-CN': '像素格式不是 4:2:0' },
    message: { en: '{{pixelFormat}}, not 4:2:0', 'zh-CN': '{{pixelFormat}}，不是 4:2:0' },
  },
  {
    id: 'format.vfr',
    section: DELIVERY_FPS.section,
    severity: 'warn',
    title: { en: 'Variable frame rate', 'zh-CN': '可变帧率' },
    message: {
      en: 'Variable frame rate (average {{fps}} fps): the platform forces 25 fps; convert to constant 25 fps to control how.',
      'zh-CN': '可变帧率（平均 {{fps}} fps）：平台会强制转为 25 fps；先转换为恒定 25 fps 才能控制转换方式。',
    },
    brief: { en: 'Variable frame rate (≈{{fps}} fps)', 'zh-CN': '可变帧率（约 {{fps}} fps）' },
  },
  {
    id: 'format.fps',
    section: DELIVERY_FPS.section,
    severity: 'warn',
    title: { en: 'Frame rate is not 25 fps', 'zh-CN': '帧率不是 25 fps' },
    message: {
      en: '{{fps}} fps, not 25: the platform will force 25 fps (§7.1); converting first keeps control of it.',
      'zh-CN': '{{fps}} fps，不是 25：平台会强制转为 25 fps（§7.1）；先转换可自己掌控。',
    },
    brief: { en: '{{fps}} fps, not 25', 'zh-CN': '{{fps}} fps，不是 25' },
  },
  {
    id: 'format.rotation',
    section: DELIVERY_RESOLUTIONS.section,
    severity: 'warn',
    title: { en: 'Rotation tag', 'zh-CN': '旋转标记' },
    message: { en: 'Rotation tag {{degrees}}°', 'zh-CN': '旋转标记 {{degrees}}°' },
  },
  {
    id: 'format.resolution',
    section: DELIVERY_RESOLUTIONS.section,
    severity: 'warn',
    title: { en: 'Not 1080p or 4K', 'zh-CN': '不是 1080p 或 4K' },
    message: {
      en: '{{width}}×{{height}}: 1080p is recommended and 4K supported; other sizes work with fewer uses (§7.1).',
      'zh-CN': '{{width}}×{{height}}：推荐 1080p，支持 4K；其他尺寸可用但用途受限（§7.1）。',
    },
    brief: { en: '{{width}}×{{height}}, not 1080p or 4K', 'zh-CN': '{{width}}×{{height}}，不是 1080p 或 4K' },
  },
  {
    id: 'format.landscape',
    section: '§7.1',
    severity: 'info',
    title: { en: 'Landscape picture', 'zh-CN': '横屏画面' },
    message: {
      en: 'Landscape: supported, and the avatar will be landscape; portrait is recommended (§7.1).',
      'zh-CN': '横屏：支持，但数字人也会是横屏；推荐竖屏（§7.1）。',
    },
    brief: { en: 'Landscape', 'zh-CN': '横屏' },
  },
  {
    id: 'format.no-audio',
    section: DELIVERY_AUDIO.section,
    severity: 'warn',
    title: { en: 'No audio', 'zh-CN': '无音频' },
    message: { en: 'No audio', 'zh-CN': '无音频' },
  },
  {
    id: 'format.audio-codec',
    section: DELIVERY_AUDIO.section,
    severity: 'warn',
    title: { en: 'Audio is not AAC', 'zh-CN': '音频不是 AAC' },
    message: { en: '{{codec}} audio, not AAC', 'zh-CN': '{{codec}} 音频，不是 AAC' },
  },
  {
    id: 'format.audio-rate',
    section: DELIVERY_AUDIO.section,
    severity: 'warn',
    title: { en: 'Audio is not 48 kHz', 'zh-CN': '音频不是 48 kHz' },
    message: { en: 'Audio {{rate}} Hz, not 48 kHz', 'zh-CN': '音频 {{rate}} Hz，不是 48 kHz' },
  },
];

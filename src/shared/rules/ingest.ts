/**
 * The delivery-format rules of the convert screen (§1.2.3, §1.2.5, §7.1, §1.2.2): what stands
 * between an imported file and the platform's MP4 (`src/shared/ingest/problems.ts`), plus the
 * converter's own findings. `format.container` is shared with the checker (format.ts).
 */
import { DELIVERY_AUDIO, DELIVERY_CONTAINER, DELIVERY_FPS, DELIVERY_RESOLUTIONS, DELIVERY_VIDEO } from '../standards';
import type { RuleDef } from './types';

export const ingestRules: RuleDef[] = [
  {
    id: 'format.no-video',
    section: DELIVERY_VIDEO.section,
    severity: 'error',
    title: { en: 'No video', 'zh-CN': '没有视频' },
    message: { en: 'No video: audio only', 'zh-CN': '没有视频：仅音频' },
  },
  {
    id: 'format.mov',
    section: `§1.2.3, ${DELIVERY_CONTAINER.section}`,
    severity: 'warn',
    title: { en: 'MOV, not MP4', 'zh-CN': 'MOV，不是 MP4' },
    message: { en: 'MOV, not MP4', 'zh-CN': 'MOV，不是 MP4' },
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
    section: `§1.2.3, ${DELIVERY_VIDEO.section}`,
    severity: 'warn',
    title: { en: 'HDR video', 'zh-CN': 'HDR 视频' },
    message: { en: 'HDR ({{transfer}})', 'zh-CN': 'HDR（{{transfer}}）' },
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
    message: { en: 'Variable frame rate (≈{{fps}} fps)', 'zh-CN': '可变帧率（约 {{fps}} fps）' },
  },
  {
    id: 'format.fps',
    section: DELIVERY_FPS.section,
    severity: 'warn',
    title: { en: 'Frame rate is not 25 fps', 'zh-CN': '帧率不是 25 fps' },
    message: { en: '{{fps}} fps, not 25', 'zh-CN': '{{fps}} fps，不是 25' },
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
    message: { en: '{{width}}×{{height}}, not 1080p or 4K', 'zh-CN': '{{width}}×{{height}}，不是 1080p 或 4K' },
  },
  {
    id: 'format.landscape',
    section: DELIVERY_RESOLUTIONS.section,
    severity: 'info',
    title: { en: 'Landscape', 'zh-CN': '横屏' },
    message: { en: 'Landscape', 'zh-CN': '横屏' },
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
  {
    id: 'decode.damaged',
    section: '§1.2.5',
    severity: 'warn',
    title: { en: 'Damaged data', 'zh-CN': '数据损坏' },
    message: {
      en: { one: 'Damaged data around {{start}} s, concealed by the decoder ({{count}} message)', other: 'Damaged data around {{start}} s, concealed by the decoder ({{count}} messages)' },
      'zh-CN': '约 {{start}} 秒处数据损坏，已被解码器掩盖（{{count}} 条消息）',
    },
  },
  {
    id: 'convert.hdr-untouched',
    section: '§1.2.3',
    severity: 'warn',
    title: { en: 'HDR not tone-mapped', 'zh-CN': 'HDR 未做色调映射' },
    message: { en: 'HDR not tone-mapped: {{note}}', 'zh-CN': 'HDR 未做色调映射：{{note}}' },
  },
];

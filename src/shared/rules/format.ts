/** The checker's format rules on a finished file (§1.2.3, §1.2.5, §7.1): from its probe. */
import { BLACK_BORDER, DELIVERY_CONTAINER, DELIVERY_FPS, DELIVERY_RESOLUTIONS } from '../standards';
import type { RuleDef } from './types';

export const formatRules: RuleDef[] = [
  {
    id: 'format.container',
    section: DELIVERY_CONTAINER.section,
    severity: 'error',
    title: { en: 'Not an MP4 file', 'zh-CN': '不是 MP4 文件' },
    message: {
      en: '{{container}} file: the platform takes MP4 only. Convert it first.',
      'zh-CN': '{{container}} 文件：平台只接受 MP4。请先转换。',
    },
    variants: {
      mov: {
        en: 'MOV file: the platform does not take MOV (§1.2.3, §7.1). Convert it to MP4 first.',
        'zh-CN': 'MOV 文件：平台不接受 MOV（§1.2.3、§7.1）。请先转换为 MP4。',
      },
    },
  },
  {
    id: 'video.vfr',
    section: DELIVERY_FPS.section,
    severity: 'warn',
    title: { en: 'Variable frame rate', 'zh-CN': '可变帧率' },
    message: {
      en: 'Variable frame rate (average {{fps}} fps): the platform forces 25 fps; convert to constant 25 fps to control how.',
      'zh-CN': '可变帧率（平均 {{fps}} fps）：平台会强制转为 25 fps；先转换为恒定 25 fps 才能控制转换方式。',
    },
  },
  {
    id: 'video.fps',
    section: DELIVERY_FPS.section,
    severity: 'warn',
    title: { en: 'Frame rate is not 25 fps', 'zh-CN': '帧率不是 25 fps' },
    message: {
      en: '{{fps}} fps, not 25: the platform will force 25 fps (§7.1); converting first keeps control of it.',
      'zh-CN': '{{fps}} fps，不是 25：平台会强制转为 25 fps（§7.1）；先转换可自己掌控。',
    },
  },
  {
    id: 'video.resolution',
    section: DELIVERY_RESOLUTIONS.section,
    severity: 'warn',
    title: { en: 'Not 1080p or 4K', 'zh-CN': '不是 1080p 或 4K' },
    message: {
      en: '{{width}}×{{height}}: 1080p is recommended and 4K supported; other sizes work with fewer uses (§7.1).',
      'zh-CN': '{{width}}×{{height}}：推荐 1080p，支持 4K；其他尺寸可用但用途受限（§7.1）。',
    },
  },
  {
    id: 'video.orientation',
    section: '§7.1',
    severity: 'info',
    title: { en: 'Landscape picture', 'zh-CN': '横屏画面' },
    message: {
      en: 'Landscape: supported, and the avatar will be landscape; portrait is recommended (§7.1).',
      'zh-CN': '横屏：支持，但数字人也会是横屏；推荐竖屏（§7.1）。',
    },
  },
  {
    id: 'video.hdr',
    section: '§1.2.3, §7.1',
    severity: 'warn',
    title: { en: 'HDR video', 'zh-CN': 'HDR 视频' },
    message: {
      en: 'HDR ({{transfer}}) video: its colours cannot be restored on the platform (§1.2.3). Convert to SDR MP4 first, or turn HDR off on the phone.',
      'zh-CN': 'HDR（{{transfer}}）视频：平台无法还原其色彩（§1.2.3）。请先转换为 SDR MP4，或在手机上关闭 HDR。',
    },
  },
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
];

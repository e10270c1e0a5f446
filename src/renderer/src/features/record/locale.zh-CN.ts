import type { Shape } from '../../i18n/shape';
import type { loopEn } from './locale.en';

export const loopZhCN: Shape<typeof loopEn> = {
  meter: {
    title: '音频',
    peak: '峰值',
    rms: 'RMS',
    readoutHint: '麦克风的峰值和 RMS 电平，单位 dBFS（0 为满刻度）',
    clip: '削波',
    clipping: '削波：声音达到 {{db}} dBFS。请调低麦克风增益。',
    tooQuiet: '音量过低：最近 {{seconds}} 秒内没有高于 {{db}} dBFS 的声音。麦克风是否已打开并靠近模特？',
    suspended: '点击页面任意位置以启动电平表。',
  },
};

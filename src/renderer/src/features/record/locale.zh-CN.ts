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
  onAir: {
    rec: '录制中',
    checklistAsk: '清单中有 {{count}} 项未勾选。仍要录制吗？该条目会记录这一点。',
    recordAnyway: '仍然录制',
    backToChecklist: '返回清单',
  },
  recStats: {
    fps: '帧/秒',
    dropped: '丢帧',
    low: '录制器只收到 {{fps}} 帧/秒（标准 {{want}}，§1.2.2；低于 {{min}} 时警告）：正在丢帧。请关闭其他程序，或降低摄像头分辨率。',
  },
  takeCheck: {
    verdict: { pass: '通过', warn: '警告', fail: '不通过' },
    counts: '{{errors}} 个错误 · {{warnings}} 个警告',
    open: '打开报告',
    queued: '等待检查…',
    running: '正在检查…',
    paused: '录制中，检查已暂停',
    failed: '自动检查无法运行：请打开“检查”页面。',
    savedAt: '该条目的上次检查，{{time}}（保存在条目旁；未重新运行）',
    auto: '每个条目保存后自动检查',
  },
  takeLoop: {
    incomplete: '不完整：在 {{recorded}} 秒时停止，处于 {{silent}} 秒静默段内（§1.2.1）。',
    override: '录制时有 {{count}} 项清单未勾选（已确认）。',
    frames: '录制器收到 {{fps}} 帧/秒 · 丢帧 {{dropped}}',
    'audio-trimmed': '声音比画面长 {{seconds}} 秒：已裁剪',
    'audio-padded': '声音比画面短 {{seconds}} 秒：已用静音补齐',
  },
};

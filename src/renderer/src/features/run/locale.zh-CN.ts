import type { runEn } from './locale.en';
import type { Shape } from '../../i18n/shape';

export const runZhCN: Shape<typeof runEn> = {
  run: {
    phase: {
      idle: '就绪',
      silent: '静默段',
      narration: '口播段',
      'idle-pose': '待机姿势',
      actions: '动作',
      stopped: '已停止',
    },
    keepLipsClosed: '请保持双唇闭合',
    startSpeaking: '开始说话',
    narrationProgress: '口播 {{done}} / {{target}}',
    marker: {
      phase: '阶段',
      flub: '口误',
      'action-start': '动作开始',
      'action-end': '动作结束',
      'return-idle': '回到待机',
      note: '备注',
    },
    notePlaceholder: '发生了什么？（回车保存）',
    saveNote: '保存备注',
  },
  presets: {
    label: '预设',
    planned: '约 {{time}}',
    quick: { name: '快速数字人', plan: '30 秒静默 + 5 分钟口播，实景（不可绿幕抠像）' },
    'standard-short': { name: '标准数字人 — 短视频', plan: '30 秒静默 + 约 5 分钟口播' },
    'standard-live': { name: '标准数字人 — 直播', plan: '30 秒静默 + 20–30 分钟口播' },
    premium: { name: '高级数字人', plan: '30 秒静默 + 约 4.5 分钟口播；每个动作后 10 秒内回到默认姿势' },
    'motion-lip': { name: '可编辑动作数字人 — 唇形视频', plan: '30 秒静默 + 3 分钟说话（共 3.5 分钟）' },
    'motion-actions': { name: '可编辑动作数字人 — 动作视频', plan: '待机（约 30 秒），然后每个动作约 3 秒（≤10 秒），从待机开始并回到待机' },
    'multi-primary': { name: '多场景 — 主视频', plan: '30 秒静默 + 4.5 分钟说话' },
    'multi-aux': { name: '多场景 — 辅助视频', plan: '无静默段；开始即说话，3–4 分钟' },
  },
  checklist: {
    heading: '录制前检查',
    items: {
      'quiet-set': '现场安静：无人声、空调、风扇或振动',
      'clean-background': '背景静止，无反光或透明材质，画面中无灯光或窗户',
      'even-lighting': '光线均匀：面部无明显阴影（鼻下、鼻侧、颈部）',
      'green-screen-distance': '绿幕：模特距绿幕至少 2 米，身上无绿色反光',
      'mic-placement': '麦克风靠近模特但不入镜，不夹在身上；已确认收音',
      'makeup-props': '妆容道具：无垂坠耳饰、高反光唇彩，眼镜或头发不遮挡下半脸',
      framing: '构图：所有手势时身体和双手都在画面内',
      'camera-format': '相机设为 1080×1920 竖屏，25 fps',
    },
  },
};

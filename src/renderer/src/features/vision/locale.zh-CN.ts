import type { Shape } from '../../i18n/shape';
import type { visionEn } from './locale.en';

/** 实时人脸与嘴唇监看的文案（issue #5）。 */
export const visionZhCN: Shape<typeof visionEn> = {
  title: '人脸与嘴唇监看',
  level: { ok: '正常', warn: '注意', error: '有问题', off: '当前不检查' },
  hud: {
    faces: '人脸',
    yaw: '偏航',
    pitch: '俯仰',
    roll: '翻滚',
    lips: '嘴唇',
    lipState: { open: '张开', closed: '闭合', unknown: '未知' },
    rate: '分析 {{fps}} 帧/秒 · {{ms}} 毫秒',
  },
  show: {
    label: '叠加显示',
    box: '人脸框',
    lips: '嘴唇',
    hud: '读数',
    rules: '检查项',
  },
  status: {
    model: '正在获取人脸模型…',
    download: '正在下载人脸模型：{{percent}}%',
    loading: '正在启动人脸分析…',
    noVideo: '摄像头打开后开始人脸分析。',
    failed: '人脸分析未运行：{{message}}',
  },
  summary: {
    heading: '{{take}} 的监看结果',
    clean: '未发现人脸或嘴唇问题。',
    line: '{{rule}}：{{count}} 次，时间 {{times}}',
    lineOnce: '{{rule}}：1 次，时间 {{times}}',
    dismiss: '关闭',
  },
  take: {
    findings: '监看发现：{{count}} 处',
    none: '监看：无问题',
  },
};

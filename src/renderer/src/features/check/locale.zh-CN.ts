import type { Shape } from '../../i18n/shape';
import type { checkEn } from './locale.en';

export const checkZhCN: Shape<typeof checkEn> = {
  check: {
    heading: '验收检查',
    intro: '上传前逐帧检查录制条目或文件是否符合验收标准（§1.2.5、§7）。训练任务失败会浪费 4–8 小时。',
    aTake: '录制条目',
    aFile: '本机上的文件',
    take: '条目',
    noTakes: '此拍摄还没有完成的条目',
    path: '视频的完整路径',
    start: '检查',
    cancel: '取消',
    eta: '约剩 {{time}}',
    paused: '录制期间已暂停，停止录制后继续',
    stage: { probe: '读取文件', audio: '分析音频', video: '逐帧检查', report: '生成报告' },
    verdict: { pass: '通过', warn: '通过（有警告）', fail: '不通过 — 很可能导致训练失败' },
    stats: '已分析 {{frames}} / {{total}} 帧（{{size}}），用时 {{seconds}} 秒',
    openReport: '打开完整报告',
    noFindings: '没有发现问题。',
    times: '{{count}} 次',
    wholeFile: '整个文件',
    moreRanges: '另有 {{count}} 段',
    severity: { error: '错误', warn: '警告', info: '提示' },
    mouths: {
      heading: '嘴部一览',
      hint: '每 {{step}} 秒一张嘴部画面。检查可能漏掉细吸管、笔尖、一缕头发或从第一帧起就在嘴角的手指：请沿这条画面看一遍。点一张嘴部画面即可跳到那一刻。',
      noFace: '无人脸',
    },
  },
};

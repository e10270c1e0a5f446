import type { Shape } from '../../i18n/shape';
import type { prompterEn } from './locale.en';

export const prompterZhCN: Shape<typeof prompterEn> = {
  prompter: {
    windowTitle: '提词器 — 采集工作室',
    connecting: '正在连接工作室…',
    disconnected: '未连接到工作室。请检查地址（含令牌）以及工作室是否在运行。',
    empty: '还没有台本。请在“提词器”页面导入或粘贴。',
    script: '台本',
    import: '导入 .txt / .md',
    applyScript: '使用此文本',
    pastePlaceholder: '在此粘贴或输入台本。以 # 开头的行可作为跳转位置。',
    tooLarge: '{{name}} 太大，不能作为台本（最多 2 MB）。',
    notText: '{{name}} 不是文本文件。',
    look: '外观',
    style: {
      fontSize: '字号',
      lineWidthCh: '行宽（字符）',
      marginPct: '边距（%）',
      readingLinePct: '阅读线（距顶部 %）',
      textColor: '文字',
      backgroundColor: '背景',
      mirrorH: '左右镜像（分光镜）',
      mirrorV: '上下镜像',
    },
    play: '播放',
    pause: '暂停',
    speed: '速度',
    toStart: '回到开头',
    elapsed: '已用 {{time}}',
    left: '按当前速度还剩 {{time}}',
    leftUnknown: '剩余时间：—',
    jump: '跳转到：',
    openWindow: '打开提词器窗口',
    keysHelp: '按键：空格 播放/暂停 · ↑/↓ 减速/加速 · PageUp/PageDown（脚踏板）后退/前进 · 鼠标滚轮：速度',
    remote: {
      heading: '平板提词器',
      enable: '在局域网上显示提词器',
      off: '已关闭：工作室只能从本机访问。',
      on: '已开启：用同一网络的平板扫描二维码。用完请关闭；重新开启会生成新链接。',
    },
  },
};

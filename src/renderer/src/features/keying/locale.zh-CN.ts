import type { Shape } from '../../i18n/shape';
import type { keyingEn } from './locale.en';

/** 绿幕抠像预览的文案（issue #6）。 */
export const keyingZhCN: Shape<typeof keyingEn> = {
  title: '抠像预览',
  intro: '录制前先看平台的绿幕抠像会用这些参数（§1.3.3）得到什么效果。',
  source: {
    heading: '画面',
    camera: '实时摄像头',
    file: '图片或视频文件',
    open: '打开图片或视频…',
    drop: '把图片或视频拖到这里，或点击打开。',
    notMedia: '{{name}} 不是图片或视频。',
    unreadable: '此浏览器无法显示 {{name}}。',
    noCamera: '没有摄像头画面。请连接摄像头，或打开图片、视频文件。',
    waiting: '等待画面…',
    size: '{{width}}×{{height}}',
    play: '播放',
    pause: '暂停',
    scrub: '视频位置',
  },
  view: {
    heading: '视图',
    original: '原图',
    keyed: '抠像',
    matte: '遮罩',
    side: '并排对比',
    overlay: '在画面上标出问题',
  },
  engine: {
    gpu: 'WebGL2：{{renderer}}',
    software: 'WebGL2 软件渲染（{{renderer}}）：比显卡慢',
    cpu: '此处没有 WebGL2：用 CPU 抠像，较慢',
    fps: '{{fps}} 帧/秒',
  },
  params: {
    heading: '绿幕参数（§1.3.3）',
    greenParamsRefinethHBgr: '背景保留程度',
    greenParamsRefinethHBgrTip:
      '§1.3.3 greenParamsRefinethHBgr，默认 160。与抠像颜色的相似度（0–255）达到此值的像素完全变为背景。§5.3：想去除更多绿色就调低（145、130、120、100、80、60 等）；过低会丢失边缘细节。',
    greenParamsRefinethLBgr: '人物边缘保留宽度',
    greenParamsRefinethLBgrTip:
      '§1.3.3 greenParamsRefinethLBgr，默认 40。相似度不超过此值的像素完全保留为人物；在此值与背景保留程度之间，边缘逐渐过渡。§5.3：想在边缘去除更多绿色就调低（30、20、10 等）；过低会丢失边缘细节。',
    greenParamsBlurKs: '平滑度',
    greenParamsBlurKsTip: '§1.3.3 greenParamsBlurKs，默认 3：平滑遮罩的滤波器大小（像素；0 或 1 表示不平滑）。§5.3：建议使用默认值。',
    greenParamsColorbalance: '去绿程度',
    greenParamsColorbalanceTip:
      '§1.3.3 greenParamsColorbalance，默认 100：从人物身上去除绿色反光（溢色）的强度，0–100。§5.3：有黄色衣服或黄色元素时可能偏色，设为 1 可保持黄色原样。',
    greenParamsSpillByalpha: '去绿色彩平衡',
    greenParamsSpillByalphaTip:
      '§1.3.3 greenParamsSpillByalpha，默认 0.5：校正去绿给人物带来的颜色变化。0.5 = 不校正；大于 0.5 把去掉的光以灰色补回，小于 0.5 变暗。§5.3：建议使用默认值。',
    greenParamsSamplePointBgr: '采样颜色（抠像颜色）',
    greenParamsSamplePointBgrTip:
      '§1.3.3 greenParamsSamplePointBgr，默认 [0, 255, 0] = 绿色，按 B,G,R 顺序书写。§5.3：也可以用蓝色（RGB 0,0,255），在这里写作 [255, 0, 0]；不建议用其他颜色。',
    greenParamsSampleBackground: '背景颜色',
    greenParamsSampleBackgroundTip:
      '§1.3.3 greenParamsSampleBackground.color，默认 [255, 0, 0]，与采样颜色一样按 B,G,R 顺序书写（所以默认是蓝色）。§1.3.1：选一个容易看出问题的颜色。',
    bgr: 'B,G,R',
    channel: { b: 'B', g: 'G', r: 'R' },
    pick: '从画面取色',
    picking: '请在画面中点击背景幕布…',
    presetGreen: '绿幕',
    presetBlue: '蓝幕（§5.3）',
    noChroma: '此采样颜色是灰色：什么都抠不掉。请选取幕布的颜色。',
    defaults: '恢复 §1.3.3 默认值',
    invalid: '未应用：{{message}}',
  },
  save: {
    saving: '正在保存…',
    saved: '已随拍摄“{{shoot}}”保存：新的录制条目会使用这些参数。',
    local: '未选择拍摄：参数只保存在此浏览器中。',
    failed: '无法保存：{{message}}',
    fileProblem: '已保存的参数无法读取（{{message}}）；显示的是默认值。',
  },
  copy: {
    heading: '复制和粘贴参数',
    copy: '复制参数',
    copied: '已复制到剪贴板。',
    copyFailed: '此处无法使用剪贴板：请选中下面的文字复制。',
    paste: '粘贴参数',
    pastePlaceholder: '在这里粘贴平台“复制参数”得到的参数（§1.3.3）。',
    apply: '应用粘贴的参数',
    applied: '已应用粘贴的参数。',
    errors: '未应用——请修正以下问题后重试：',
    issue: {
      'not-json': '这不是 JSON：{{message}}',
      'not-object': '应为 §1.3.3 所示的 JSON 对象。',
      missing: '缺少 {{key}}。',
      'unknown-key': '未知的键 {{key}}：§1.3.3 中没有它（请检查拼写）。',
      'wrong-type': '{{key}} 的类型不对：{{got}}。',
      'not-integer': '{{key}} 必须是 {{min}} 到 {{max}} 之间的整数，而不是 {{got}}。',
      'out-of-range': '{{key}} 必须在 {{min}} 到 {{max}} 之间，而不是 {{got}}。',
      'wrong-length': '{{key}} 必须正好有三个值（B,G,R）：{{got}}。',
      order: '{{key}} 必须小于 greenParamsRefinethHBgr。',
    },
  },
  findings: {
    heading: '幕布检查（§1.2.4）',
    analyse: '立即检查',
    none: '此画面未发现幕布问题。',
    notScreen: '此画面中没有可抠掉的绿幕或蓝幕：只检查画面边缘。',
    count: '{{n}} 个问题',
    severity: { error: '错误', warn: '警告', info: '提示' },
    rule: {
      key: {
        'backdrop-uneven': '幕布颜色不均匀',
        'non-backdrop-edge': '画面边缘有色条或黑边',
        spill: '人物身上有绿色溢色',
        holes: '人物被抠出空洞',
        'distance-hint': '模特离幕布太近？',
      },
    },
    edge: { top: '上', bottom: '下', left: '左', right: '右' },
    finding: {
      key: {
        'non-backdrop-edge': {
          'black-bar': '画面{{edge}}边有 {{px}} 像素宽的黑条：它不是幕布，会留在画面中。',
          'color-bar': '画面{{edge}}边有 {{px}} 像素宽的非绿色条：它不是幕布，会留在画面中。',
          thin: '画面{{edge}}边有 {{px}} 像素的暗边（肉眼难以发现，合成时才会显出来）。',
          action: '裁掉它，或重新导出不带它的视频（检查剪辑软件的画面尺寸）。',
        },
        'backdrop-uneven': {
          dark: '幕布有 {{percent}}% 比其余部分暗得多：褶皱、折痕或阴影（如两脚之间）。',
          shade: '幕布有 {{percent}}% 是另一种绿色：只能用一种绿色。',
          unkeyed: '幕布有 {{percent}}% 抠不干净：光照不均或发白。',
          action: '抚平幕布，均匀照亮幕布（以及脚边的地面）；一块幕布，一种颜色。',
        },
        holes: {
          keyed: '人物有部分被抠掉（占画面 {{percent}}%）：透出或反射了绿色（眼镜、手机屏幕、亮面鞋子、首饰），或衣服是绿色的。',
          partial: '人物有部分变得半透明（占画面 {{percent}}%）：绿色反光或溢色。',
          action: '去掉人物身上透明、反光或绿色的物品；调整灯光，避免反射绿色。',
        },
        spill: {
          edge: '人物轮廓有 {{percent}}% 带绿色（头发、肩膀、边缘）。',
          action: '让人物离幕布远一些，加轮廓光；剩下的由去绿程度去除。',
        },
        'distance-hint': {
          distance: '溢色这么强（轮廓的 {{percent}}%）说明模特离幕布可能不到 {{metres}} 米（§1.2.2）。',
          action: '让模特站在幕布前至少 {{metres}} 米处。',
        },
      },
    },
  },
};

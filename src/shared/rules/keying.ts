/** The backdrop (green/blue screen) rules of the keying analysis (§1.2.4, §1.2.2). */
import { GREEN_SCREEN_MIN_DISTANCE, KEYING_CHECKS } from '../standards';
import type { RuleDef } from './types';

export const keyingRules: RuleDef[] = [
  {
    id: 'key.non-backdrop-edge',
    section: KEYING_CHECKS.section,
    severity: 'error',
    title: { en: 'Bar or border at the frame edge', 'zh-CN': '画面边缘有色条或黑边' },
    message: {
      en: 'A {{px}}-px dark border along the {{edge}} edge (hard to see, shows up when compositing).',
      'zh-CN': '画面{{edge}}边有 {{px}} 像素的暗边（肉眼难以发现，合成时才会显出来）。',
    },
    variants: {
      'black-bar': {
        en: 'A black bar {{px}} px wide along the {{edge}} edge: it is not backdrop and stays in the picture.',
        'zh-CN': '画面{{edge}}边有 {{px}} 像素宽的黑条：它不是幕布，会留在画面中。',
      },
      'color-bar': {
        en: 'A non-green bar {{px}} px wide along the {{edge}} edge: it is not backdrop and stays in the picture.',
        'zh-CN': '画面{{edge}}边有 {{px}} 像素宽的非绿色条：它不是幕布，会留在画面中。',
      },
    },
    action: {
      en: 'Crop it away or export again without it (check the editing software’s frame size).',
      'zh-CN': '裁掉它，或重新导出不带它的视频（检查剪辑软件的画面尺寸）。',
    },
  },
  {
    id: 'key.backdrop-uneven',
    section: KEYING_CHECKS.section,
    severity: 'warn',
    title: { en: 'Backdrop not one even shade', 'zh-CN': '幕布颜色不均匀' },
    message: {
      en: '{{percent}}% of the backdrop does not key out fully: unevenly lit or washed out.',
      'zh-CN': '幕布有 {{percent}}% 抠不干净：光照不均或发白。',
    },
    variants: {
      dark: {
        en: '{{percent}}% of the backdrop is much darker than the rest: folds, creases or shadows (e.g. between the feet).',
        'zh-CN': '幕布有 {{percent}}% 比其余部分暗得多：褶皱、折痕或阴影（如两脚之间）。',
      },
      shade: {
        en: '{{percent}}% of the backdrop is a different shade of green: use one shade only.',
        'zh-CN': '幕布有 {{percent}}% 是另一种绿色：只能用一种绿色。',
      },
    },
    action: {
      en: 'Smooth the backdrop and light it (and the floor by the feet) evenly; one backdrop, one shade.',
      'zh-CN': '抚平幕布，均匀照亮幕布（以及脚边的地面）；一块幕布，一种颜色。',
    },
  },
  {
    id: 'key.holes',
    section: KEYING_CHECKS.section,
    severity: 'warn',
    title: { en: 'Holes in the subject', 'zh-CN': '人物被抠出空洞' },
    message: {
      en: 'Parts of the subject are partly transparent ({{percent}}% of the picture): green reflection or spill.',
      'zh-CN': '人物有部分变得半透明（占画面 {{percent}}%）：绿色反光或溢色。',
    },
    variants: {
      keyed: {
        en: 'Parts of the subject key out ({{percent}}% of the picture): green shows through or is reflected (glasses, phone screen, shiny shoes, jewellery) or the clothes are green.',
        'zh-CN': '人物有部分被抠掉（占画面 {{percent}}%）：透出或反射了绿色（眼镜、手机屏幕、亮面鞋子、首饰），或衣服是绿色的。',
      },
    },
    action: {
      en: 'Remove transparent, shiny or green things from the subject; change the light so no green is reflected.',
      'zh-CN': '去掉人物身上透明、反光或绿色的物品；调整灯光，避免反射绿色。',
    },
  },
  {
    id: 'key.spill',
    section: KEYING_CHECKS.section,
    severity: 'warn',
    title: { en: 'Green spill on the subject', 'zh-CN': '人物身上有绿色溢色' },
    message: {
      en: 'Green cast on {{percent}}% of the subject’s outline (hair, shoulders, edges).',
      'zh-CN': '人物轮廓有 {{percent}}% 带绿色（头发、肩膀、边缘）。',
    },
    action: {
      en: 'Move the subject away from the backdrop, add back light; the green removal level takes out the rest.',
      'zh-CN': '让人物离幕布远一些，加轮廓光；剩下的由去绿程度去除。',
    },
  },
  {
    id: 'key.distance-hint',
    section: GREEN_SCREEN_MIN_DISTANCE.section,
    severity: 'info',
    title: { en: 'Model too close to the screen?', 'zh-CN': '模特离幕布太近？' },
    message: {
      en: 'Spill this strong ({{percent}}% of the outline) suggests the model is closer than {{metres}} m to the screen (§1.2.2).',
      'zh-CN': '溢色这么强（轮廓的 {{percent}}%）说明模特离幕布可能不到 {{metres}} 米（§1.2.2）。',
    },
    action: {
      en: 'Place the model at least {{metres}} m in front of the screen.',
      'zh-CN': '让模特站在幕布前至少 {{metres}} 米处。',
    },
  },
];

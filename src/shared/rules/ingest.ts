/**
 * The converter's own findings (damaged data it concealed, HDR it left untouched). What stands
 * between an imported file and the platform's MP4 is the format group (format.ts), shared with the
 * checker.
 */
import type { RuleDef } from './types';

export const ingestRules: RuleDef[] = [
  {
    id: 'decode.damaged',
    section: '§1.2.5',
    severity: 'warn',
    title: { en: 'Damaged data', 'zh-CN': '数据损坏' },
    message: {
      en: { one: 'Damaged data around {{start}} s, concealed by the decoder ({{count}} message)', other: 'Damaged data around {{start}} s, concealed by the decoder ({{count}} messages)' },
      'zh-CN': '约 {{start}} 秒处数据损坏，已被解码器掩盖（{{count}} 条消息）',
    },
    summary: {
      '': {
        en: { one: 'Damaged data in {{count}} place, concealed by the decoder', other: 'Damaged data in {{count}} places, concealed by the decoder' },
        'zh-CN': '有 {{count}} 处数据损坏，已被解码器掩盖',
      },
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

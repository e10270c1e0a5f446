import { describe, expect, it } from 'vitest';
import { en } from '../../src/renderer/src/i18n/en';
import { zhCN } from '../../src/renderer/src/i18n/zh-CN';
import { ErrorCodeSchema } from '../../src/shared/errors';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v as object, `${prefix}${k}.`)));
}

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('zh-CN and en', () => {
  it('have the same keys', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
  });
  it('use the same placeholders in every string', () => {
    const get = (o: object, k: string) => k.split('.').reduce<unknown>((a, p) => (a as Record<string, unknown>)[p], o) as string;
    for (const k of keys(en)) expect(placeholders(get(zhCN, k)), k).toEqual(placeholders(get(en, k)));
  });
  it('use no placeholder that i18next reads as an option (ns, lng …)', () => {
    const reserved = ['ns', 'lng', 'lngs', 'context', 'defaultValue', 'returnObjects', 'replace', 'postProcess', 'interpolation'];
    for (const k of keys(en)) {
      const get = k.split('.').reduce<unknown>((a, p) => (a as Record<string, unknown>)[p], en) as string;
      for (const p of placeholders(get)) expect(reserved, `${k} uses {{${p}}}`).not.toContain(p);
    }
  });
  it('name every error code', () => {
    for (const code of ErrorCodeSchema.options) {
      expect(en.errors[code]).toBeTruthy();
      expect(zhCN.errors[code]).toBeTruthy();
    }
  });
});

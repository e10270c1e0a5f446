/** The voice rule group (§8–10) in the registry: both languages, same placeholders, a § each. */
import { describe, expect, it } from 'vitest';
import { ruleDef, renderFinding } from '../../src/shared/rules';
import { voiceRules } from '../../src/shared/rules/voice';
import { authScript, AUTH_LANGS } from '../../src/shared/voice/auth-scripts';
import { voiceFinding } from '../../src/shared/voice/qc';
import { segmentLevelSpreadDb, segmentsConsistent, totalState } from '../../src/shared/voice/segments';

const holes = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('voice rules', () => {
  it('are registered with a § and the same placeholders in en and zh-CN', () => {
    for (const r of voiceRules) {
      expect(ruleDef(r.id)?.id).toBe(r.id);
      expect(r.id).toMatch(/^voice\./);
      expect(r.section).toMatch(/^§\d/);
      expect(holes(r.message['zh-CN'])).toEqual(holes(r.message.en));
    }
  });

  it('render in both languages with every value filled', () => {
    const f = voiceFinding('voice.snr', 0, 10, { db: 15 }, 'error');
    expect(f.message).toContain('15 dB');
    expect(renderFinding(f, 'zh-CN')).toContain('15 dB');
    expect(renderFinding(f, 'zh-CN')).not.toMatch(/\{\{/);
  });
});

describe('authorization scripts (§8.6)', () => {
  it('fill the speaker and company in every language, words as the standard gives them', () => {
    expect(authScript('en', ' Ada  Lovelace ', 'ACME')).toBe('I Ada Lovelace am aware that recordings of my voice will be used by ACME to create and use a synthetic version of my voice.');
    expect(authScript('zh', '李华', '如影')).toBe('李华确认我的声音将被如影用于创建我声音的合成版本。');
    for (const l of AUTH_LANGS) expect(authScript(l, '', '')).toContain('____');
    // A pasted newline or a huge name cannot break the one-line script.
    expect(authScript('ja', 'A\nB', 'x'.repeat(500))).not.toContain('\n');
    expect(authScript('ko', 'A', 'x'.repeat(500)).length).toBeLessThan(200);
  });
});

describe('segments (§8.4) and targets (§10)', () => {
  it('spread of the segments’ speech levels', () => {
    expect(segmentLevelSpreadDb([-20, -23.5, null])).toBe(3.5);
    expect(segmentLevelSpreadDb([-20])).toBeNull();
    expect(segmentsConsistent(7)).toBe(false);
    expect(segmentsConsistent(5.9)).toBe(true);
  });
  it('TTS6 running total: short under 50 s, over past 90 s', () => {
    expect(totalState('tts6', 49)).toBe('short');
    expect(totalState('tts6', 55)).toBe('enough');
    expect(totalState('tts6', 91)).toBe('over');
    expect(totalState('tts3', 25 * 60)).toBe('enough');
    expect(totalState('tts3', 30 * 60)).toBe('recommended');
  });
});

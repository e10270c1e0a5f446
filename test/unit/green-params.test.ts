import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GREEN_PARAMS,
  GREEN_PARAM_KEYS,
  GreenParamsSchema,
  blueScreenPreset,
  bgrToRgb,
  defaultGreenParams,
  formatGreenParams,
  parseGreenParams,
  validateGreenParams,
  type GreenParams,
} from '../../src/shared/green-params';

/** §1.3.3's block exactly as the standard prints it (comments included). */
const STANDARD_TEXT = `{
"greenParamsRefinethHBgr": 160, // Background retention level
"greenParamsRefinethLBgr": 40, // Character edge retention width
"greenParamsBlurKs": 3, // Smoothness
"greenParamsColorbalance": 100, // Green removal level
"greenParamsSpillByalpha": 0.5, // Green removal color balance
"greenParamsSamplePointBgr": [ // Sampling color
0,
255,
0
],
"greenParamsSampleBackground": { // Background color
"color": [
255,
0,
0
]
}
}`;

const COPY_OF_DEFAULTS = `{
  "greenParamsRefinethHBgr": 160,
  "greenParamsRefinethLBgr": 40,
  "greenParamsBlurKs": 3,
  "greenParamsColorbalance": 100,
  "greenParamsSpillByalpha": 0.5,
  "greenParamsSamplePointBgr": [
    0,
    255,
    0
  ],
  "greenParamsSampleBackground": {
    "color": [
      255,
      0,
      0
    ]
  }
}`;

function issuesOf(value: unknown) {
  const r = validateGreenParams(value);
  if (r.ok) throw new Error('expected a problem');
  return r.issues;
}

describe('greenParams (§1.3.3)', () => {
  it('has the seven keys and the defaults exactly as §1.3.3 prints them', () => {
    expect(Object.keys(DEFAULT_GREEN_PARAMS)).toEqual([...GREEN_PARAM_KEYS]);
    expect(DEFAULT_GREEN_PARAMS).toEqual({
      greenParamsRefinethHBgr: 160,
      greenParamsRefinethLBgr: 40,
      greenParamsBlurKs: 3,
      greenParamsColorbalance: 100,
      greenParamsSpillByalpha: 0.5,
      greenParamsSamplePointBgr: [0, 255, 0],
      greenParamsSampleBackground: { color: [255, 0, 0] },
    });
    const parsed = parseGreenParams(STANDARD_TEXT);
    expect(parsed).toEqual({ ok: true, params: DEFAULT_GREEN_PARAMS });
  });

  it('Copy writes the §1.3.3 shape: same keys, order, nesting, integers and the decimal 0.5', () => {
    expect(formatGreenParams(defaultGreenParams())).toBe(COPY_OF_DEFAULTS);
    // Same tokens as the standard's block once its comments and layout are set aside.
    const tokens = (s: string) => s.replace(/\/\/[^\n]*/g, '').replace(/\s+/g, '');
    expect(tokens(formatGreenParams(defaultGreenParams()))).toBe(tokens(STANDARD_TEXT));
    // A whole-number SpillByalpha keeps its decimal point; integer parameters never get one.
    const p = { ...defaultGreenParams(), greenParamsSpillByalpha: 1, greenParamsColorbalance: 1 };
    expect(formatGreenParams(p)).toContain('"greenParamsSpillByalpha": 1.0,');
    expect(formatGreenParams(p)).toContain('"greenParamsColorbalance": 1,');
    expect(formatGreenParams({ ...p, greenParamsSpillByalpha: 0 })).toContain('"greenParamsSpillByalpha": 0.0,');
  });

  it('copy → paste round-trips exactly, for many parameter sets', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const sets: GreenParams[] = [defaultGreenParams(), blueScreenPreset(), { ...defaultGreenParams(), greenParamsSpillByalpha: 1 }];
    for (let i = 0; i < 200; i++) {
      const hi = 1 + rnd(255);
      sets.push({
        greenParamsRefinethHBgr: hi,
        greenParamsRefinethLBgr: rnd(hi),
        greenParamsBlurKs: rnd(32),
        greenParamsColorbalance: rnd(101),
        greenParamsSpillByalpha: rnd(101) / 100,
        greenParamsSamplePointBgr: [rnd(256), rnd(256), rnd(256)],
        greenParamsSampleBackground: { color: [rnd(256), rnd(256), rnd(256)] },
      });
    }
    for (const p of sets) {
      const text = formatGreenParams(p);
      const back = parseGreenParams(text);
      expect(back).toEqual({ ok: true, params: p });
      if (back.ok) expect(formatGreenParams(back.params)).toBe(text);
    }
  });

  it('the blue-screen preset is §5.3\'s "RGB 0,0,255" in B,G,R order', () => {
    const blue = blueScreenPreset();
    expect(blue.greenParamsSamplePointBgr).toEqual([255, 0, 0]);
    expect(bgrToRgb(blue.greenParamsSamplePointBgr)).toEqual([0, 0, 255]);
    expect({ ...blue, greenParamsSamplePointBgr: [0, 255, 0] }).toEqual(defaultGreenParams());
  });

  it.each([
    ['out of range (high)', { greenParamsRefinethHBgr: 300 }, 'greenParamsRefinethHBgr', 'out-of-range', /greenParamsRefinethHBgr must be a whole number from 1 to 255, not 300/],
    ['out of range (negative)', { greenParamsRefinethLBgr: -1 }, 'greenParamsRefinethLBgr', 'out-of-range', /from 0 to 254, not -1/],
    ['a fraction where a whole number belongs', { greenParamsBlurKs: 3.5 }, 'greenParamsBlurKs', 'not-integer', /greenParamsBlurKs must be a whole number from 0 to 31, not 3\.5/],
    ['a number written as text', { greenParamsColorbalance: '100' }, 'greenParamsColorbalance', 'wrong-type', /greenParamsColorbalance must be .*not the text "100"/],
    ['SpillByalpha above 1', { greenParamsSpillByalpha: 1.5 }, 'greenParamsSpillByalpha', 'out-of-range', /a number from 0 to 1, not 1\.5/],
    ['null', { greenParamsSpillByalpha: null }, 'greenParamsSpillByalpha', 'wrong-type', /not null/],
    ['a colour with two values', { greenParamsSamplePointBgr: [0, 255] }, 'greenParamsSamplePointBgr', 'wrong-length', /three whole numbers 0–255 in B,G,R order/],
    ['a colour channel above 255', { greenParamsSamplePointBgr: [0, 256, 0] }, 'greenParamsSamplePointBgr', 'out-of-range', /each value must be a whole number from 0 to 255, not 256/],
    ['a colour as a string', { greenParamsSamplePointBgr: '#00ff00' }, 'greenParamsSamplePointBgr', 'wrong-type', /not the text "#00ff00"/],
    ['a background without "color"', { greenParamsSampleBackground: [255, 0, 0] }, 'greenParamsSampleBackground', 'wrong-type', /must be an object like \{"color": \[255, 0, 0\]\}/],
    ['a background colour channel as text', { greenParamsSampleBackground: { color: [255, '0', 0] } }, 'greenParamsSampleBackground.color', 'wrong-type', /greenParamsSampleBackground\.color: each value/],
    ['edge width not below the background level', { greenParamsRefinethHBgr: 40, greenParamsRefinethLBgr: 40 }, 'greenParamsRefinethLBgr', 'order', /greenParamsRefinethLBgr \(40\) must be lower than greenParamsRefinethHBgr \(40\)/],
  ])('%s: named by key and value', (_what, change, key, code, message) => {
    const issues = issuesOf({ ...defaultGreenParams(), ...change });
    const issue = issues.find((i) => i.key === key);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue?.code).toBe(code);
    expect(issue?.message).toMatch(message);
  });

  it('names a missing key, an unknown key (with the likely one) and every problem at once', () => {
    const { greenParamsBlurKs: _gone, ...rest } = defaultGreenParams();
    const issues = issuesOf({ ...rest, greenParamsColourbalance: 100, greenParamsRefinethHBgr: 'high' });
    const byKey = Object.fromEntries(issues.map((i) => [i.key, i]));
    expect(byKey.greenParamsBlurKs?.code).toBe('missing');
    expect(byKey.greenParamsBlurKs?.message).toBe('greenParamsBlurKs is missing');
    expect(byKey.greenParamsColourbalance?.code).toBe('unknown-key');
    expect(byKey.greenParamsColourbalance?.message).toMatch(/did you mean greenParamsColorbalance\?/);
    expect(byKey.greenParamsRefinethHBgr?.got).toBe('"high"');
    expect(issues.length).toBe(3);
    const nested = issuesOf({ ...defaultGreenParams(), greenParamsSampleBackground: { color: [1, 2, 3], alpha: 1 } });
    expect(nested).toEqual([expect.objectContaining({ key: 'greenParamsSampleBackground.alpha', code: 'unknown-key' })]);
  });

  it('paste: not JSON, an array, and the platform\'s text are told apart', () => {
    expect(parseGreenParams('{"greenParamsBlurKs": 3,,}')).toMatchObject({ ok: false, issues: [{ key: '(json)', code: 'not-json' }] });
    expect(parseGreenParams('[1,2,3]')).toMatchObject({ ok: false, issues: [{ code: 'not-object' }] });
    expect(parseGreenParams('')).toMatchObject({ ok: false, issues: [{ code: 'not-json' }] });
    // "//" inside a string is not a comment.
    const r = parseGreenParams('{"a//b": 1}');
    expect(r.ok ? [] : r.issues).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'a//b', code: 'unknown-key' })]));
  });

  it('the contract schema is the same validation (main refuses what Paste refuses)', () => {
    expect(GreenParamsSchema.safeParse(defaultGreenParams()).success).toBe(true);
    expect(GreenParamsSchema.safeParse({ ...defaultGreenParams(), greenParamsBlurKs: 40 }).success).toBe(false);
    expect(GreenParamsSchema.safeParse({ ...defaultGreenParams(), extra: 1 }).success).toBe(false);
  });
});

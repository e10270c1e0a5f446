/**
 * The platform's green-screen parameters ("greenParams", §1.3.3, §5.3): type, defaults, validation,
 * the exact "Copy Parameters" JSON, and paste.
 *
 * THE KEYING MODEL, AND WHY
 * =========================
 * The standard names the seven parameters and says which way each moves the result; it gives no
 * formula. ../shared/notes/green-params.md collects the evidence: the names match the green-screen
 * parameters of the platform maker's published effects SDK (SenseTime SenseAR/STMobile), whose
 * public headers document several of them. That is strong evidence, not a specification, so the
 * model below is the simplest one that agrees with every sentence of §1.3.3, §5.3 and the notes.
 * Both keyers implement exactly this (CPU reference: src/shared/keying/cpu-keyer.ts; WebGL2 preview:
 * src/renderer/src/features/keying/gl-keyer.ts); the per-pixel maths is in src/shared/keying/model.ts.
 *
 * 1. Key colour — greenParamsSamplePointBgr, "sampling colour", default [0,255,0].
 *    Three 0–255 integers in B,G,R order, as the name says (OpenCV order). §5.3's blue screen
 *    "RGB 0,0,255" is therefore [255,0,0]. The UI always shows the colour as a swatch.
 *
 * 2. Key likeness l ∈ [0,255] per pixel (255 = the key colour). Real backdrops are never the pure
 *    primary: driving-d0.mp4's is about RGB 69,151,105, 25° of hue away from pure green and half as
 *    saturated, and the default key [0,255,0] must still key it cleanly (§1.3.3 defaults are meant to
 *    work). A raw distance to pure green would fail there, so, like OBS's chroma key (which compares
 *    chroma, not RGB), l looks at the chroma direction and the saturation relative to the key's:
 *      - hue difference Δ between pixel and key (HSV hue: the direction of chroma): full likeness
 *        within KEY_HUE_FULL_DEG (35°; real green screens sit 15–30° from the primary), none from
 *        KEY_HUE_ZERO_DEG (60°) on, smooth in between. 60° is where yellow and cyan sit: §5.3 says
 *        yellow clothes only shift colour (despill), so yellow must stay foreground.
 *      - saturation S = chroma / max(value, KEY_VALUE_FLOOR), divided by the key's own S: from
 *        KEY_SAT_LO (0.12) nothing, at KEY_SAT_HI (0.40) and above full. Greys with a faint tint
 *        (white shirts, grey hair in spill) stay; a muted backdrop (S ≈ 0.5 of a pure key) keys fully;
 *        dark pixels are divided by at least the floor (96, ~38% of full scale) so that codec and
 *        sensor noise in black hair and dark rooms (chroma ~15 at value ~20) does not key, while a
 *        backdrop keys fully down to ~half its normal brightness and dark-green shadows below that
 *        key only partly — the "dark shadows between the shoes" that §1.2.4 says segment badly.
 *      l = 255 · (1 − smoothstep(35°, 60°, Δ)) · smoothstep(0.12, 0.40, S/S_key).
 *    A key colour without chroma (a grey sample) keys nothing.
 *
 * 3. greenParamsRefinethHBgr, "background retention level", 160: l ≥ H is fully background. §5.3:
 *    "to increase green removal, set this value lower" — lowering H makes more pixels reach it.
 *    greenParamsRefinethLBgr, "character edge retention width", 40: l ≤ L is fully foreground.
 *    Between them alpha ramps linearly: alpha = clamp((H − l) / (H − L), 0, 1). §5.3: lowering L
 *    "increases green removal at the edges" — it widens the ramp on the foreground side, so the
 *    partly green edge pixels become more transparent. Both only ever lower alpha when lowered
 *    (tested). L must be below H. Both are whole numbers on the likeness scale 0–255 (the standard
 *    quotes whole numbers only: 145, 130 … 60 and 30, 20, 10).
 *
 * 4. greenParamsBlurKs, "smoothness", 3: the matte is smoothed by a ks × ks box filter (separable,
 *    edge pixels repeated). The SDK documents "recommended 1–3, default 3, larger = smoother"; 0 and
 *    1 mean no smoothing. Accepted 0–31: a kernel wider than 31 px would blur away a 1080-px
 *    subject's hair and fingers, and the SDK's own widest documented range ends at 10.
 *
 * 5. greenParamsColorbalance, "green removal level", 100: despill strength s = value / 100 on
 *    0–100 (the SDK's 0–1, default 1 = maximum). The spill of a pixel is how far its key channel
 *    exceeds the mean of the other two (for green: G − (R+B)/2, generalised to any key colour along
 *    the key's chroma direction); despill lowers the key's dominant channel by s × spill. This
 *    "average" limiter is the one that shifts yellows toward orange (a yellow's G exceeds (R+B)/2),
 *    which is exactly §5.3's warning; at 1 (s = 0.01) a yellow keeps its hue (tested). Whole numbers.
 *
 * 6. greenParamsSpillByalpha, "green removal colour balance", 0.5: the SDK documents it as
 *    balancing the subject's colour change caused by green removal, range 0–1, 0.5 = no balancing.
 *    Green removal takes Δ = s × spill out of the key channel, so the subject gets darker and shifts
 *    toward the complementary colour (magenta for green). With β = 2 × (value − 0.5), β × Δ is added
 *    back to all three channels: 0.5 changes nothing at all (β is exactly 0; tested), 1 gives the
 *    removed energy back as neutral grey (brightness kept, cast still removed), 0 darkens by as much
 *    again. Any number 0–1; written as a decimal (0.5, 1.0).
 *
 * 7. greenParamsSampleBackground.color, "background colour", [255,0,0]: the colour composited
 *    behind the subject in the preview (§1.3.1: pick one that makes problems easy to see). Its order
 *    is not written in its name. We read it as B,G,R too: it sits in the same parameter block, the
 *    same OpenCV-style backend reads the sampling colour as B,G,R, and one order for every colour
 *    of the block is the only rule an operator can apply without guessing. The default is then
 *    blue — a good choice for checking a green key, as green fringes show up on blue and red alike.
 *    This is the one choice here without direct evidence; the UI shows the swatch and says "B,G,R".
 *
 * Output: composite = despilled-and-balanced colour × alpha + background × (1 − alpha).
 */
import { z } from 'zod';
import { BLUE_SCREEN_SAMPLE_BGR, GREEN_PARAMS_DEFAULTS } from './standards';

/** A colour as the platform writes it: [B, G, R], integers 0–255. */
export type Bgr = [number, number, number];

export interface GreenParams {
  greenParamsRefinethHBgr: number;
  greenParamsRefinethLBgr: number;
  greenParamsBlurKs: number;
  greenParamsColorbalance: number;
  greenParamsSpillByalpha: number;
  greenParamsSamplePointBgr: Bgr;
  greenParamsSampleBackground: { color: Bgr };
}

export type GreenParamKey = keyof GreenParams;

/** The keys in the order §1.3.3 prints them (and Copy writes them). */
export const GREEN_PARAM_KEYS = [
  'greenParamsRefinethHBgr',
  'greenParamsRefinethLBgr',
  'greenParamsBlurKs',
  'greenParamsColorbalance',
  'greenParamsSpillByalpha',
  'greenParamsSamplePointBgr',
  'greenParamsSampleBackground',
] as const satisfies readonly GreenParamKey[];

/** Ranges of the scalar parameters; the reasons are in the model notes above. */
export const GREEN_PARAM_RANGES = {
  greenParamsRefinethHBgr: { min: 1, max: 255, step: 1, integer: true },
  greenParamsRefinethLBgr: { min: 0, max: 254, step: 1, integer: true },
  greenParamsBlurKs: { min: 0, max: 31, step: 1, integer: true },
  greenParamsColorbalance: { min: 0, max: 100, step: 1, integer: true },
  greenParamsSpillByalpha: { min: 0, max: 1, step: 0.01, integer: false },
} as const;
export type ScalarGreenParamKey = keyof typeof GREEN_PARAM_RANGES;

/** A fresh copy of the §1.3.3 defaults. */
export function defaultGreenParams(): GreenParams {
  const d = GREEN_PARAMS_DEFAULTS;
  return {
    greenParamsRefinethHBgr: d.greenParamsRefinethHBgr,
    greenParamsRefinethLBgr: d.greenParamsRefinethLBgr,
    greenParamsBlurKs: d.greenParamsBlurKs,
    greenParamsColorbalance: d.greenParamsColorbalance,
    greenParamsSpillByalpha: d.greenParamsSpillByalpha,
    greenParamsSamplePointBgr: [...d.greenParamsSamplePointBgr],
    greenParamsSampleBackground: { color: [...d.greenParamsSampleBackground.color] },
  };
}

export const DEFAULT_GREEN_PARAMS: Readonly<GreenParams> = Object.freeze(defaultGreenParams());

/** §5.3's blue screen: the same parameters with the key colour set to blue (B,G,R 255,0,0). */
export function blueScreenPreset(from: GreenParams = defaultGreenParams()): GreenParams {
  return { ...from, greenParamsSamplePointBgr: [...BLUE_SCREEN_SAMPLE_BGR.bgr] };
}

export const bgrToRgb = (c: readonly number[]): [number, number, number] => [c[2] ?? 0, c[1] ?? 0, c[0] ?? 0];
export const rgbToBgr = (c: readonly number[]): Bgr => [c[2] ?? 0, c[1] ?? 0, c[0] ?? 0];
export const bgrToCss = (c: readonly number[]): string => `rgb(${bgrToRgb(c).join(', ')})`;

// ---------------------------------------------------------------------------------------------
// Validation. One zod schema, used by main on every contract input and by Paste. Messages name the
// key and the value and say what is allowed.

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return `the text ${JSON.stringify(v)}`;
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function scalar(key: ScalarGreenParamKey) {
  const r = GREEN_PARAM_RANGES[key];
  const what = r.integer ? `a whole number from ${r.min} to ${r.max}` : `a number from ${r.min} to ${r.max}`;
  const msg = (iss: { input?: unknown }) => `${key} must be ${what}, not ${show(iss.input)}`;
  let s = z.number({ error: (iss) => (iss.input === undefined ? `${key} is missing` : msg(iss)) });
  if (r.integer) s = s.int({ error: msg });
  return s.min(r.min, { error: msg }).max(r.max, { error: msg });
}

function channel(key: string) {
  const msg = (iss: { input?: unknown }) => `${key}: each value must be a whole number from 0 to 255, not ${show(iss.input)}`;
  return z.number({ error: msg }).int({ error: msg }).min(0, { error: msg }).max(255, { error: msg });
}

function bgr(key: string) {
  const c = channel(key);
  return z.tuple([c, c, c], {
    error: (iss) =>
      iss.input === undefined ? `${key} is missing` : `${key} must be three whole numbers 0–255 in B,G,R order, like [0, 255, 0], not ${show(iss.input)}`,
  });
}

const BgrSchema = bgr('greenParamsSamplePointBgr');

export const GreenParamsSchema = z
  .object(
    {
      greenParamsRefinethHBgr: scalar('greenParamsRefinethHBgr'),
      greenParamsRefinethLBgr: scalar('greenParamsRefinethLBgr'),
      greenParamsBlurKs: scalar('greenParamsBlurKs'),
      greenParamsColorbalance: scalar('greenParamsColorbalance'),
      greenParamsSpillByalpha: scalar('greenParamsSpillByalpha'),
      greenParamsSamplePointBgr: BgrSchema,
      greenParamsSampleBackground: z
        .object(
          { color: bgr('greenParamsSampleBackground.color') },
          {
            error: (iss) =>
              iss.input === undefined
                ? 'greenParamsSampleBackground is missing'
                : `greenParamsSampleBackground must be an object like {"color": [255, 0, 0]}, not ${show(iss.input)}`,
          },
        )
        .strict(),
    },
    { error: (iss) => `the parameters must be a JSON object like the one §1.3.3 shows, not ${show(iss.input)}` },
  )
  .strict()
  .superRefine((p, ctx) => {
    if (p.greenParamsRefinethLBgr >= p.greenParamsRefinethHBgr) {
      ctx.addIssue({
        code: 'custom',
        path: ['greenParamsRefinethLBgr'],
        message: `greenParamsRefinethLBgr (${p.greenParamsRefinethLBgr}) must be lower than greenParamsRefinethHBgr (${p.greenParamsRefinethHBgr}): between them the edge fades from subject to background`,
        params: { kind: 'order' },
      });
    }
  });

/** One problem with pasted or submitted parameters, for the UI to translate by `code`. */
export interface GreenParamsIssue {
  /** Dotted key, e.g. "greenParamsSampleBackground.color" or "(json)". */
  key: string;
  code: 'not-json' | 'not-object' | 'missing' | 'unknown-key' | 'wrong-type' | 'not-integer' | 'out-of-range' | 'wrong-length' | 'order';
  /** The offending value as written, when there is one. */
  got?: string;
  min?: number;
  max?: number;
  /** English sentence naming the key and the value. */
  message: string;
}

export type GreenParamsParse = { ok: true; params: GreenParams } | { ok: false; issues: GreenParamsIssue[] };

/** The value as JSON text, as the operator wrote it ("5" with quotes is a string). */
function literal(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function rangeOf(path: readonly PropertyKey[]): { min: number; max: number } {
  const top = path[0];
  if (typeof top === 'string' && top in GREEN_PARAM_RANGES) {
    const r = GREEN_PARAM_RANGES[top as ScalarGreenParamKey];
    return { min: r.min, max: r.max };
  }
  return { min: 0, max: 255 };
}

/** Validate any value (already parsed JSON) as greenParams, with every problem named. */
export function validateGreenParams(value: unknown): GreenParamsParse {
  const r = GreenParamsSchema.safeParse(value);
  if (r.success) return { ok: true, params: r.data };
  const issues: GreenParamsIssue[] = [];
  for (const iss of r.error.issues) {
    const path = iss.path;
    if (iss.code === 'unrecognized_keys') {
      const where = path.length ? `${path.join('.')}.` : '';
      for (const k of iss.keys) {
        const hint = closestKey(k);
        issues.push({
          key: `${where}${k}`,
          code: 'unknown-key',
          message: `unknown key "${where}${k}"${hint ? ` (did you mean ${hint}?)` : ''}: §1.3.3 has exactly ${GREEN_PARAM_KEYS.join(', ')}`,
        });
      }
      continue;
    }
    const key = path.length ? path.filter((p) => typeof p === 'string').join('.') : '(parameters)';
    const got = valueAt(value, path);
    const base = { key, message: iss.message, ...(got === undefined ? {} : { got: literal(got) }) };
    if (iss.code === 'custom') issues.push({ ...base, code: 'order' });
    else if (path.length === 0) issues.push({ ...base, code: 'not-object' });
    else if (iss.code === 'invalid_type' && got === undefined) issues.push({ ...base, code: 'missing' });
    else if (iss.code === 'invalid_type' && typeof got === 'number' && Number.isFinite(got)) {
      issues.push({ ...base, code: 'not-integer', ...rangeOf(path) });
    } else if ((iss.code === 'too_small' || iss.code === 'too_big') && iss.origin === 'array') {
      issues.push({ ...base, code: 'wrong-length' });
    } else if (iss.code === 'too_small' || iss.code === 'too_big') issues.push({ ...base, code: 'out-of-range', ...rangeOf(path) });
    else issues.push({ ...base, code: 'wrong-type' });
  }
  return { ok: false, issues };
}

function closestKey(k: string): string | null {
  let best: { key: string; d: number } | null = null;
  for (const g of GREEN_PARAM_KEYS) {
    const d = editDistance(k.toLowerCase(), g.toLowerCase());
    if (!best || d < best.d) best = { key: g, d };
  }
  return best && best.d <= 4 ? best.key : null;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * Paste: the text the platform's "Copy Parameters" gives (or this app's Copy), validated. The
 * standard prints the block with `// comments`; those are accepted and ignored.
 */
export function parseGreenParams(text: string): GreenParamsParse {
  let value: unknown;
  try {
    value = JSON.parse(stripLineComments(text));
  } catch (err) {
    const detail = (err as Error).message;
    return {
      ok: false,
      issues: [{ key: '(json)', code: 'not-json', got: text.trim().slice(0, 40), message: `not valid JSON: ${detail}` }],
    };
  }
  return validateGreenParams(value);
}

/** Remove `// …` to the end of a line, outside JSON strings. */
function stripLineComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else out += ch;
  }
  return out;
}

/**
 * Copy: exactly the §1.3.3 JSON shape — the same keys in the same order, the same nesting, two-space
 * indentation with one array element a line as the standard prints it. Whole-number parameters are
 * written as integers; greenParamsSpillByalpha is a decimal and always keeps its point (0.5, 1.0).
 */
export function formatGreenParams(p: GreenParams): string {
  const ordered = {
    greenParamsRefinethHBgr: p.greenParamsRefinethHBgr,
    greenParamsRefinethLBgr: p.greenParamsRefinethLBgr,
    greenParamsBlurKs: p.greenParamsBlurKs,
    greenParamsColorbalance: p.greenParamsColorbalance,
    greenParamsSpillByalpha: p.greenParamsSpillByalpha,
    greenParamsSamplePointBgr: [...p.greenParamsSamplePointBgr],
    greenParamsSampleBackground: { color: [...p.greenParamsSampleBackground.color] },
  };
  return JSON.stringify(ordered, null, 2).replace(/("greenParamsSpillByalpha": )(-?\d+)(,?)$/m, '$1$2.0$3');
}

/** Two parameter sets are the same (every key, every channel). */
export function sameGreenParams(a: GreenParams, b: GreenParams): boolean {
  return formatGreenParams(a) === formatGreenParams(b);
}

/**
 * The live preview keyer: the model of src/shared/green-params.ts as a WebGL2 pipeline. It must
 * agree with the CPU reference (src/shared/keying/cpu-keyer.ts) within a mean |Δalpha| of 2/255, so
 * it runs the same passes with the same 8-bit intermediates and the same constants:
 *   1. key:     source texel → (despilled colour, raw alpha)              → RGBA8 texture
 *   2. blur H:  ks-tap box of raw alpha, edge texels repeated               → R8 texture
 *   3. output:  ks-tap vertical box → alpha; then the view (original, keyed over the background
 *               colour, matte, or original | keyed side by side)         → the canvas
 * Colours are scaled to 0–255 and rounded first, so the maths sees exactly the CPU's numbers.
 * Textures keep the picture's row order (row 0 = top); only the last pass flips for the canvas.
 */
import type { GreenParams } from '../../../../shared/green-params';
import {
  KEY_HUE_FULL_DEG,
  KEY_HUE_ZERO_DEG,
  KEY_SAT_HI,
  KEY_SAT_LO,
  KEY_VALUE_FLOOR,
  prepareKey,
  type PreparedKey,
} from '../../../../shared/keying/model';
import { boxTaps } from '../../../../shared/keying/cpu-keyer';

export type KeyView = 'original' | 'keyed' | 'matte' | 'side';
export const KEY_VIEWS: readonly KeyView[] = ['original', 'keyed', 'matte', 'side'];

const f = (n: number) => (Number.isInteger(n) ? `${n}.0` : String(n));

const VERTEX = `#version 300 es
void main() {
  vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}`;

const KEY_PASS = `#version 300 es
precision highp float;
precision highp int;
uniform highp sampler2D u_src;
uniform bool u_valid;
uniform float u_keyHue;
uniform float u_keySat;
uniform float u_hi;
uniform float u_lo;
uniform vec3 u_spillU;
uniform int u_spillCh;
uniform float u_strength;
uniform float u_beta;
out vec4 o;

const float HUE_FULL = ${f(KEY_HUE_FULL_DEG)};
const float HUE_ZERO = ${f(KEY_HUE_ZERO_DEG)};
const float SAT_LO = ${f(KEY_SAT_LO)};
const float SAT_HI = ${f(KEY_SAT_HI)};
const float VALUE_FLOOR = ${f(KEY_VALUE_FLOOR)};

void main() {
  vec3 c = floor(texelFetch(u_src, ivec2(gl_FragCoord.xy), 0).rgb * 255.0 + 0.5);
  float r = c.r, g = c.g, b = c.b;
  float v = max(r, max(g, b));
  float ch = v - min(r, min(g, b));
  float l = 0.0;
  if (u_valid && ch > 0.0) {
    float h;
    if (v == r) h = (g - b) / ch;
    else if (v == g) h = (b - r) / ch + 2.0;
    else h = (r - g) / ch + 4.0;
    h *= 60.0;
    if (h < 0.0) h += 360.0;
    float d = abs(h - u_keyHue);
    if (d > 180.0) d = 360.0 - d;
    float hueTerm = 1.0 - smoothstep(HUE_FULL, HUE_ZERO, d);
    if (hueTerm > 0.0) {
      float s = ch / max(v, VALUE_FLOOR) / u_keySat;
      l = 255.0 * hueTerm * smoothstep(SAT_LO, SAT_HI, s);
    }
  }
  float a;
  if (!u_valid) a = 1.0;
  else if (u_hi > u_lo) a = clamp((u_hi - l) / (u_hi - u_lo), 0.0, 1.0);
  else a = l >= u_hi ? 0.0 : 1.0;

  float spill = r * u_spillU.r + g * u_spillU.g + b * u_spillU.b;
  float removed = spill > 0.0 ? u_strength * spill : 0.0;
  float back = u_beta * removed;
  vec3 fg = c + vec3(back);
  if (u_spillCh == 0) fg.r -= removed;
  else if (u_spillCh == 1) fg.g -= removed;
  else fg.b -= removed;
  o = vec4(clamp(fg, 0.0, 255.0) / 255.0, a);
}`;

const BLUR_H = `#version 300 es
precision highp float;
precision highp int;
uniform highp sampler2D u_key;
uniform int u_from;
uniform int u_to;
uniform int u_width;
out vec4 o;
void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  float s = 0.0;
  for (int t = u_from; t <= u_to; t++) s += texelFetch(u_key, ivec2(clamp(p.x + t, 0, u_width - 1), p.y), 0).a;
  o = vec4(s / float(u_to - u_from + 1), 0.0, 0.0, 1.0);
}`;

const OUTPUT = `#version 300 es
precision highp float;
precision highp int;
uniform highp sampler2D u_src;
uniform highp sampler2D u_key;
uniform highp sampler2D u_blur;
uniform int u_from;
uniform int u_to;
uniform ivec2 u_size;
uniform int u_view;
uniform vec3 u_bg;
out vec4 o;
void main() {
  ivec2 q = ivec2(gl_FragCoord.xy);
  q.y = u_size.y - 1 - q.y;
  bool original = u_view == 0;
  if (u_view == 3) {
    if (q.x < u_size.x) original = true;
    else q.x -= u_size.x;
  }
  if (original) {
    o = vec4(texelFetch(u_src, q, 0).rgb, 1.0);
    return;
  }
  float s = 0.0;
  for (int t = u_from; t <= u_to; t++) s += texelFetch(u_blur, ivec2(q.x, clamp(q.y + t, 0, u_size.y - 1)), 0).r;
  float a = s / float(u_to - u_from + 1);
  if (u_view == 2) {
    o = vec4(vec3(a), 1.0);
    return;
  }
  vec3 fg = texelFetch(u_key, q, 0).rgb;
  o = vec4(mix(u_bg / 255.0, fg, a), 1.0);
}`;

type Program = { program: WebGLProgram; u: (name: string) => WebGLUniformLocation | null };

export interface RenderStats {
  width: number;
  height: number;
  /** CPU-side milliseconds of the last render call (upload + draw submission). */
  ms: number;
}

/** WebGL2 keyer on a canvas. `GlKeyer.create` returns null where WebGL2 is not available. */
export class GlKeyer {
  private readonly gl: WebGL2RenderingContext;
  private readonly keyProgram: Program;
  private readonly blurProgram: Program;
  private readonly outProgram: Program;
  private readonly srcTex: WebGLTexture;
  private readonly keyTex: WebGLTexture;
  private readonly blurTex: WebGLTexture;
  private readonly keyFbo: WebGLFramebuffer;
  private readonly blurFbo: WebGLFramebuffer;
  private readonly vao: WebGLVertexArrayObject;
  private size = { width: 0, height: 0 };
  private key: PreparedKey | null = null;
  readonly renderer: string;

  static create(canvas: HTMLCanvasElement | OffscreenCanvas): GlKeyer | null {
    const gl = canvas.getContext('webgl2', {
      alpha: false,
      antialias: false,
      depth: false,
      stencil: false,
      premultipliedAlpha: false,
      // The picture stays readable after it is shown: copy, tests and the matte download read it.
      preserveDrawingBuffer: true,
    }) as WebGL2RenderingContext | null;
    if (!gl) return null;
    try {
      return new GlKeyer(gl);
    } catch {
      return null;
    }
  }

  private constructor(gl: WebGL2RenderingContext) {
    this.gl = gl;
    this.keyProgram = link(gl, KEY_PASS);
    this.blurProgram = link(gl, BLUR_H);
    this.outProgram = link(gl, OUTPUT);
    this.srcTex = texture(gl);
    this.keyTex = texture(gl);
    this.blurTex = texture(gl);
    this.keyFbo = must(gl.createFramebuffer(), 'framebuffer');
    this.blurFbo = must(gl.createFramebuffer(), 'framebuffer');
    this.vao = must(gl.createVertexArray(), 'vertex array');
    const dbg = gl.getExtension('WEBGL_debug_renderer_info');
    this.renderer = String(gl.getParameter(dbg ? dbg.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  }

  get canvas(): HTMLCanvasElement | OffscreenCanvas {
    return this.gl.canvas;
  }

  setParams(params: GreenParams): void {
    this.key = prepareKey(params);
  }

  /**
   * Upload the source's current picture and draw `view` at the source's size (twice as wide for
   * side by side). The source must be same-origin (a blob: URL or a camera stream).
   */
  render(source: TexImageSource, width: number, height: number, view: KeyView): RenderStats {
    const t0 = performance.now();
    const { gl } = this;
    const k = this.key;
    if (!k) throw new Error('GlKeyer.render before setParams');
    if (width < 1 || height < 1) return { width, height, ms: 0 };
    this.resize(width, height);

    gl.bindTexture(gl.TEXTURE_2D, this.srcTex);
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_COLORSPACE_CONVERSION_WEBGL, gl.NONE);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, gl.RGBA, gl.UNSIGNED_BYTE, source as TexImageSource);
    gl.bindVertexArray(this.vao);

    // 1. key
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.keyFbo);
    gl.viewport(0, 0, width, height);
    this.use(this.keyProgram);
    this.bindTex(0, this.srcTex, this.keyProgram, 'u_src');
    const kp = this.keyProgram;
    gl.uniform1i(kp.u('u_valid'), k.valid ? 1 : 0);
    gl.uniform1f(kp.u('u_keyHue'), k.hue);
    gl.uniform1f(kp.u('u_keySat'), k.sat);
    gl.uniform1f(kp.u('u_hi'), k.hi);
    gl.uniform1f(kp.u('u_lo'), k.lo);
    gl.uniform3f(kp.u('u_spillU'), k.spillU[0], k.spillU[1], k.spillU[2]);
    gl.uniform1i(kp.u('u_spillCh'), k.spillChannel);
    gl.uniform1f(kp.u('u_strength'), k.strength);
    gl.uniform1f(kp.u('u_beta'), k.beta);
    gl.drawArrays(gl.TRIANGLES, 0, 3);

    // 2. horizontal box
    const taps = boxTaps(k.blurKs);
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.blurFbo);
    this.use(this.blurProgram);
    this.bindTex(0, this.keyTex, this.blurProgram, 'u_key');
    gl.uniform1i(this.blurProgram.u('u_from'), taps.from);
    gl.uniform1i(this.blurProgram.u('u_to'), taps.to);
    gl.uniform1i(this.blurProgram.u('u_width'), width);
    gl.drawArrays(gl.TRIANGLES, 0, 3);

    // 3. vertical box and the view
    const outWidth = view === 'side' ? width * 2 : width;
    const canvas = gl.canvas;
    if (canvas.width !== outWidth) canvas.width = outWidth;
    if (canvas.height !== height) canvas.height = height;
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.viewport(0, 0, outWidth, height);
    const op = this.outProgram;
    this.use(op);
    this.bindTex(0, this.srcTex, op, 'u_src');
    this.bindTex(1, this.keyTex, op, 'u_key');
    this.bindTex(2, this.blurTex, op, 'u_blur');
    gl.uniform1i(op.u('u_from'), taps.from);
    gl.uniform1i(op.u('u_to'), taps.to);
    gl.uniform2i(op.u('u_size'), width, height);
    gl.uniform1i(op.u('u_view'), KEY_VIEWS.indexOf(view));
    gl.uniform3f(op.u('u_bg'), k.background[0], k.background[1], k.background[2]);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
    return { width, height, ms: performance.now() - t0 };
  }

  /** Wait for the GPU (benchmarks: makes a frame's cost measurable). */
  finish(): void {
    this.gl.finish();
  }

  dispose(): void {
    const { gl } = this;
    for (const t of [this.srcTex, this.keyTex, this.blurTex]) gl.deleteTexture(t);
    for (const fb of [this.keyFbo, this.blurFbo]) gl.deleteFramebuffer(fb);
    for (const p of [this.keyProgram, this.blurProgram, this.outProgram]) gl.deleteProgram(p.program);
    gl.deleteVertexArray(this.vao);
  }

  private resize(width: number, height: number): void {
    if (this.size.width === width && this.size.height === height) return;
    const { gl } = this;
    gl.bindTexture(gl.TEXTURE_2D, this.keyTex);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, width, height, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.keyFbo);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, this.keyTex, 0);
    gl.bindTexture(gl.TEXTURE_2D, this.blurTex);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.R8, width, height, 0, gl.RED, gl.UNSIGNED_BYTE, null);
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.blurFbo);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, this.blurTex, 0);
    const status = gl.checkFramebufferStatus(gl.FRAMEBUFFER);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    if (status !== gl.FRAMEBUFFER_COMPLETE) throw new Error(`keying framebuffer incomplete (0x${status.toString(16)})`);
    this.size = { width, height };
  }

  private use(p: Program): void {
    this.gl.useProgram(p.program);
  }

  private bindTex(unit: number, tex: WebGLTexture, p: Program, name: string): void {
    const { gl } = this;
    gl.activeTexture(gl.TEXTURE0 + unit);
    gl.bindTexture(gl.TEXTURE_2D, tex);
    gl.uniform1i(p.u(name), unit);
  }
}

function must<T>(v: T | null, what: string): T {
  if (!v) throw new Error(`WebGL2: could not create a ${what}`);
  return v;
}

function texture(gl: WebGL2RenderingContext): WebGLTexture {
  const t = must(gl.createTexture(), 'texture');
  gl.bindTexture(gl.TEXTURE_2D, t);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  return t;
}

function link(gl: WebGL2RenderingContext, fragment: string): Program {
  const compile = (type: number, src: string) => {
    const s = must(gl.createShader(type), 'shader');
    gl.shaderSource(s, src);
    gl.compileShader(s);
    if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(`keying shader: ${gl.getShaderInfoLog(s) ?? 'does not compile'}`);
    return s;
  };
  const program = must(gl.createProgram(), 'program');
  gl.attachShader(program, compile(gl.VERTEX_SHADER, VERTEX));
  gl.attachShader(program, compile(gl.FRAGMENT_SHADER, fragment));
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`keying program: ${gl.getProgramInfoLog(program) ?? 'does not link'}`);
  const cache = new Map<string, WebGLUniformLocation | null>();
  return {
    program,
    u: (name) => {
      if (!cache.has(name)) cache.set(name, gl.getUniformLocation(program, name));
      return cache.get(name) ?? null;
    },
  };
}

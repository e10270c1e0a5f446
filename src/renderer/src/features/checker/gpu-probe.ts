/**
 * Is there a real GPU behind this page's WebGL2? (issue #15: the GPU delegate only where a real GPU
 * is present.) Chromium without a GPU either has no WebGL2 at all (--disable-gpu) or renders it in
 * software (SwiftShader through ANGLE, Mesa's llvmpipe/softpipe): the landmarker's GPU delegate
 * would then run on the CPU cores the CPU delegate already uses, only slower.
 */
import { isSoftwareRenderer } from '../../../../shared/vision/gpu-delegate';

export interface GpuProbe {
  /** WebGL2's unmasked renderer string, or null when there is no WebGL2 context. */
  renderer: string | null;
  /** A hardware renderer: the GPU delegate may be tried (and is verified against the CPU). */
  real: boolean;
}

export function probeGpu(): GpuProbe {
  let gl: WebGL2RenderingContext | null = null;
  try {
    gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  } catch {
    gl = null;
  }
  if (!gl) return { renderer: null, real: false };
  // The debug extension gives the real renderer; without it RENDERER is often just "WebKit WebGL".
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { renderer, real: renderer !== '' && !isSoftwareRenderer(renderer) };
}

/**
 * The renderer's Content Security Policy, one string for Electron's app:// protocol and serve mode.
 * No remote origins at all: MediaPipe's wasm and model are served by the app, and its telemetry
 * request is refused by connect-src. 'wasm-unsafe-eval' lets WebAssembly compile, nothing more.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

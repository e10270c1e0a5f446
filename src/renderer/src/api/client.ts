import type { PreloadBridge, StudioClient } from '../../../shared/api';
import { PreloadClient } from './preload-client';
import { TOKEN_KEY } from './serve-token';
import { WsClient } from './ws-client';

/**
 * In Electron the preload bridge is there; in a browser (serve mode) the token comes from the
 * address the studio printed (#token=…). It is kept for the tab's session and removed from the
 * address bar so it is not shared by a screenshot or a copied link.
 */
function readServeToken(): string | null {
  const hash = new URLSearchParams(window.location.hash.slice(1));
  const fromHash = hash.get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    hash.delete('token');
    const rest = hash.toString();
    history.replaceState(null, '', window.location.pathname + window.location.search + (rest ? `#${rest}` : ''));
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function createClient(): StudioClient {
  const bridge = (window as unknown as { studio?: PreloadBridge }).studio;
  if (bridge) return new PreloadClient(bridge);
  const token = readServeToken() ?? '';
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return new WsClient(`${scheme}://${window.location.host}/ws?token=${encodeURIComponent(token)}`);
}

/** A browser page opened without the studio's token (e.g. /prompter typed by hand): it cannot connect. */
export function serveTokenMissing(): boolean {
  const bridge = (window as unknown as { studio?: PreloadBridge }).studio;
  return !bridge && !sessionStorage.getItem(TOKEN_KEY);
}

/** Take a token (or the whole address the studio printed) and connect with it: the page reloads. */
export function connectWithToken(input: string): boolean {
  const text = input.trim();
  const token = /[#&?]token=([^&\s]+)/.exec(text)?.[1] ?? (/^[A-Za-z0-9_-]{8,200}$/.test(text) ? text : null);
  if (!token) return false;
  sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(token));
  window.location.reload();
  return true;
}

export const studio: StudioClient = createClient();

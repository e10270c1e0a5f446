/** Where serve mode keeps its per-run token for the tab's session (client.ts moves it there from #token=…). */
export const TOKEN_KEY = 'capture-studio.token';

/**
 * The page's serve token, for a request that cannot use the WebSocket (the vision worker's model
 * fetch): from the address (#token=…, frame analyzer and harness pages) or the tab's session.
 */
export function pageToken(base: string): string | null {
  const fromHash = new URLSearchParams(new URL(base).hash.slice(1)).get('token');
  if (fromHash) return fromHash;
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/**
 * The one set of security settings every Electron window gets (ADR 0005, DESIGN "Electron
 * security stays"): isolated, sandboxed, no Node in the page, web security on, no <webview>.
 * Windows pass only what differs (preload, session); the security keys are spread last, so a
 * caller cannot turn one off by accident.
 */
import type { WebPreferences } from 'electron';

export const SECURE_WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  sandbox: true,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
} as const satisfies WebPreferences);

export function secureWebPreferences(extra: Pick<WebPreferences, 'preload' | 'session'> = {}): WebPreferences {
  return { ...extra, ...SECURE_WEB_PREFERENCES };
}

/**
 * Electron wiring only: the window, the app:// protocol that serves the renderer, permissions,
 * and the IPC bridge to the transport-independent studio (studio.ts).
 */
import { app, BrowserWindow, ipcMain, net, protocol, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { resolveStatic } from './static-files';
import { faceModelFile, isFaceModelRoute } from './face-model-route';
import { openFaceAnalyzer, type PageLauncher } from './services/checker/chromium-face-analyzer';
import { createStudio, recoverAtAppStart } from './studio';

const APP_SCHEME = 'app';
const APP_ORIGIN = `${APP_SCHEME}://studio`;
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

let prompterWindow: BrowserWindow | null = null;

/** The prompter in its own window, for a second screen in front of the model. */
function openPrompterWindow(): boolean {
  if (prompterWindow && !prompterWindow.isDestroyed()) {
    prompterWindow.focus();
    return true;
  }
  prompterWindow = new BrowserWindow({
    width: 1000,
    height: 700,
    title: 'Prompter',
    backgroundColor: '#000000',
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
    },
  });
  prompterWindow.on('closed', () => (prompterWindow = null));
  void prompterWindow.loadURL(`${APP_ORIGIN}/prompter`);
  return true;
}

/**
 * The checker's face analysis in Electron: a hidden window of its own session that may reach only
 * the local analyzer server, running the same page and vision worker as headless Chromium would.
 */
const hiddenWindow: PageLauncher = async (url) => {
  const origin = new URL(url).origin;
  const ses = session.fromPartition('checker-analyzer');
  ses.webRequest.onBeforeRequest((details, callback) => {
    const u = details.url;
    callback({ cancel: !(u.startsWith(`${origin}/`) || u.startsWith(origin.replace('http', 'ws')) || u.startsWith('blob:') || u.startsWith('data:')) });
  });
  ses.setPermissionRequestHandler((_wc, _p, callback) => callback(false));
  const win = new BrowserWindow({ show: false, webPreferences: { session: ses, contextIsolation: true, nodeIntegration: false, sandbox: true } });
  await win.loadURL(url);
  return {
    close: async () => win.destroy(),
    describeFailure: () => win.webContents.executeJavaScript('document.body.dataset.error || ""') as Promise<string>,
  };
};

const studio = createStudio({
  mode: 'electron',
  log: (l) => console.error(l),
  rendererDir,
  openPrompterWindow,
  openFaces: () => openFaceAnalyzer({ rendererDir, launch: hiddenWindow }),
});

function isAppOrigin(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return new URL(url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}

function registerAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file =
      url.host !== 'studio'
        ? null
        : isFaceModelRoute(url.pathname)
          ? await faceModelFile(studio.context)
          : (studio.context.links.resolve(url.pathname) ?? (await resolveStatic(rendererDir, url.pathname)));
    if (!file) return new Response('Not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  // Camera and microphone only for the app's own pages; everything else is refused.
  ses.setPermissionRequestHandler((wc, permission, callback, details) => {
    const allowed = permission === 'media' && isAppOrigin(details.requestingUrl ?? wc.getURL());
    callback(allowed);
  });
  ses.setPermissionCheckHandler((_wc, permission, origin) => permission === 'media' && isAppOrigin(origin));
  // Nothing leaves the machine: this also blocks MediaPipe's usage telemetry.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const u = details.url;
    const local = u.startsWith(`${APP_ORIGIN}/`) || u.startsWith('devtools:') || u.startsWith('blob:') || u.startsWith('data:');
    callback({ cancel: !local });
  });
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    show: false,
    title: 'Capture Studio',
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppOrigin(url)) event.preventDefault();
  });
  void win.loadURL(`${APP_ORIGIN}/`);
}

app.whenReady().then(() => {
  registerAppProtocol();
  lockDownSession();
  ipcMain.handle('studio:invoke', (event, method: unknown, input: unknown) => {
    if (!isAppOrigin(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'bad-argument', message: 'Calls are only taken from the studio window' } };
    }
    return studio.dispatch(method, input);
  });
  studio.bus.subscribe((name, payload) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send('studio:event', name, payload);
  });
  createWindow();
  // Once per app start: takes a crash left behind (never one another live process holds).
  void recoverAtAppStart(studio);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('before-quit', () => void studio.context.remotePrompter.close());

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

/**
 * The only bridge between the sandboxed renderer and main: one invoke and one event channel, both
 * typed and validated by src/shared/api.ts on the main side. No Node API reaches the page.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { PreloadBridge, Result } from '../shared/api';

const bridge: PreloadBridge = {
  invoke: (method, input) => ipcRenderer.invoke('studio:invoke', method, input) as Promise<Result<unknown>>,
  on: (event, listener) => {
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('studio:event', wrapped);
    return () => ipcRenderer.removeListener('studio:event', wrapped);
  },
};

contextBridge.exposeInMainWorld('studio', bridge);
// Dropped files' paths (Electron no longer puts them on File): only what the operator dropped, and
// main validates every path again before use (Convert screen, issue #7).
contextBridge.exposeInMainWorld('studioFiles', { pathFor: (file: File) => webUtils.getPathForFile(file) });

import os from 'node:os';
import pkg from '../../package.json';
import { CONTRACT_VERSION } from '../shared/api';
import { toErrorShape } from '../shared/errors';
import { createDispatcher, type Dispatch, type Handlers } from './dispatch';
import { EventBus } from './services/event-bus';
import { locateFfmpeg } from './services/ffmpeg';
import { Recorder } from './services/recorder';
import { SettingsStore } from './services/settings-store';
import { ShootStore } from './services/shoot-store';
import { resolveStudioHome } from './services/studio-home';

export interface Studio {
  dispatch: Dispatch;
  bus: EventBus;
  recorder: Recorder;
}

/**
 * The studio's services and the handlers of every contract method, independent of the transport:
 * Electron's IPC (index.ts) and serve mode's WebSocket (serve.ts) both wrap exactly this.
 */
export function createStudio(opts: { mode: 'electron' | 'serve'; env?: NodeJS.ProcessEnv; log?: (l: string) => void }): Studio {
  const env = opts.env ?? process.env;
  const home = resolveStudioHome(env);
  const settings = new SettingsStore(home);
  const store = new ShootStore(async () => (await settings.get()).shootsRoot);
  const bus = new EventBus();
  const recorder = new Recorder(store, bus);

  const handlers: Handlers = {
    'app.info': async () => {
      const s = await settings.get();
      let ffmpeg;
      try {
        ffmpeg = await locateFfmpeg(env);
      } catch (err) {
        ffmpeg = { error: toErrorShape(err) };
      }
      return {
        version: pkg.version,
        contractVersion: CONTRACT_VERSION,
        mode: opts.mode,
        platform: `${os.platform()} ${os.arch()}`,
        systemLocale: Intl.DateTimeFormat().resolvedOptions().locale,
        ffmpeg,
        shootsRoot: s.shootsRoot,
      };
    },
    'settings.get': () => settings.get(),
    'settings.set': (input) => settings.update(input.language === undefined ? {} : { language: input.language }),
    'shoots.list': () => store.listShoots(),
    'shoots.create': (input) => store.createShoot(input.name, input.model),
    'takes.list': (input) => store.listTakes(input.shootId),
    'recording.start': (input) => recorder.start(input.shootId, input.mimeType, input.devices),
    'recording.chunk': (input) => recorder.appendChunk(input.shootId, input.takeId, input.seq, input.data),
    'recording.stop': (input) => recorder.stop(input.shootId, input.takeId),
  };

  return { dispatch: createDispatcher(handlers, opts.log), bus, recorder };
}

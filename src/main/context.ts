import { EventBus } from './services/event-bus';
import { Recorder } from './services/recorder';
import { SettingsStore } from './services/settings-store';
import { ShootStore } from './services/shoot-store';
import { resolveStudioHome, type StudioHome } from './services/studio-home';

/** The services one studio instance shares between all handler groups. */
export interface StudioContext {
  mode: 'electron' | 'serve';
  env: NodeJS.ProcessEnv;
  home: StudioHome;
  settings: SettingsStore;
  store: ShootStore;
  bus: EventBus;
  recorder: Recorder;
  log: (line: string) => void;
}

export function createContext(opts: { mode: 'electron' | 'serve'; env?: NodeJS.ProcessEnv; log?: (l: string) => void }): StudioContext {
  const env = opts.env ?? process.env;
  const home = resolveStudioHome(env);
  const settings = new SettingsStore(home);
  const store = new ShootStore(async () => (await settings.get()).shootsRoot);
  const bus = new EventBus();
  return {
    mode: opts.mode,
    env,
    home,
    settings,
    store,
    bus,
    recorder: new Recorder(store, bus),
    log: opts.log ?? (() => {}),
  };
}

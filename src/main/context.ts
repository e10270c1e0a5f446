import path from 'node:path';
import { CheckJobs } from './services/checker/check-jobs';
import { openFaceAnalyzer } from './services/checker/chromium-face-analyzer';
import type { FaceAnalyzer } from './services/checker/face-analyzer';
import { ConvertQueue } from './services/convert';
import { localFaceModelInfo } from './services/checker/report-about';
import { EventBus } from './services/event-bus';
import { FaceModel } from './services/face-model';
import { locateFfmpeg } from './services/ffmpeg';
import { MediaLinks } from './services/media-links';
import { PrompterStore } from './services/prompter/prompter-state';
import { RemotePrompterServer } from './services/prompter/remote-server';
import { GreenParamsStore } from './services/keying/green-params-store';
import { RecordingGate } from './services/recording-gate';
import { Recorder } from './services/recorder';
import { SettingsStore } from './services/settings-store';
import { ShootStore } from './services/shoot-store';
import { resolveStudioHome, type StudioHome } from './services/studio-home';
import { TakeLifecycle } from './services/takes/lifecycle';

/** The services one studio instance shares between all handler groups. */
export interface StudioContext {
  mode: 'electron' | 'serve';
  env: NodeJS.ProcessEnv;
  home: StudioHome;
  settings: SettingsStore;
  store: ShootStore;
  bus: EventBus;
  recorder: Recorder;
  /** Typed take hooks: started, marker, stopped, finalized, recovered. */
  lifecycle: TakeLifecycle;
  /** greenParams per shoot and per take (§1.3.3). */
  greenParams: GreenParamsStore;
  /** Ingest and transcode jobs (convert, merge), one queue per studio. */
  convert: ConvertQueue;
  /** The face landmarker model: env file, cache, or download on request. */
  faceModel: FaceModel;
  prompter: PrompterStore;
  remotePrompter: RemotePrompterServer;
  /** Files the renderer may open by link (a checked video, a report). */
  links: MediaLinks;
  checks: CheckJobs;
  /** Electron sets this to open the prompter in its own window; serve mode has none. */
  openPrompterWindow?: () => boolean;
  log: (line: string) => void;
}

export interface ContextOptions {
  mode: 'electron' | 'serve';
  env?: NodeJS.ProcessEnv;
  log?: (l: string) => void;
  /** The built renderer, for the LAN prompter. */
  rendererDir?: string;
  openPrompterWindow?: () => boolean;
  /** How the checker measures faces; default: headless Chromium on the built renderer. */
  openFaces?: () => Promise<FaceAnalyzer>;
}

export function createContext(opts: ContextOptions): StudioContext {
  const env = opts.env ?? process.env;
  const home = resolveStudioHome(env);
  const settings = new SettingsStore(home);
  const log = opts.log ?? (() => {});
  const store = new ShootStore(async () => (await settings.get()).shootsRoot, log);
  const bus = new EventBus();
  const prompter = new PrompterStore(path.join(home.root, 'prompter.json'), (state) =>
    bus.emit('prompter.state', { state, serverNow: Date.now() }),
  );
  const remotePrompter = new RemotePrompterServer(
    () => opts.rendererDir ?? path.resolve('out/renderer'),
    async () => ({ state: await prompter.get(), serverNow: Date.now() }),
    (fn) => bus.subscribe((event, payload) => event === 'prompter.state' && fn(payload as Parameters<typeof fn>[0])),
  );
  const links = new MediaLinks();
  const lifecycle = new TakeLifecycle(log);
  const recorder = new Recorder(store, bus, lifecycle, log);
  const checks = new CheckJobs({
    store,
    bus,
    links,
    reportsDir: path.join(home.root, 'reports'),
    openFaces: opts.openFaces ?? (() => openFaceAnalyzer({ env, rendererDir: opts.rendererDir })),
    log: opts.log ?? (() => {}),
    language: async () => (await settings.get()).language,
    faceModel: () => localFaceModelInfo(env, home.root),
    gate: new RecordingGate(() => recorder.activeTake !== null),
  });
  return {
    mode: opts.mode,
    links,
    checks,
    env,
    home,
    settings,
    store,
    bus,
    recorder,
    lifecycle,
    greenParams: new GreenParamsStore(store),
    convert: new ConvertQueue({
      ffmpeg: () => locateFfmpeg(env),
      cacheDir: path.join(home.root, 'cache', 'convert'),
      emit: (job) => bus.emit('convert.job-changed', job),
      log,
    }),
    faceModel: new FaceModel({ env, homeRoot: home.root }),
    prompter,
    remotePrompter,
    openPrompterWindow: opts.openPrompterWindow,
    log,
  };
}

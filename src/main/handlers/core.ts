import os from 'node:os';
import pkg from '../../../package.json';
import { CONTRACT_VERSION } from '../../shared/api';
import { toErrorShape } from '../../shared/errors';
import type { StudioContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { locateFfmpeg } from '../services/ffmpeg';

/** App facts, settings, shoots and takes, and the recording of a take. */
export function createCoreHandlers(ctx: StudioContext): HandlersFor<
  | 'app.info'
  | 'settings.get'
  | 'settings.set'
  | 'shoots.list'
  | 'shoots.create'
  | 'takes.list'
  | 'recording.start'
  | 'recording.chunk'
  | 'recording.stop'
> {
  const { settings, store, recorder } = ctx;
  return {
    'app.info': async () => {
      const s = await settings.get();
      let ffmpeg;
      try {
        ffmpeg = await locateFfmpeg(ctx.env);
      } catch (err) {
        ffmpeg = { error: toErrorShape(err) };
      }
      return {
        version: pkg.version,
        contractVersion: CONTRACT_VERSION,
        mode: ctx.mode,
        platform: `${os.platform()} ${os.arch()}`,
        systemLocale: Intl.DateTimeFormat().resolvedOptions().locale,
        ffmpeg,
        shootsRoot: s.shootsRoot,
      };
    },
    'settings.get': () => settings.get(),
    'settings.set': (input) => settings.update(input.language === undefined ? {} : { language: input.language }),
    'shoots.list': () => store.listShoots(),
    'shoots.create': (input) => store.createShoot(input.name, input.model, input.preset),
    'takes.list': (input) => store.listTakes(input.shootId),
    'recording.start': (input) => recorder.start(input.shootId, input),
    'recording.chunk': (input) => recorder.appendChunk(input.shootId, input.takeId, input.seq, input.data),
    'recording.stop': (input) => recorder.stop(input.shootId, input.takeId),
  };
}

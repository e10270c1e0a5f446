import { createContext, type ContextOptions, type StudioContext } from './context';
import { createDispatcher, type Dispatch, type Handlers } from './dispatch';
import { createConvertHandlers } from './handlers/convert';
import { createCheckHandlers } from './handlers/check';
import { createCoreHandlers } from './handlers/core';
import { createKeyingHandlers } from './handlers/keying';
import { createPrompterHandlers } from './handlers/prompter';
import { createReviewHandlers } from './handlers/review';
import { createExportHandlers } from './handlers/export';
import { createShootLoopHandlers } from './handlers/shoot-loop';
import { createShootRunHandlers } from './handlers/shoot-run';
import { createVisionHandlers } from './handlers/vision';
import { createVoiceHandlers } from './handlers/voice';
import { recoverInterruptedTakes } from './services/takes/recovery';
import type { Take } from '../shared/api';
import type { EventBus } from './services/event-bus';

export interface Studio {
  dispatch: Dispatch;
  bus: EventBus;
  context: StudioContext;
}

/**
 * The studio's services and the handlers of every contract method, independent of the transport:
 * Electron's IPC (index.ts) and serve mode's WebSocket (serve.ts) both wrap exactly this. Each
 * capability adds its handler group here; the type makes a missing method a compile error.
 * Creating a studio never touches a take on disk: recovery is the app's job, once, at its start
 * (recoverAtAppStart), so a second studio in the same process or a CLI beside the app cannot
 * "recover" a take that is being recorded.
 */
export function createStudio(opts: ContextOptions): Studio {
  const context = createContext(opts);
  const handlers: Handlers = {
    ...createCoreHandlers(context),
    ...createShootRunHandlers(context),
    ...createPrompterHandlers(context),
    ...createCheckHandlers(context),
    ...createVisionHandlers(context),
    ...createKeyingHandlers(context),
    ...createConvertHandlers(context),
    ...createReviewHandlers(context),
    ...createExportHandlers(context),
    ...createVoiceHandlers(context),
    ...createShootLoopHandlers(context),
  };
  return { dispatch: createDispatcher(handlers, context.log), bus: context.bus, context };
}

/**
 * Rebuild the takes a crash left behind; call once when the app starts (Electron main, serve
 * mode's main). Takes a live process holds are skipped; the UI hears of the others by event.
 */
export function recoverAtAppStart(studio: Studio): Promise<Take[]> {
  const { context } = studio;
  return recoverInterruptedTakes({ store: context.store, bus: context.bus, lifecycle: context.lifecycle, log: context.log }).catch(
    (err: unknown) => {
      context.log(`recovery failed: ${(err as Error).message}`);
      return [];
    },
  );
}

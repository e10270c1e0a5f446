import { createContext, type ContextOptions, type StudioContext } from './context';
import { createDispatcher, type Dispatch, type Handlers } from './dispatch';
import { createConvertHandlers } from './handlers/convert';
import { createCheckHandlers } from './handlers/check';
import { createCoreHandlers } from './handlers/core';
import { createKeyingHandlers } from './handlers/keying';
import { createPrompterHandlers } from './handlers/prompter';
import { createShootLoopHandlers } from './handlers/shoot-loop';
import { createShootRunHandlers } from './handlers/shoot-run';
import { createVisionHandlers } from './handlers/vision';
import { recoverInterruptedTakes } from './services/take-recovery';
import type { Take } from '../shared/api';
import type { EventBus } from './services/event-bus';

export interface Studio {
  dispatch: Dispatch;
  bus: EventBus;
  context: StudioContext;
  /** Resolves when the takes a crash left behind have been rebuilt. */
  recovery: Promise<Take[]>;
}

/**
 * The studio's services and the handlers of every contract method, independent of the transport:
 * Electron's IPC (index.ts) and serve mode's WebSocket (serve.ts) both wrap exactly this. Each
 * capability adds its handler group here; the type makes a missing method a compile error.
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
    ...createShootLoopHandlers(context),
  };
  // Takes a crash left behind are rebuilt in the background; the UI hears of them by event.
  const recovery = recoverInterruptedTakes(
    context.store,
    context.bus,
    (shootId, takeId) => context.recorder.activeTake?.shootId === shootId && context.recorder.activeTake?.takeId === takeId,
    context.log,
  ).catch((err: unknown) => {
    context.log(`recovery failed: ${(err as Error).message}`);
    return [];
  });
  return { dispatch: createDispatcher(handlers, context.log), bus: context.bus, context, recovery };
}

import { createContext, type StudioContext } from './context';
import { createDispatcher, type Dispatch, type Handlers } from './dispatch';
import { createCoreHandlers } from './handlers/core';
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
 */
export function createStudio(opts: { mode: 'electron' | 'serve'; env?: NodeJS.ProcessEnv; log?: (l: string) => void }): Studio {
  const context = createContext(opts);
  const handlers: Handlers = {
    ...createCoreHandlers(context),
  };
  return { dispatch: createDispatcher(handlers, context.log), bus: context.bus, context };
}

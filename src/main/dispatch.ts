import { isMethodName, methods, type MethodName, type MethodOutput, type MethodParsedInput, type Result } from '../shared/api';
import { toErrorShape } from '../shared/errors';

export type HandlersFor<K extends MethodName> = {
  [M in K]: (input: MethodParsedInput<M>) => Promise<MethodOutput<M>>;
};
export type Handlers = HandlersFor<MethodName>;

export type Dispatch = (method: unknown, input: unknown) => Promise<Result<unknown>>;

/**
 * The single entry point for every call from any transport: validate the method name and its
 * input against the contract, run the handler, and turn every failure into a typed error. Nothing
 * a client sends can throw past this function.
 */
export function createDispatcher(handlers: Handlers, log: (line: string) => void = () => {}): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown-method', message: `Unknown method ${JSON.stringify(method)}` } };
    }
    const parsed = methods[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(input)', message: i.message }));
      return {
        ok: false,
        error: {
          code: 'bad-argument',
          message: `${method}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
          issues,
        },
      };
    }
    try {
      const handler = handlers[method] as (i: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      const error = toErrorShape(err);
      if (error.code === 'internal') log(`${method} failed: ${(err as Error)?.stack ?? String(err)}`);
      return { ok: false, error };
    }
  };
}

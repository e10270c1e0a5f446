import { isMethodName, methods, type MethodName, type MethodOutput, type MethodParsedInput, type Result } from '../shared/api';
import { toErrorShape } from '../shared/errors';

export type HandlersFor<K extends MethodName> = {
  [M in K]: (input: MethodParsedInput<M>) => Promise<MethodOutput<M>>;
};
export type Handlers = HandlersFor<MethodName>;

export type Dispatch = (method: unknown, input: unknown) => Promise<Result<unknown>>;

/**
 * Check every reply against the contract's output schema too. On by default in tests and
 * development (a handler that drifts from the contract fails there, not in the field); off in a
 * production build unless CAPTURE_STUDIO_VALIDATE_OUTPUT=1 (recording chunks are hot).
 */
export function validateOutputByDefault(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.CAPTURE_STUDIO_VALIDATE_OUTPUT === '1') return true;
  if (env.CAPTURE_STUDIO_VALIDATE_OUTPUT === '0') return false;
  return env.NODE_ENV !== 'production';
}

export interface DispatchOptions {
  log?: (line: string) => void;
  validateOutput?: boolean;
}

/**
 * The single entry point for every call from any transport: validate the method name and its
 * input against the contract, run the handler, and turn every failure into a typed error. Nothing
 * a client sends can throw past this function.
 *
 * Typed by the methods it serves: the app passes all of them (`Handlers`, so a missing method is
 * a compile error in studio.ts); a test passes the few it needs, each still checked against the
 * contract. A method the contract knows but this dispatcher has no handler for is "unknown-method".
 */
export function createDispatcher<K extends MethodName>(handlers: HandlersFor<K>, opts: DispatchOptions | ((line: string) => void) = {}): Dispatch {
  const { log = () => {}, validateOutput = validateOutputByDefault() } = typeof opts === 'function' ? { log: opts } : opts;
  const served = (m: MethodName): m is K => Object.prototype.hasOwnProperty.call(handlers, m);
  return async (method, input) => {
    if (!isMethodName(method) || !served(method)) {
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
      // TypeScript cannot correlate handlers[method] with methods[method] for a union key; the
      // input was just parsed by that method's own schema, so the call is sound.
      const handler = handlers[method] as (i: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      if (validateOutput) {
        const checked = methods[method].output.safeParse(value);
        if (!checked.success) {
          const where = checked.error.issues.map((i) => `${i.path.join('.') || '(output)'} ${i.message}`).join('; ');
          log(`${method} returned a value outside the contract: ${where}`);
          return { ok: false, error: { code: 'internal', message: `${method} returned a value outside the contract: ${where}` } };
        }
      }
      return { ok: true, value };
    } catch (err) {
      const error = toErrorShape(err);
      if (error.code === 'internal') log(`${method} failed: ${(err as Error)?.stack ?? String(err)}`);
      return { ok: false, error };
    }
  };
}

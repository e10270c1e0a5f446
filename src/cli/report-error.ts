import { toErrorShape } from '../shared/errors';
import type { CliIo } from './command';

/** One line naming the file and the problem (the services' messages name the file), then the hint. */
export function reportError(err: unknown, io: CliIo): void {
  const shape = toErrorShape(err);
  io.stderr(`capture-studio: ${shape.message}\n`);
  if (shape.hint) io.stderr(`hint: ${shape.hint}\n`);
}

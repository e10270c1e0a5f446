import { parseCli } from './args';
import { EXIT, type CliIo } from './command';
import { commands } from './commands';
import { reportError } from './report-error';
import { usageText } from './usage';

/** The whole CLI as a function of argv, so tests run it in-process. Returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCli(argv, commands);
  if (parsed.kind === 'usage') {
    io.stderr(usageText(commands, parsed.command));
    return EXIT.badInput;
  }
  if (parsed.kind === 'error') {
    io.stderr(`capture-studio: ${parsed.message}\n${usageText(commands, parsed.command)}`);
    return EXIT.badInput;
  }
  try {
    return await parsed.command.run({ positionals: parsed.positionals, values: parsed.values }, io);
  } catch (err) {
    // Every error reaching here means the question could not be answered: bad input for a script.
    reportError(err, io);
    return EXIT.badInput;
  }
}

import { parseArgs } from 'node:util';
import type { CliCommand, OptionValues } from './command';

export type ParsedCli =
  | { kind: 'usage'; command?: CliCommand }
  | { kind: 'error'; message: string; command?: CliCommand }
  | { kind: 'run'; command: CliCommand; positionals: string[]; values: OptionValues };

/** argv (without node and script) → what to do. The command name comes first, then its options. */
export function parseCli(argv: readonly string[], commands: readonly CliCommand[]): ParsedCli {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') return { kind: 'usage' };
  const command = commands.find((c) => c.name === name);
  if (!command) return { kind: 'error', message: `unknown command "${name}"` };

  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    // Node's messages go on to explain "--"; the first sentence is the useful part.
    return { kind: 'error', message: (err as Error).message.split(/\.\s/)[0] ?? String(err), command };
  }
  if (parsed.values.help) return { kind: 'usage', command };
  const { min, max } = command.positionals;
  const count = parsed.positionals.length;
  if (count < min) return { kind: 'error', message: `${name}: missing argument; expected ${command.usage}`, command };
  if (count > max) return { kind: 'error', message: `${name}: too many arguments (${parsed.positionals.slice(max).join(' ')})`, command };
  return { kind: 'run', command, positionals: parsed.positionals, values: parsed.values };
}

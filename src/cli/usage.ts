import type { CliCommand } from './command';

const PROGRAM = 'capture-studio';

export function usageText(commands: readonly CliCommand[], only?: CliCommand): string {
  if (only) return `Usage: ${PROGRAM} ${only.name} ${only.usage}\n  ${only.summary}\n`;
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return (
    `Usage: ${PROGRAM} <command> [options]\n\nCommands:\n${list}\n\n` +
    `Run "${PROGRAM} <command> --help" for a command's options.\n` +
    'Exit codes: 0 ok, 1 the file fails the check, 2 bad input (unreadable or missing file, bad arguments).\n'
  );
}

import type { ParseArgsConfig } from 'node:util';

/** Exit codes every command keeps to, so scripts on set can branch on them. */
export const EXIT = {
  ok: 0,
  /** The file was read but fails what was asked (e.g. `check` finds a problem). */
  fails: 1,
  /** Could not answer: bad arguments, a missing or unreadable file, no ffmpeg. */
  badInput: 2,
} as const;

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** Where a command writes and what environment it sees; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
}

export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Arguments after the command name, e.g. "FILE [--json]". */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals: { min: number; max: number };
  run(args: { positionals: string[]; values: OptionValues }, io: CliIo): Promise<number>;
}

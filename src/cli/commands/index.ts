import type { CliCommand } from '../command';
import { probeCommand } from './probe';

/** Every CLI command; a new command is one file in this folder and one line here. */
export const commands: readonly CliCommand[] = [
  probeCommand,
];

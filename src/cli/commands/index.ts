import type { CliCommand } from '../command';
import { checkCommand } from './check';
import { convertCommand } from './convert';
import { exportCommand } from './export';
import { keyCommand } from './key';
import { mergeCommand } from './merge';
import { probeCommand } from './probe';
import { voiceCheckCommand } from './voice-check';

/** Every CLI command; a new command is one file in this folder and one line here. */
export const commands: readonly CliCommand[] = [
  probeCommand,
  keyCommand,
  convertCommand,
  mergeCommand,
  checkCommand,
  exportCommand,
  voiceCheckCommand,
];

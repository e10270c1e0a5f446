import { locateFfmpeg, probeMedia } from '../../main/services/ffmpeg';
import { EXIT, type CliCommand } from '../command';
import { formatProbeTable } from '../probe-table';

export const probeCommand: CliCommand = {
  name: 'probe',
  summary: 'show the facts of a media file (container, codec, size, rotation, frame rates, HDR, audio)',
  usage: 'FILE [--json]',
  options: { json: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run({ positionals, values }, io) {
    const file = positionals[0] ?? '';
    const facts = await probeMedia(file, await locateFfmpeg(io.env));
    io.stdout(values.json ? `${JSON.stringify(facts, null, 2)}\n` : formatProbeTable(facts));
    return EXIT.ok;
  },
};

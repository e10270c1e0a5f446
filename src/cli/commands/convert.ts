import { convertFile } from '../../main/services/convert';
import { locateFfmpeg } from '../../main/services/ffmpeg';
import { EXIT, type CliCommand } from '../command';
import { CONVERT_OPTIONS, CONVERT_OPTIONS_USAGE, cacheDirFor, failureExit, parseConvertOptions, printResult, progressPrinter, withCancel } from '../convert-run';

export const convertCommand: CliCommand = {
  name: 'convert',
  summary: 'convert any camera file to the delivery MP4 (H.264, 25/1 fps, BT.709 SDR, AAC 48 kHz); Ctrl-C cancels',
  usage: `IN OUT.mp4 ${CONVERT_OPTIONS_USAGE}`,
  options: CONVERT_OPTIONS,
  positionals: { min: 2, max: 2 },
  async run({ positionals, values }, io) {
    const [input = '', output = ''] = positionals;
    const options = parseConvertOptions(values);
    if (typeof options === 'string') {
      io.stderr(`capture-studio: convert: ${options}\n`);
      return EXIT.badInput;
    }
    try {
      const ff = await locateFfmpeg(io.env);
      const result = await withCancel(io, (signal) =>
        convertFile({ ff, input, output, options, cacheDir: cacheDirFor(io.env), signal, onProgress: progressPrinter(io, 'convert') }),
      );
      printResult(result, io, values.json === true);
      return EXIT.ok;
    } catch (err) {
      return failureExit(err, io);
    }
  },
};

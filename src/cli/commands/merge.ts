import { mergeFiles } from '../../main/services/convert';
import { locateFfmpeg } from '../../main/services/ffmpeg';
import { EXIT, type CliCommand } from '../command';
import { CONVERT_OPTIONS, CONVERT_OPTIONS_USAGE, cacheDirFor, failureExit, parseConvertOptions, printResult, progressPrinter, withCancel } from '../convert-run';

export const mergeCommand: CliCommand = {
  name: 'merge',
  summary: '§3.2: join files in the given order into one delivery MP4 and print where each part starts; Ctrl-C cancels',
  usage: `A B [C …] --out OUT.mp4 ${CONVERT_OPTIONS_USAGE}`,
  options: { ...CONVERT_OPTIONS, out: { type: 'string', short: 'o' } },
  positionals: { min: 2, max: 50 },
  async run({ positionals, values }, io) {
    const options = parseConvertOptions(values);
    if (typeof options === 'string') {
      io.stderr(`capture-studio: merge: ${options}\n`);
      return EXIT.badInput;
    }
    if (typeof values.out !== 'string' || values.out.trim() === '') {
      io.stderr('capture-studio: merge: --out OUT.mp4 is required\n');
      return EXIT.badInput;
    }
    const output = values.out;
    try {
      const ff = await locateFfmpeg(io.env);
      const result = await withCancel(io, (signal) =>
        mergeFiles({ ff, inputs: positionals, output, options, cacheDir: cacheDirFor(io.env), signal, onProgress: progressPrinter(io, 'merge') }),
      );
      printResult(result, io, values.json === true);
      return EXIT.ok;
    } catch (err) {
      return failureExit(err, io);
    }
  },
};

import type { StudioContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { filterSupport, hardwareEncoders } from '../services/convert';
import { locateFfmpeg } from '../services/ffmpeg';

/** Ingest and transcode: import by path, convert and merge in a queue, cancel, capabilities. */
export function createConvertHandlers(ctx: StudioContext): HandlersFor<
  | 'convert.inspect'
  | 'convert.enqueue'
  | 'convert.merge'
  | 'convert.jobs'
  | 'convert.cancel'
  | 'convert.clear'
  | 'convert.capabilities'
> {
  const queue = ctx.convert;
  return {
    'convert.inspect': async (input) => ({ items: await queue.inspect(input.paths) }),
    'convert.enqueue': (input) => queue.enqueue(input.files, input.options, input.outputDir),
    'convert.merge': (input) => queue.merge(input.files, input.options, input.outputName, input.outputDir),
    'convert.jobs': async () => queue.list(),
    'convert.cancel': (input) => queue.cancel(input.jobId),
    'convert.clear': async () => queue.clear(),
    'convert.capabilities': async (input) => {
      const ff = await locateFfmpeg(ctx.env);
      const [filters, hw] = await Promise.all([filterSupport(ff), input.hardware ? hardwareEncoders(ff) : null]);
      return {
        ffmpegVersion: ff.version,
        hdr: { ...filters, method: filters.zscale && filters.tonemap ? ('zscale' as const) : filters.lut3d ? ('lut-computed' as const) : ('untouched' as const) },
        hardwareEncoders: hw,
      };
    },
  };
}

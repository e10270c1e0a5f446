/** The ffmpeg service: find ffmpeg, read media facts, and make the delivery file. */
export { locateFfmpeg, resetFfmpegCache, FFMPEG_INSTALL_HINT, type FfmpegInfo } from './locate';
export { probeMedia } from './probe';
export { mapProbeJson } from './probe-map';
export { BACKGROUND_PRIORITY, runFfmpeg, type RunFfmpegOptions } from './run';
export { createProgressParser, parseStderrTail, type FfmpegProgress, type ProgressParser } from './progress';
export {
  makeDeliveryMp4,
  DEFAULT_DELIVERY_PRESET,
  type DeliveryProgress,
  type MakeDeliveryOptions,
} from './deliver';

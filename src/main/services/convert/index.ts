/** Ingest and transcode (issue #7): import, convert, merge, the queue, and what this ffmpeg can do. */
export { convertFile, type ConvertFileOptions, type ConvertProgress } from './convert';
export { mergeFiles, type MergeFilesOptions } from './merge';
export { ConvertQueue } from './queue';
export { filterSupport, hardwareEncoders } from './capabilities';
export { inspectFile, resolveImport } from './ingest';
export { ensureHdrLut, exactToneMapChain, lutToneMapChain } from './hdr';
export { planVideo } from './plan';

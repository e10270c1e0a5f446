/** A take's markers, one JSON line each, flushed as they are set (read back by recovery). */
export const MARKERS_FILE = 'markers.jsonl';

/**
 * Escaping for values inside an ffmpeg filter graph given as one argument (-vf, -filter_complex).
 * Two levels: the filter's option parser (`:` separates options, `'` quotes, `\` escapes), then the
 * graph parser (`,` `;` `[` `]` separate filters and labels). A file path with spaces, colons,
 * commas, quotes or Chinese characters survives both; no shell is ever involved.
 */
export function escapeFilterValue(value: string): string {
  const optionLevel = value.replace(/[\\':]/g, (c) => `\\${c}`);
  return optionLevel.replace(/[\\'[\],;]/g, (c) => `\\${c}`);
}

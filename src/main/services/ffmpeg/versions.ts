/** Options that differ between the ffmpeg versions we support (4.4 to 7.x): decided here, once. */

/** Major and minor of an ffmpeg version string ("5.1.9-0+deb12u1", "n7.0", "4.4.2-0ubuntu0.22.04.1"). */
export function ffmpegVersionNumber(version: string): { major: number; minor: number } | null {
  const m = /^n?(\d+)\.(\d+)/.exec(version);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}

/**
 * How output frame timing is chosen. `-fps_mode` arrived in ffmpeg 5.1 (`-vsync` is deprecated
 * from then on); 4.4 only knows `-vsync`. An unparsable version (a git build "N-112233-g…") is new.
 */
export function fpsModeArgs(ffmpegVersion: string, mode: 'cfr' | 'passthrough' | 'vfr'): string[] {
  const v = ffmpegVersionNumber(ffmpegVersion);
  const old = v !== null && (v.major < 5 || (v.major === 5 && v.minor < 1));
  return old ? ['-vsync', mode] : ['-fps_mode', mode];
}

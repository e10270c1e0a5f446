import type { ProbeResult, Rate } from '../shared/probe';

/** ProbeResult as a short two-column table for people on set. */
export function formatProbeTable(p: ProbeResult): string {
  const rows: [string, string][] = [
    ['file', p.file],
    ['container', `${p.container} (${p.formatName})`],
    ['duration', `${p.durationSec.toFixed(3)} s`],
    ['size', `${formatBytes(p.sizeBytes)}${p.bitRate ? `, ${Math.round(p.bitRate / 1000)} kbit/s` : ''}`],
  ];
  const v = p.video;
  if (v) {
    rows.push(
      ['video', `${v.codec}${v.profile ? ` (${v.profile})` : ''} ${v.width}×${v.height}`],
      ['rotation', `${v.rotation}°, displayed ${v.displayWidth}×${v.displayHeight}`],
      ['frame rate', `r ${rate(v.rFrameRate)}, avg ${rate(v.avgFrameRate)}${v.vfr ? ' — VFR' : ''}`],
      ['frames', v.frameCount === null ? 'not stated' : String(v.frameCount)],
      ['pixels', `${v.pixelFormat}, ${v.bitDepth}-bit`],
      ['HDR', v.hdr === 'none' ? 'none' : `${v.hdr.toUpperCase()} (${v.colorTransfer})`],
    );
  } else {
    rows.push(['video', 'none']);
  }
  const a = p.audio;
  rows.push([
    'audio',
    a ? `${a.codec} ${a.sampleRate} Hz, ${a.channels} ch${a.channelLayout ? ` (${a.channelLayout})` : ''}` : 'none',
  ]);
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, val]) => `${k.padEnd(width)}  ${val}`).join('\n') + '\n';
}

function rate(r: Rate): string {
  if (r.fps === 0) return 'unknown';
  const fps = Number.isInteger(r.fps) ? String(r.fps) : r.fps.toFixed(3);
  return r.den === 1 ? `${fps} fps` : `${r.num}/${r.den} (${fps} fps)`;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

import type { PcmFormat } from '../../../shared/api';

/** WAVE format tags (mmreg.h): integer PCM and IEEE float. */
export const WAVE_FORMAT_PCM = 1;
export const WAVE_FORMAT_IEEE_FLOAT = 3;

export function bytesPerSample(format: PcmFormat): number {
  return format.codec === 'pcm_s16le' ? 2 : 4;
}

/** Bytes of one frame (one sample of every channel). */
export function blockAlign(format: PcmFormat): number {
  return bytesPerSample(format) * format.channels;
}

/** A RIFF size field is 32 bits: the largest data chunk a plain WAV can say it holds. */
export const MAX_WAV_DATA_BYTES = 0xffff_ffff - 64;

/**
 * The RIFF/WAVE header for `dataBytes` of interleaved little-endian PCM. Integer PCM gets the
 * 16-byte fmt chunk of WAVE_FORMAT_PCM; float gets WAVE_FORMAT_IEEE_FLOAT with cbSize and the fact
 * chunk that non-PCM formats require (Microsoft RIFF spec, "fact chunk"). The data chunk follows
 * the header directly; `dataBytes` must be whole frames.
 */
export function wavHeader(format: PcmFormat, dataBytes: number): Buffer {
  const isFloat = format.codec === 'pcm_f32le';
  const align = blockAlign(format);
  if (dataBytes % align !== 0) throw new Error(`${dataBytes} bytes is not a whole number of ${align}-byte frames`);
  if (dataBytes > MAX_WAV_DATA_BYTES) throw new Error(`${dataBytes} bytes is more than a WAV file can hold`);
  const fmtSize = isFloat ? 18 : 16;
  const factSize = isFloat ? 12 : 0;
  const headerBytes = 12 + 8 + fmtSize + factSize + 8;
  const b = Buffer.alloc(headerBytes);
  let o = 0;
  o = b.write('RIFF', o, 'ascii');
  o = b.writeUInt32LE(headerBytes - 8 + dataBytes, o);
  o += b.write('WAVE', o, 'ascii');
  o += b.write('fmt ', o, 'ascii');
  o = b.writeUInt32LE(fmtSize, o);
  o = b.writeUInt16LE(isFloat ? WAVE_FORMAT_IEEE_FLOAT : WAVE_FORMAT_PCM, o);
  o = b.writeUInt16LE(format.channels, o);
  o = b.writeUInt32LE(format.sampleRate, o);
  o = b.writeUInt32LE(format.sampleRate * align, o);
  o = b.writeUInt16LE(align, o);
  o = b.writeUInt16LE(bytesPerSample(format) * 8, o);
  if (isFloat) {
    o = b.writeUInt16LE(0, o);
    o += b.write('fact', o, 'ascii');
    o = b.writeUInt32LE(4, o);
    o = b.writeUInt32LE(dataBytes / align, o);
  }
  o += b.write('data', o, 'ascii');
  b.writeUInt32LE(dataBytes, o);
  return b;
}

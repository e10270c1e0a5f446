import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../../../shared/errors';
import { locateFfmpeg, probeMedia } from '../../ffmpeg';
import { partialPathFor, publishWithoutOverwrite, exists, outputExists } from '../../ffmpeg/partial-file';
import { authScript } from '../../../../shared/voice/auth-scripts';
import type { TakeKindDef } from '../take-kind';
import { blockAlign, MAX_WAV_DATA_BYTES, wavHeader } from '../wav';

/**
 * A voice take: raw PCM chunks in (s16 or f32, as captured); a lossless take.wav out — the same
 * samples behind a RIFF/WAVE header, no resampling, no processing. A frame cut by a crash (a
 * partial last sample) is left out of the WAV; the raw file keeps it.
 */
export const voiceKind: TakeKindDef<'voice'> = {
  kind: 'voice',
  deliveryFile: 'take.wav',
  plan: (opts) => ({
    rawFile: `raw.${opts.format.codec === 'pcm_s16le' ? 's16le' : 'f32le'}.pcm`,
    mimeType: `audio/pcm;codec=${opts.format.codec};rate=${opts.format.sampleRate};channels=${opts.format.channels}`,
    format: opts.format,
    bitsPerSecond: opts.format.sampleRate * blockAlign(opts.format) * 8,
    preset: opts.preset,
    voice: opts.voice.role === 'auth' ? { ...opts.voice, script: authScript(opts.voice.lang, opts.voice.speaker, opts.voice.company) } : { role: 'speech' },
  }),
  secondsInRaw(take, bytes) {
    const f = take.recording.format;
    return f ? Math.floor(bytes / blockAlign(f)) / f.sampleRate : null;
  },
  async finalize(job) {
    const format = job.take.recording.format;
    if (!format) throw new StudioError('bad-argument', `Voice take ${job.take.id} has no PCM format in its take.json`);
    const output = path.join(job.takeDir, voiceKind.deliveryFile);
    if (await exists(output)) throw outputExists(output);
    const rawBytes = (await fs.stat(job.rawPath)).size;
    const dataBytes = rawBytes - (rawBytes % blockAlign(format));
    if (dataBytes > MAX_WAV_DATA_BYTES) {
      throw new StudioError('bad-argument', `${job.rawPath}: ${rawBytes} bytes of PCM is more than one WAV file holds (4 GiB)`, {
        hint: 'Record voice takes shorter than about 3 hours at 48 kHz stereo float',
      });
    }
    const partial = partialPathFor(output);
    try {
      const out = await fs.open(partial, 'wx');
      try {
        await out.write(wavHeader(format, dataBytes));
        let done = 0;
        const started = performance.now();
        if (dataBytes > 0) {
          for await (const chunk of createReadStream(job.rawPath, { start: 0, end: dataBytes - 1, highWaterMark: 1 << 20 })) {
            await out.write(chunk as Buffer);
            done += (chunk as Buffer).byteLength;
            const elapsed = (performance.now() - started) / 1000;
            job.onProgress(done / dataBytes, done > 0 ? (elapsed * (dataBytes - done)) / done : null);
          }
        }
        await out.sync();
      } finally {
        await out.close();
      }
      await publishWithoutOverwrite(partial, output);
    } catch (err) {
      await fs.rm(partial, { force: true });
      throw err;
    }
    return { file: voiceKind.deliveryFile, probe: await probeMedia(output, await locateFfmpeg()) };
  },
};

import { useEffect, useState } from 'react';
import { MeterBallistics, type MeterReading, peakDbfs, rmsDbfsOf, SILENT_READING } from '../../../shared/audio-meter';
import { AUDIO_METER } from '../../../shared/standards';

export interface AudioLevels {
  /** One reading per channel (the meter shows each, like OBS's mixer). */
  channels: MeterReading[];
  /** The loudest channel: what data-peak-db reports and the warnings are judged on. */
  overall: MeterReading;
  /** 'running' once the browser lets the audio context run (it waits for the first click/key). */
  state: 'none' | 'suspended' | 'running';
}

const NONE: AudioLevels = { channels: [], overall: SILENT_READING, state: 'none' };

function loudest(readings: MeterReading[]): MeterReading {
  if (readings.length === 0) return SILENT_READING;
  return readings.reduce((a, b) => ({
    peakDb: Math.max(a.peakDb, b.peakDb),
    rmsDb: Math.max(a.rmsDb, b.rmsDb),
    peakHoldDb: Math.max(a.peakHoldDb, b.peakHoldDb),
    clipHold: a.clipHold || b.clipHold,
    warning: a.warning === 'clipping' || b.warning === 'clipping' ? 'clipping' : a.warning === 'too-quiet' && b.warning === 'too-quiet' ? 'too-quiet' : null,
  }));
}

/**
 * Peak and RMS levels (dBFS) of a MediaStream's first audio track, per channel, every
 * AUDIO_METER.updateMs: Web Audio, one AnalyserNode per channel after a ChannelSplitter (a downmix
 * would average a clipping channel away). Nothing is played back. Ballistics (peak hold, clip
 * hold, too quiet) are the pure MeterBallistics in src/shared/audio-meter.ts.
 */
export function useAudioLevels(stream: MediaStream | null): AudioLevels {
  const [levels, setLevels] = useState<AudioLevels>(NONE);
  const track = stream?.getAudioTracks()[0] ?? null;

  useEffect(() => {
    if (!track) {
      setLevels(NONE);
      return;
    }
    const ctx = new AudioContext();
    const source = ctx.createMediaStreamSource(new MediaStream([track]));
    const channelCount = Math.min(2, Math.max(1, track.getSettings().channelCount ?? source.channelCount ?? 1));
    const splitter = ctx.createChannelSplitter(channelCount);
    source.connect(splitter);
    const analysers = Array.from({ length: channelCount }, (_, i) => {
      const a = ctx.createAnalyser();
      // ~85 ms at 48 kHz: longer than one update, so no peak slips between two reads.
      a.fftSize = 4096;
      splitter.connect(a, i);
      return a;
    });
    const ballistics = analysers.map(() => new MeterBallistics());
    const buf = new Float32Array(4096);
    const resume = () => void ctx.resume().catch(() => {});
    window.addEventListener('pointerdown', resume);
    window.addEventListener('keydown', resume);
    resume();
    const timer = setInterval(() => {
      if (ctx.state !== 'running') {
        setLevels({ channels: [], overall: SILENT_READING, state: 'suspended' });
        return;
      }
      const now = performance.now();
      const channels = analysers.map((a, i) => {
        a.getFloatTimeDomainData(buf);
        return (ballistics[i] as MeterBallistics).update(peakDbfs(buf), rmsDbfsOf(buf), now);
      });
      setLevels({ channels, overall: loudest(channels), state: 'running' });
    }, AUDIO_METER.updateMs);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pointerdown', resume);
      window.removeEventListener('keydown', resume);
      source.disconnect();
      void ctx.close().catch(() => {});
    };
  }, [track]);

  return levels;
}

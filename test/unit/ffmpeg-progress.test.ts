import { describe, expect, it } from 'vitest';
import { createProgressParser, parseStderrTail } from '../../src/main/services/ffmpeg/progress';

const block = (us: string, speed: string, progress = 'continue') =>
  `frame=10\nfps=0.00\nbitrate=N/A\nout_time_us=${us}\nout_time_ms=${us}\nout_time=00:00:00.000000\ndup_frames=0\nspeed=${speed}\nprogress=${progress}\n`;

describe('progress parser', () => {
  it('emits one snapshot per block, however the chunks are split', () => {
    const text = block('1000000', ' 2.0x') + block('5000000', '2.5x') + block('10000000', '2.5x', 'end');
    const whole = createProgressParser(10).push(text);
    const parser = createProgressParser(10);
    const split = [];
    for (let i = 0; i < text.length; i += 7) split.push(...parser.push(text.slice(i, i + 7)));
    expect(split).toEqual(whole);
    expect(whole).toHaveLength(3);
    expect(whole[0]).toEqual({ outTimeSec: 1, progress: 0.1, speed: 2, etaSeconds: 4.5, ended: false });
    expect(whole[1]).toMatchObject({ outTimeSec: 5, progress: 0.5, etaSeconds: 2 });
    expect(whole[2]).toEqual({ outTimeSec: 10, progress: 1, speed: 2.5, etaSeconds: 0, ended: true });
  });

  it('keeps the last time through N/A and negative values, and has no ETA without a speed', () => {
    const p = createProgressParser(4);
    const first = p.push('out_time_us=N/A\nout_time_ms=N/A\nout_time=N/A\nspeed=N/A\nprogress=continue\n');
    expect(first).toEqual([{ outTimeSec: 0, progress: 0, speed: null, etaSeconds: null, ended: false }]);
    p.push('out_time_us=2000000\nspeed=1x\nprogress=continue\n');
    const later = p.push('out_time_us=-9223372036854775807\nout_time=-577014:32:22.775808\nprogress=continue\r\n');
    expect(later[0]).toMatchObject({ outTimeSec: 2, progress: 0.5, etaSeconds: 2 });
  });

  it('reads out_time when it is the only time given, and has no fraction without a duration', () => {
    const [snap] = createProgressParser().push('out_time=00:01:02.500000\nspeed=1.25x\nprogress=continue\n');
    expect(snap).toEqual({ outTimeSec: 62.5, progress: null, speed: 1.25, etaSeconds: null, ended: false });
    const [end] = createProgressParser().push('progress=end\n');
    expect(end).toMatchObject({ progress: 1, etaSeconds: 0, ended: true });
  });

  it('waits for the end of a line before using it', () => {
    const p = createProgressParser(10);
    expect(p.push('out_time_us=3000000\nprogress=cont')).toEqual([]);
    expect(p.push('inue\n')).toHaveLength(1);
  });
});

describe('parseStderrTail', () => {
  it('keeps the error lines, drops banner, stream listing and statistics, strips pointers', () => {
    const lines = [
      'ffmpeg version 5.1.9 Copyright (c) 2000-2026 the FFmpeg developers',
      '  configuration: --prefix=/usr',
      "Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'x.mp4':",
      '  Duration: 00:00:05.04, start: 0.000000, bitrate: 624 kb/s',
      '  Stream #0:0[0x1](und): Video: h264 (High)',
      '[libx264 @ 0x55a9803eabc0] using cpu capabilities: MMX2 SSE2Fast',
      '[mp4 @ 0x55ad1d66f1c0] Error writing trailer: No space left on device',
      '[mp4 @ 0x55ad1d66f1c0] Error writing trailer: No space left on device',
      'frame=   25 fps=0.0 q=-1.0 Lsize=     170kB time=00:00:01.02 bitrate=1365.0kbits/s speed=8.92x',
      'Conversion failed!',
    ];
    expect(parseStderrTail(lines)).toBe('[mp4] Error writing trailer: No space left on device\nConversion failed!');
  });

  it('falls back to the last plain lines when nothing looks like an error', () => {
    expect(parseStderrTail(['Input #0, wav', '  Stream #0:0: Audio', 'something odd happened', ''])).toBe(
      'something odd happened',
    );
    expect(parseStderrTail([])).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { cfrArgs, deliveryArgs } from '../../src/main/services/ffmpeg/deliver-args';
import { explainFfmpegError } from '../../src/main/services/ffmpeg/explain';
import { DELIVERY_AUDIO, DELIVERY_FPS } from '../../src/shared/standards';

describe('explainFfmpegError', () => {
  const moov = '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1] moov atom not found\nx.mp4: Invalid data found when processing input';

  it('tells a truncated MP4 from a non-media file with the same ffmpeg message', () => {
    expect(explainFfmpegError(moov, { looksLikeMp4: true })?.words).toMatch(/truncated or was not finished/);
    expect(explainFfmpegError(moov, { looksLikeMp4: false })?.words).toBe('not a media file ffmpeg can read');
    expect(explainFfmpegError(moov)?.words).toMatch(/truncated.*or not an MP4/);
  });

  it('recognises the common failures and leaves the rest alone', () => {
    expect(explainFfmpegError('Error writing trailer: No space left on device')?.words).toBe('the disk is full');
    expect(explainFfmpegError("Unknown encoder 'libx264'")?.words).toBe('this ffmpeg build has no libx264 encoder');
    expect(explainFfmpegError("Unrecognized option 'fps_mode'.")?.words).toMatch(/-fps_mode \(it may be too old\)/);
    expect(explainFfmpegError('something else')).toBeNull();
  });
});

describe('deliveryArgs', () => {
  it('uses the standard constants and never overwrites', () => {
    const args = deliveryArgs({ input: '/in/a:b.mkv', output: '/out/x.mp4', preset: 'veryfast', ffmpegVersion: '5.1.9' });
    const after = (flag: string) => args[args.indexOf(flag) + 1];
    expect(args[0]).toBe('-n');
    expect(after('-i')).toBe('file:/in/a:b.mkv');
    expect(after('-r')).toBe(`${DELIVERY_FPS.num}/${DELIVERY_FPS.den}`);
    expect(after('-ar')).toBe(String(DELIVERY_AUDIO.sampleRate));
    expect(after('-c:a')).toBe(DELIVERY_AUDIO.codec);
    expect(after('-fps_mode')).toBe('cfr');
    expect(args.at(-1)).toBe('file:/out/x.mp4');
  });

  it('falls back to -vsync on ffmpeg before 5.1', () => {
    expect(cfrArgs('4.4.2-0ubuntu0.22.04.1')).toEqual(['-vsync', 'cfr']);
    expect(cfrArgs('5.0.1')).toEqual(['-vsync', 'cfr']);
    expect(cfrArgs('n5.1.2')).toEqual(['-fps_mode', 'cfr']);
    expect(cfrArgs('7.1')).toEqual(['-fps_mode', 'cfr']);
    expect(cfrArgs('N-112345-gabcdef')).toEqual(['-fps_mode', 'cfr']);
  });
});

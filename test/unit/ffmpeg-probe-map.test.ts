import { describe, expect, it } from 'vitest';
import {
  bitDepthOf,
  containerName,
  hdrOf,
  isVfr,
  mapProbeJson,
  parseRate,
  rotationOf,
} from '../../src/main/services/ffmpeg/probe-map';

const MOV = 'mov,mp4,m4a,3gp,3g2,mj2';

describe('probe-map: the pure ffprobe JSON rules', () => {
  it('parses rates, with 0/0 as unknown', () => {
    expect(parseRate('30000/1001')).toEqual({ num: 30000, den: 1001, fps: 30000 / 1001 });
    expect(parseRate('0/0')).toEqual({ num: 0, den: 0, fps: 0 });
    expect(parseRate(undefined)).toEqual({ num: 0, den: 0, fps: 0 });
  });

  it('calls VFR only when r and avg differ beyond the tolerance', () => {
    expect(isVfr(parseRate('30/1'), parseRate('1350/61'))).toBe(true);
    expect(isVfr(parseRate('2997/100'), parseRate('2997/100'))).toBe(false);
    expect(isVfr(parseRate('30000/1001'), parseRate('2997/100'))).toBe(false);
    expect(isVfr(parseRate('30/1'), parseRate('0/0'))).toBe(false);
  });

  it('turns the counter-clockwise display matrix into clockwise degrees', () => {
    const dm = (rotation: number | string) => ({ side_data_list: [{ side_data_type: 'Display Matrix', rotation }] });
    expect(rotationOf(dm(-90))).toBe(90);
    expect(rotationOf(dm(90))).toBe(270);
    expect(rotationOf(dm(180))).toBe(180);
    expect(rotationOf(dm(-180))).toBe(180);
    expect(rotationOf(dm('-90.00'))).toBe(90);
    expect(rotationOf({})).toBe(0);
    // The legacy tag already means clockwise.
    expect(rotationOf({ tags: { rotate: '90' } })).toBe(90);
  });

  it('derives bit depth from bits_per_raw_sample or the pixel format', () => {
    expect(bitDepthOf('yuv420p', '8')).toBe(8);
    expect(bitDepthOf('yuv420p10le', undefined)).toBe(10);
    expect(bitDepthOf('yuv444p12be', undefined)).toBe(12);
    expect(bitDepthOf('p010le', undefined)).toBe(10);
    expect(bitDepthOf('yuv420p', undefined)).toBe(8);
    expect(bitDepthOf('yuv420p10le', '10')).toBe(10);
  });

  it('names HDR transfers', () => {
    expect(hdrOf('arib-std-b67')).toBe('hlg');
    expect(hdrOf('smpte2084')).toBe('pq');
    expect(hdrOf('bt709')).toBe('none');
    expect(hdrOf(undefined)).toBe('none');
  });

  it('names containers from the format, brand and extension', () => {
    expect(containerName('a.mp4', MOV, 'isom')).toBe('mp4');
    expect(containerName('a.MOV', MOV, 'isom')).toBe('mov');
    expect(containerName('a.mp4', MOV, 'qt  ')).toBe('mov');
    expect(containerName('a.webm', 'matroska,webm')).toBe('webm');
    expect(containerName('a.mkv', 'matroska,webm')).toBe('matroska');
    expect(containerName('a.avi', 'avi')).toBe('avi');
    expect(containerName('a.wav', 'wav')).toBe('wav');
  });

  it('maps a MediaRecorder-like report: no format duration, cover art skipped, N/A counts', () => {
    const result = mapProbeJson(
      '/x/take.webm',
      {
        format: { format_name: 'matroska,webm', duration: 'N/A' },
        streams: [
          { codec_type: 'video', codec_name: 'mjpeg', width: 10, height: 10, disposition: { attached_pic: 1 } },
          {
            codec_type: 'video',
            codec_name: 'vp9',
            width: 1080,
            height: 1920,
            pix_fmt: 'yuv420p',
            r_frame_rate: '1000/1',
            avg_frame_rate: '0/0',
            nb_frames: 'N/A',
            duration: '4.5',
          },
          { codec_type: 'audio', codec_name: 'opus', sample_rate: '48000', channels: 1 },
        ],
      },
      1234,
    );
    expect(result.container).toBe('webm');
    expect(result.durationSec).toBe(4.5);
    expect(result.sizeBytes).toBe(1234);
    expect(result.bitRate).toBeNull();
    expect(result.video?.codec).toBe('vp9');
    expect(result.video?.frameCount).toBeNull();
    expect(result.video?.vfr).toBe(false);
    expect(result.audio).toEqual({ codec: 'opus', sampleRate: 48000, channels: 1, channelLayout: null });
  });

  it('swaps the display size for quarter turns', () => {
    const result = mapProbeJson('/x/a.mp4', {
      format: { format_name: MOV, duration: '1.0', size: '100' },
      streams: [
        {
          codec_type: 'video',
          codec_name: 'h264',
          width: 1920,
          height: 1080,
          side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }],
        },
      ],
    });
    expect(result.video).toMatchObject({ rotation: 90, displayWidth: 1080, displayHeight: 1920 });
    expect(result.audio).toBeNull();
  });
});

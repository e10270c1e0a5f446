/** The pure parts of ingest and transcode: format rules, sizes, filter chains, parsers. No ffmpeg. */
import { describe, expect, it } from 'vitest';
import { parseH264HardwareEncoders, parseFilterList } from '../../src/main/services/convert/capabilities';
import { damageFindings, endsEarly, firstMissingOffset, isDamageLine } from '../../src/main/services/convert/damage';
import { deltaE2000, deltaEStats, rgb8ToLab, type Lab } from '../../src/main/services/convert/delta-e';
import { escapeFilterValue } from '../../src/main/services/convert/filter-escape';
import { exactToneMapChain, identityLattice, latticeToCube, lutToneMapChain, parsePsnrAverage } from '../../src/main/services/convert/hdr';
import { mergeGraph, partFrames, partStarts } from '../../src/main/services/convert/merge';
import { fitSize, planVideo } from '../../src/main/services/convert/plan';
import { deliveryArgs, deliveryEncodeArgs } from '../../src/main/services/ffmpeg/deliver-args';
import { parseConvertOptions, progressPrinter } from '../../src/cli/convert-run';
import { pathsFromText } from '../../src/renderer/src/features/convert/paths-text';
import { convertMethods } from '../../src/shared/contract/convert';
import { ConvertOptionsSchema, scaledSize } from '../../src/shared/ingest/options';
import { FORMAT_RULES, formatProblems, formatRule, isConvertible } from '../../src/shared/ingest/problems';
import type { ProbeResult } from '../../src/shared/probe';
import { DELIVERY_ENCODE, VIDEO_SCALE_RATIO } from '../../src/shared/standards';
import { probe, rate, video } from './helpers/probe';


const opts = (o: Partial<ReturnType<typeof ConvertOptionsSchema.parse>> = {}) => ConvertOptionsSchema.parse(o);
const rules = (p: ProbeResult) => formatProblems(p).map((f) => f.rule);

describe('formatProblems (delivery format rules)', () => {
  it('finds nothing in a 1080×1920 25 fps H.264 MP4 with 48 kHz AAC', () => {
    expect(formatProblems(probe())).toEqual([]);
  });

  it('lists every problem of an iPhone HDR MOV, each with its § and whether converting cures it', () => {
    const p = probe(
      { container: 'mov', audio: { codec: 'aac', sampleRate: 44_100, channels: 2, channelLayout: 'stereo' } },
      {
        codec: 'hevc',
        width: 1920,
        height: 1080,
        rotation: 90,
        displayWidth: 1080,
        displayHeight: 1920,
        rFrameRate: rate(30),
        avgFrameRate: rate(30),
        pixelFormat: 'yuv420p10le',
        bitDepth: 10,
        hdr: 'hlg',
      },
    );
    const found = formatProblems(p);
    expect(found.map((f) => f.rule)).toEqual([
      'format.container',
      'format.video-codec',
      'format.hdr',
      'format.bit-depth',
      'format.fps',
      'format.rotation',
      'format.audio-rate',
    ]);
    for (const f of found) {
      expect(f.section).toMatch(/^§\d/);
      // Whole-file problems span the whole file (src/shared/findings.ts; ADR 0003).
      expect(f).toMatchObject({ severity: 'warn', start: 0, end: p.durationSec });
      expect(formatRule(f.rule)?.fixedByConvert).toBe(true);
    }
    expect(found.find((f) => f.rule === 'format.hdr')).toMatchObject({ section: '§1.2.3, §7.1', values: { transfer: 'HLG' } });
    expect(found.find((f) => f.rule === 'format.container')?.section).toContain('§1.2.3');
    expect(isConvertible(found)).toBe(true);
  });

  it('tells VFR from a steady wrong rate, and flags size, landscape and missing audio as not curable', () => {
    expect(rules(probe({}, { vfr: true, rFrameRate: rate(30), avgFrameRate: rate(221, 10) }))).toEqual(['format.vfr']);
    expect(rules(probe({}, { rFrameRate: rate(30000, 1001), avgFrameRate: rate(30000, 1001) }))).toEqual(['format.fps']);
    const wide = formatProblems(probe({ audio: null }, { width: 640, height: 360, displayWidth: 640, displayHeight: 360 }));
    expect(wide.map((f) => [f.rule, f.severity, formatRule(f.rule)?.fixedByConvert])).toEqual([
      ['format.resolution', 'warn', false],
      ['format.landscape', 'info', false],
      ['format.no-audio', 'warn', false],
    ]);
    // 4K is supported (§7.1), portrait or landscape.
    expect(rules(probe({}, { width: 2160, height: 3840, displayWidth: 2160, displayHeight: 3840 }))).toEqual([]);
  });

  it('calls an audio-only file an error that converting cannot cure', () => {
    const found = formatProblems(probe({ container: 'wav' }, null));
    expect(found[0]).toMatchObject({ rule: FORMAT_RULES.noVideo.id, severity: 'error' });
    expect(isConvertible(found)).toBe(false);
    expect(found.map((f) => f.rule)).not.toContain('format.no-audio');
  });
});

describe('options and sizes', () => {
  it('defaults to CRF 18, the veryfast preset, scale 1 and the measured HDR fast path', () => {
    expect(opts()).toEqual({ scale: VIDEO_SCALE_RATIO.default, crf: DELIVERY_ENCODE.crf, preset: DELIVERY_ENCODE.preset, hdr: 'auto' });
    expect(ConvertOptionsSchema.safeParse({ scale: 2 }).success).toBe(false);
    expect(ConvertOptionsSchema.safeParse({ crf: 18.5 }).success).toBe(false);
    expect(ConvertOptionsSchema.safeParse({ preset: 'placebo' }).success).toBe(false);
  });

  it('applies the §5.3 ratio to even sizes and never enlarges', () => {
    expect(scaledSize(2160, 3840, 0.5)).toEqual({ width: 1080, height: 1920 });
    expect(scaledSize(1080, 1920, 1)).toEqual({ width: 1080, height: 1920 });
    expect(scaledSize(701, 701, 1)).toEqual({ width: 700, height: 700 });
    expect(scaledSize(700, 700, 0.75)).toEqual({ width: 526, height: 526 });
    expect(fitSize(700, 700, { width: 180, height: 320 })).toEqual({ width: 180, height: 180 });
    expect(fitSize(1920, 1080, { width: 1080, height: 1920 })).toEqual({ width: 1080, height: 608 });
  });

  it('prints progress on stderr once per 10 %, with speed and time left', () => {
    let text = '';
    const print = progressPrinter({ stdout: () => {}, stderr: (t) => (text += t), env: {} }, 'convert');
    for (const progress of [0, 0.04, 0.12, 0.15, 0.5, 1]) print({ progress, speed: 2, etaSeconds: 10 * (1 - progress), outTimeSec: 0 });
    expect(text.trim().split('\n')).toEqual([
      'convert: 0% · 2.00× real time · about 10 s left',
      'convert: 12% · 2.00× real time · about 9 s left',
      'convert: 50% · 2.00× real time · about 5 s left',
      'convert: 100% · 2.00× real time',
    ]);
  });

  it('parses CLI options and says what is wrong', () => {
    expect(parseConvertOptions({ scale: '0.5', crf: '20', preset: 'medium' })).toEqual({ scale: 0.5, crf: 20, preset: 'medium', hdr: 'auto' });
    expect(parseConvertOptions({ crf: 'high' })).toMatch(/^--crf: /);
    expect(parseConvertOptions({ scale: '3' })).toMatch(/^--scale: /);
  });

  it('validates contract inputs: paths without NUL, merge names without folders', () => {
    const merge = convertMethods['convert.merge'].input;
    expect(merge.safeParse({ files: ['/a.mov', '/b.mov'], outputName: 'idle and actions.mp4' }).success).toBe(true);
    expect(merge.safeParse({ files: ['/a.mov', '/b.mov'], outputName: '../up.mp4' }).success).toBe(false);
    expect(merge.safeParse({ files: ['/a.mov', '/b.mov'], outputName: 'x.mov' }).success).toBe(false);
    expect(merge.safeParse({ files: ['/a.mov'] }).success).toBe(false);
    expect(convertMethods['convert.inspect'].input.safeParse({ paths: ['/a\0b'] }).success).toBe(false);
    expect(convertMethods['convert.enqueue'].input.parse({ files: ['/a.mov'] }).options).toEqual(opts());
  });
});

describe('the video plan', () => {
  it('leaves an SDR 25 fps file to ffmpeg alone (autorotate, -r 25, -pix_fmt do the rest)', () => {
    expect(planVideo(video(), opts(), { method: 'none' }).filters).toEqual([]);
    expect(planVideo(video({ rFrameRate: rate(30), avgFrameRate: rate(30), rotation: 90 }), opts(), { method: 'none' }).filters).toEqual([]);
  });

  it('drops surplus frames before scaling, and converts SD colours to BT.709', () => {
    const v = video({ width: 3840, height: 2160, displayWidth: 2160, displayHeight: 3840, rotation: 90, rFrameRate: rate(30), avgFrameRate: rate(30) });
    expect(planVideo(v, opts({ scale: 0.5 }), { method: 'none' }).filters).toEqual(['fps=25/1', 'scale=1080:1920']);
    const sd = video({ width: 640, height: 360, displayWidth: 640, displayHeight: 360, colorSpace: 'smpte170m' });
    expect(planVideo(sd, opts(), { method: 'none' }).filters).toEqual(['scale=iw:ih:in_color_matrix=bt601:out_color_matrix=bt709']);
  });

  it('tone-maps HLG with zscale + tonemap, or the LUT, resizing inside the chain', () => {
    const v = video({ hdr: 'hlg', bitDepth: 10, colorSpace: 'bt2020nc', rFrameRate: rate(30), avgFrameRate: rate(30) });
    const exact = planVideo(v, opts({ scale: 0.5 }), { method: 'zscale', kind: 'hlg' }).filters;
    expect(exact[0]).toBe('fps=25/1');
    expect(exact[1]).toMatch(/^zscale=w=540:h=960:f=bicubic:tin=arib-std-b67:min=bt2020nc:pin=bt2020:.*t=linear/);
    expect(exact).toContain('tonemap=tonemap=hable:desat=0:peak=10');
    expect(exact.at(-1)).toBe('format=yuv420p');
    const lut = planVideo(v, opts(), { method: 'lut', kind: 'hlg', lutFile: '/c/a b.cube' }).filters;
    expect(lut).toContain('lut3d=file=/c/a b.cube:interp=tetrahedral');
    expect(lutToneMapChain('/x.cube', null, { width: 2, height: 4 })[0]).toBe('scale=2:4:in_color_matrix=bt2020:in_range=tv:out_range=pc');
    expect(exactToneMapChain('pq', null)[0]).toContain('tin=smpte2084');
  });

  it('escapes file names for the filter graph (spaces, colons, commas, quotes, Chinese)', () => {
    expect(escapeFilterValue('/a b/访谈.cube')).toBe('/a b/访谈.cube');
    // Each special character gains an escape per level; ffmpeg reading it back is tested with real files.
    expect(escapeFilterValue('a:b')).toBe('a\\\\:b');
    expect(escapeFilterValue('a,b')).toBe('a\\,b');
  });

  it('builds the delivery arguments with the options, keeping the recipe of the foundation', () => {
    const args = deliveryArgs({ input: '/i.mov', output: '/o.mp4', preset: 'ultrafast', ffmpegVersion: '5.1.9', crf: 23, videoFilters: ['fps=25/1'], bt709: true });
    const after = (flag: string) => args[args.indexOf(flag) + 1];
    expect(after('-vf')).toBe('fps=25/1,crop=trunc(iw/2)*2:trunc(ih/2)*2');
    expect(after('-crf')).toBe('23');
    expect(after('-colorspace')).toBe('bt709');
    expect(after('-x264-params')).toBe('8x8dct=1');
    expect(deliveryEncodeArgs({ preset: 'veryfast', ffmpegVersion: '5.1' })).not.toContain('-color_trc');
  });
});

describe('the HDR look-up table', () => {
  it('lays the identity lattice out red-fastest and writes it back as an identity .cube', () => {
    const n = 3;
    const frame = identityLattice(n);
    expect(frame.byteLength).toBe(n * n * n * 3 * 4);
    const cube = latticeToCube(frame, n, 'id').split('\n');
    expect(cube[1]).toBe('LUT_3D_SIZE 3');
    expect(cube[4]).toBe('0.000000 0.000000 0.000000');
    expect(cube[5]).toBe('0.500000 0.000000 0.000000');
    expect(cube[4 + 3]).toBe('0.000000 0.500000 0.000000');
    expect(cube[4 + 9]).toBe('0.000000 0.000000 0.500000');
    expect(cube[4 + 26]).toBe('1.000000 1.000000 1.000000');
  });

  it('reads the PSNR summary line', () => {
    expect(parsePsnrAverage('[Parsed_psnr_12] PSNR y:54.00 u:53.67 v:53.50 average:53.859592 min:53.66 max:53.90')).toBeCloseTo(53.8596);
    expect(parsePsnrAverage('PSNR y:inf u:inf v:inf average:inf min:inf max:inf')).toBe(Infinity);
    expect(parsePsnrAverage('nothing')).toBeNull();
  });

  it('reads the filter and encoder lists', () => {
    const filters = parseFilterList(' .SC zscale            V->V       Apply resizing.\n TSC lut3d             V->V       Adjust colors.\n ... concat            N->N       x');
    expect([...filters]).toEqual(['zscale', 'lut3d', 'concat']);
    expect(parseH264HardwareEncoders(' V....D libx264  libx264 H.264\n V....D h264_nvenc  NVIDIA\n V..... h264_qsv  Intel')).toEqual(['h264_nvenc', 'h264_qsv']);
  });
});

describe('damage and truncation', () => {
  const lines = [
    { atSec: 2.9, line: '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55af] stream 1, offset 0x510a0: partial file' },
    { atSec: 3.0, line: '[h264 @ 0x1] Invalid NAL unit size (346 > 85).' },
  ];
  it('recognises damage lines and the first missing byte', () => {
    expect(lines.every((l) => isDamageLine(l.line))).toBe(true);
    expect(isDamageLine('frame=   76 fps=0.0 q=-1.0 size=355kB')).toBe(false);
    expect(firstMissingOffset(lines)).toBe(0x510a0);
  });
  it('calls an output short when damage cut it, or when it is far too short', () => {
    expect(endsEarly(6.13, 3.04, true)).toBe(true);
    expect(endsEarly(6.13, 6.0, true)).toBe(false);
    expect(endsEarly(6.13, 5.9, false)).toBe(false);
    expect(endsEarly(6.13, 5.0, false)).toBe(true);
    expect(endsEarly(0, 1, true)).toBe(false);
  });
  it('turns concealed errors into §1.2.5 findings per second', () => {
    const f = damageFindings(lines);
    expect(f).toHaveLength(2);
    expect(f[0]).toMatchObject({ rule: 'decode.damaged', section: '§1.2.5', start: 2, end: 3 });
    expect(f[0]?.message).not.toContain('0x55af');
  });
});

describe('merge timing', () => {
  it('puts every part on a whole frame and reports where it starts', () => {
    expect(partFrames(6.131)).toBe(153);
    expect(partFrames(0.01)).toBe(1);
    const starts = partStarts([
      { file: 'idle.mov', frames: 750 },
      { file: 'wave.mov', frames: 76 },
      { file: 'ok.mov', frames: 80 },
    ]);
    expect(starts.map((p) => [p.startFrame, p.startSec, p.durationSec])).toEqual([
      [0, 0, 30],
      [750, 30, 3.04],
      [826, 33.04, 3.2],
    ]);
  });

  it('pads sizes, gives silent parts silence and cuts audio to the frames', () => {
    const a = probe({ file: '/a.mov' }, { width: 1080, height: 1920 });
    const b = probe({ file: '/b.mp4', audio: null }, { width: 1920, height: 1080, displayWidth: 1920, displayHeight: 1080 });
    const { graph, audio } = mergeGraph(
      [
        { facts: a, hdr: { method: 'none' }, frames: 250 },
        { facts: b, hdr: { method: 'none' }, frames: 50 },
      ],
      opts(),
      { width: 1080, height: 1920 },
    );
    expect(audio).toBe(true);
    expect(graph).toContain('[1:V:0]setpts=PTS-STARTPTS,fps=25/1,scale=1080:608,pad=1080:1920:(ow-iw)/2:(oh-ih)/2');
    expect(graph).toContain('trim=end_frame=250');
    expect(graph).toContain('atrim=end_sample=480000');
    expect(graph).toContain('anullsrc=r=48000:cl=stereo,');
    expect(graph.endsWith('[v0][a0][v1][a1]concat=n=2:v=1:a=1[v][a]')).toBe(true);
  });
});

describe('ΔE2000', () => {
  it('matches the published CIEDE2000 test pairs (Sharma, Wu, Dalal 2005)', () => {
    const pairs: [Lab, Lab, number][] = [
      [{ L: 50, a: 2.6772, b: -79.7751 }, { L: 50, a: 0, b: -82.7485 }, 2.0425],
      [{ L: 50, a: 3.1571, b: -77.2803 }, { L: 50, a: 0, b: -82.7485 }, 2.8615],
      [{ L: 50, a: 2.5, b: 0 }, { L: 73, a: 25, b: -18 }, 27.1492],
      [{ L: 60.2574, a: -34.0099, b: 36.2677 }, { L: 60.4626, a: -34.1751, b: 39.4387 }, 1.2644],
      [{ L: 22.7233, a: 20.0904, b: -46.694 }, { L: 23.0331, a: 14.973, b: -42.5619 }, 2.0373],
    ];
    for (const [p, q, expected] of pairs) expect(deltaE2000(p, q)).toBeCloseTo(expected, 3);
  });

  it('puts white at L 100 and gives identical frames ΔE 0', () => {
    expect(rgb8ToLab(255, 255, 255).L).toBeCloseTo(100, 2);
    const frame = Uint8Array.from([10, 20, 30, 200, 100, 50]);
    expect(deltaEStats(frame, frame)).toMatchObject({ mean: 0, max: 0, pixels: 2 });
  });
});

describe('pasted paths', () => {
  it('takes one path a line, without quotes, and turns file:// URLs into paths', () => {
    expect(pathsFromText('  /a b/IMG_0001.MOV \n\n"/c/d.mov"\r\nfile:///home/%E8%AE%BF%E8%B0%88/take%201.mov\nfile:///C:/x/y.mov')).toEqual([
      '/a b/IMG_0001.MOV',
      '/c/d.mov',
      '/home/访谈/take 1.mov',
      'C:/x/y.mov',
    ]);
  });
});

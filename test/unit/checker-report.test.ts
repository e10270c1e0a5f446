/**
 * The acceptance report for people (#14 item 6): grouped per rule with merged time ranges, in en
 * and zh-CN with correct plurals, who/what/which tools, self-contained, hostile text escaped, and
 * printed by the real Chromium to a few A4 pages.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium, HEADLESS_CHROMIUM_ARGS } from '../../src/main/services/chromium-path';
import { CheckReportSchema, type CheckReport, type ReportFinding } from '../../src/shared/qc/report';
import { groupFindings } from '../../src/shared/qc/report-groups';
import { reportHtml } from '../../src/shared/qc/report-html';
import { makeFinding } from '../../src/shared/rules';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cs-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A 1×1 grey JPEG as the checker's thumbnails are: a data: URL. */
const THUMB =
  'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==';

function rf(f: ReturnType<typeof makeFinding>, fps = 25, thumbnail?: string): ReportFinding {
  return { ...f, startFrame: Math.round(f.start * fps), endFrame: Math.round(f.end * fps), ...(thumbnail ? { thumbnail } : {}) };
}

const frozen = (start: number, end: number) => rf(makeFinding('frames.discontinuous', { start, end, values: { kind: 'frozen', from: `0:${start}`, to: `0:${end}` } }), 25, THUMB);

/** 1 error and 12 warnings over a 60-s take: 10 frozen stretches, a black border, a cut, a multi-face error. */
function report(over: Partial<CheckReport> = {}): CheckReport {
  const findings: ReportFinding[] = [
    rf(makeFinding('face.multiple', { start: 12, end: 14.5, values: { count: 2 } }), 25, THUMB),
    ...Array.from({ length: 10 }, (_, i) => frozen(20 + i * 3, 21 + i * 3)),
    rf(makeFinding('video.black-border', { start: 0, end: 60, values: { where: 'bottom 4 px' } })),
    rf(makeFinding('frames.discontinuous', { start: 50, end: 50.04, values: { kind: 'cut', at: '0:50' } }), 25, THUMB),
  ];
  return CheckReportSchema.parse({
    verdict: 'fail',
    file: '/shoots/a/take <1>.mp4',
    preset: 'standard-short',
    probe: {
      file: '/shoots/a/take <1>.mp4',
      container: 'mp4',
      formatName: 'mov,mp4',
      durationSec: 60,
      sizeBytes: 1,
      bitRate: null,
      video: {
        codec: 'h264',
        profile: 'High',
        width: 1080,
        height: 1920,
        rotation: 0,
        displayWidth: 1080,
        displayHeight: 1920,
        rFrameRate: { num: 25, den: 1, fps: 25 },
        avgFrameRate: { num: 25, den: 1, fps: 25 },
        vfr: false,
        pixelFormat: 'yuv420p',
        bitDepth: 8,
        hdr: 'none',
        colorTransfer: 'bt709',
        colorPrimaries: 'bt709',
        colorSpace: 'bt709',
        frameCount: 1500,
      },
      audio: null,
    },
    findings,
    stats: { framesTotal: 1500, framesAnalyzed: 1500, facesAnalyzed: true, analysisWidth: 360, analysisHeight: 640, durationSec: 60, elapsedSec: 30, audio: null, borders: { top: 0, bottom: 4, left: 0, right: 0 } },
    series: {
      frameT: Array.from({ length: 1500 }, (_, i) => i / 25),
      faces: Array.from({ length: 1500 }, (_, i) => (i >= 300 && i < 362 ? 2 : 1)),
      yaw: Array.from({ length: 1500 }, (_, i) => Math.sin(i / 50) * 10),
      pitch: Array.from({ length: 1500 }, () => 2),
      lipGap: Array.from({ length: 1500 }, (_, i) => (i % 40) / 1000),
      audioT: [],
      audioDb: [],
    },
    about: {
      createdAt: '2026-11-26T10:30:00.000Z',
      tool: { name: 'Capture Studio', version: '0.1.0' },
      ffmpeg: '5.1.6-0+deb12u1',
      faceModel: { sha256: '64184e229b263107bc2b804c6625db1341ff2bb731874b0bcc2fe6544e0bc9ff', bytes: 3758596, source: 'env' },
      shoot: { id: 's1', name: 'Spring campaign "A"', talent: 'Li <Wei>' },
      take: { id: 't1', name: 'Take 3', createdAt: '2026-11-26T10:00:00.000Z' },
      markers: [
        { id: 'm1', kind: 'phase', t: 30, phase: 'narration' },
        { id: 'm2', kind: 'note', t: 41.5, note: '<img src=x onerror=alert(1)>' },
      ],
    },
    ...over,
  });
}

describe('report groups', () => {
  it('merges consecutive and overlapping findings of a rule into ranges, keeps separate ones apart', () => {
    const fps = 25;
    const f = (s: number, e: number) => rf(makeFinding('frames.discontinuous', { start: s, end: e, values: { kind: 'frozen', from: '', to: '' } }), fps);
    // Hand-made: [1,2] and [2.04,3] touch (one frame apart), [2.5,3.5] overlaps them, [10,11] stands alone.
    const g = groupFindings([f(10, 11), f(1, 2), f(2.04, 3), f(2.5, 3.5)], 60);
    expect(g).toHaveLength(1);
    expect(g[0]!.count).toBe(4);
    expect(g[0]!.ranges.map((r) => [r.start, r.end, r.count])).toEqual([
      [1, 3.5, 3],
      [10, 11, 1],
    ]);
    expect(g[0]!.ranges[0]!.endFrame).toBe(Math.round(3.5 * fps));
  });

  it('puts the ten frozen stretches and the cut of the sample in one group of eleven ranges; errors first, then by first time', () => {
    const groups = groupFindings(report().findings, 60);
    expect(groups.map((g) => [g.rule, g.severity, g.count])).toEqual([
      ['face.multiple', 'error', 1],
      ['video.black-border', 'warn', 1],
      ['frames.discontinuous', 'warn', 11],
    ]);
    expect(groups[1]!.wholeFile).toBe(true);
    expect(groups[2]!.ranges).toHaveLength(11);
  });
});

describe('report HTML', () => {
  it('says "1 error · 12 warnings" in English and "1 个错误 · 12 个警告" in Chinese', () => {
    const en = reportHtml(report(), 'en');
    const zh = reportHtml(report(), 'zh-CN');
    expect(en).toContain('1 error · 12 warnings · 0 notes');
    expect(zh).toContain('1 个错误 · 12 个警告 · 0 条提示');
    expect(en).toContain('<html lang="en">');
    expect(zh).toContain('<html lang="zh-CN">');
    // Titles and messages from the registry in the report's language.
    expect(en).toContain('More than one face');
    expect(en).toContain('2 faces in the picture');
    expect(zh).toContain('多张人脸');
    expect(zh).toContain('画面中有 2 张人脸');
    expect(zh).toContain('画面定格');
    expect(en).toContain('11 times · 11 ranges');
    expect(zh).toContain('11 次 · 11 段');
    // Ten frozen stretches are worded by their count; their times are the ranges, not the first one's.
    expect(en).toContain('Frozen picture in 10 places');
    expect(zh).toContain('有 10 处画面定格');
  });

  it('names shoot, talent, take, preset, markers, date, tool, ffmpeg and face model versions', () => {
    const en = reportHtml(report(), 'en');
    for (const s of ['Spring campaign &quot;A&quot;', 'Li &lt;Wei&gt;', 'Take 3', 'standard-short', 'phase (narration) 0:30.0', 'Capture Studio 0.1.0', 'ffmpeg 5.1.6-0+deb12u1', '64184e229b263107', '3.76 MB']) {
      expect(en).toContain(s);
    }
    expect(en).toMatch(/data-about="date">November 26, 2026/);
    expect(reportHtml(report(), 'zh-CN')).toMatch(/data-about="date">2026年11月26日/);
  });

  it('has a legend, a small thumbnail strip, no script and a CSP that loads nothing', () => {
    const html = reportHtml(report(), 'en');
    expect(html).toContain('data-testid="legend"');
    expect(html).toMatch(/<div class="strip"><figure><img src="data:image\/jpeg;base64,[^"]+" alt="" height="72">/);
    expect(html).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`);
    // Hostile marker text and names are text, never markup.
    expect(html).not.toMatch(/<script|https?:\/\/|<img src=x/i);
    expect(html).toContain('“&lt;img src=x onerror=alert(1)&gt;”');
  });

  it('reads an old report without the about block (dashes, no crash)', () => {
    const { about: _about, ...old } = report();
    const html = reportHtml(CheckReportSchema.parse(old), 'zh-CN');
    expect(html).toContain('data-about="shoot">—');
  });

  const chromium = findChromium();
  it.skipIf(!chromium)(
    'prints with the real Chromium to at most 3 A4 pages',
    () => {
      const pages: Record<string, number> = {};
      for (const lang of ['en', 'zh-CN'] as const) {
        const html = path.join(tmp, `report.${lang}.html`);
        const pdf = path.join(tmp, `report.${lang}.pdf`);
        writeFileSync(html, reportHtml(report(), lang));
        execFileSync(chromium!, [...HEADLESS_CHROMIUM_ARGS, '--headless', '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${html}`], { timeout: 120_000, stdio: 'ignore' });
        pages[lang] = pdfPages(pdf);
      }
      expect(pages.en).toBeGreaterThanOrEqual(1);
      expect(pages.en).toBeLessThanOrEqual(3);
      expect(pages['zh-CN']).toBeGreaterThanOrEqual(1);
      expect(pages['zh-CN']).toBeLessThanOrEqual(3);
    },
    240_000,
  );
});

/** Pages of a PDF: pdfinfo (poppler) when installed, else the /Type /Page objects. */
function pdfPages(file: string): number {
  try {
    const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(out)?.[1] ?? NaN);
  } catch {
    return (readFileSync(file).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  }
}

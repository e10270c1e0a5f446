/**
 * The acceptance report for people, as one self-contained HTML page: no script, no network
 * (CSP default-src 'none'), inline SVG and data: thumbnails, so it can be mailed, opened anywhere
 * and printed to PDF (Chromium's print) for the person who signs the shoot off. Written in en or
 * zh-CN: titles and messages from the rule registry, plurals by Intl.PluralRules. Findings are
 * grouped per rule with their time ranges and a small thumbnail strip; the timeline has a legend.
 */
import type { Severity } from '../findings';
import { countWords, renderFinding, renderGroupMessage, ruleTitle, type Lang, type Template } from '../rules';
import type { CheckReport, ReportAbout, ReportFinding } from './report';
import { groupFindings, severityCounts, type FindingGroup } from './report-groups';
import { tileMarks } from './mouth-strip';
import { clockTenths } from './spans';

export type { Lang };

interface Words {
  title: string;
  verdict: Record<CheckReport['verdict'], string>;
  verdictHint: Record<CheckReport['verdict'], string>;
  counts: Record<Severity, Template>;
  noFindings: string;
  about: string;
  shoot: string;
  talent: string;
  take: string;
  preset: string;
  date: string;
  file: string;
  media: string;
  frames: string;
  markers: string;
  noMarkers: string;
  markerKind: Record<string, string>;
  checkedWith: string;
  faceModel: string;
  facesOff: string;
  handsOn: string;
  handsOff: string;
  notRecorded: string;
  timeline: string;
  legendSeverity: string;
  series: { faces: string; yaw: string; pitch: string; lipGap: string; audio: string };
  findings: string;
  rules: Template;
  times: Template;
  ranges: Template;
  wholeFile: string;
  frameWord: string;
  more: Template;
  severity: Record<Severity, string>;
  signOff: { heading: string; by: string; date: string; note: string };
  mouths: { heading: string; hint: string; noFace: string };
}

const WORDS: Record<Lang, Words> = {
  en: {
    title: 'Acceptance report',
    verdict: { pass: 'PASS', warn: 'PASS WITH WARNINGS', fail: 'FAIL' },
    verdictHint: {
      pass: 'Nothing found that would fail training.',
      warn: 'Training should work; the warnings cost quality. Fix them if you can.',
      fail: 'This file would likely fail training (4–8 hours lost). Fix the errors first.',
    },
    counts: {
      error: { one: '{{count}} error', other: '{{count}} errors' },
      warn: { one: '{{count}} warning', other: '{{count}} warnings' },
      info: { one: '{{count}} note', other: '{{count}} notes' },
    },
    noFindings: 'No findings.',
    about: 'Take',
    shoot: 'Shoot',
    talent: 'Talent',
    take: 'Take',
    preset: 'Preset',
    date: 'Checked',
    file: 'File',
    media: 'Picture and length',
    frames: 'Frames analysed',
    markers: 'Markers',
    noMarkers: 'none',
    markerKind: { phase: 'phase', flub: 'flub', 'action-start': 'action start', 'action-end': 'action end', 'return-idle': 'return to idle', note: 'note' },
    checkedWith: 'Checked with',
    faceModel: 'face model',
    facesOff: 'faces not analysed',
    handsOn: 'hand models',
    handsOff: 'hands not looked for (colour tests only)',
    notRecorded: '—',
    timeline: 'Timeline',
    legendSeverity: 'Shaded: where a finding is',
    series: { faces: 'faces', yaw: 'yaw (°)', pitch: 'pitch (°)', lipGap: 'lip gap', audio: 'audio level (dBFS)' },
    findings: 'Findings',
    rules: { one: '{{count}} rule', other: '{{count}} rules' },
    times: { one: 'once', other: '{{count}} times' },
    ranges: { one: '{{count}} range', other: '{{count}} ranges' },
    wholeFile: 'whole file',
    frameWord: 'frames',
    more: { one: '… and {{count}} more range', other: '… and {{count}} more ranges' },
    severity: { error: 'error', warn: 'warning', info: 'note' },
    signOff: { heading: 'Sign-off', by: 'Checked by', date: 'Date', note: 'Decision / notes' },
    mouths: {
      heading: 'Lips at a glance',
      hint: 'The mouth every {{step}} s, left to right. The checks can miss a thin straw, a pen tip, a lock of hair or fingers on a corner from the first frame: look along the strip before you sign off. Framed: inside a lip finding.',
      noFace: 'no face',
    },
  },
  'zh-CN': {
    title: '验收报告',
    verdict: { pass: '通过', warn: '通过（有警告）', fail: '不通过' },
    verdictHint: {
      pass: '未发现会导致训练失败的问题。',
      warn: '训练应能完成；警告项会影响质量，建议修正。',
      fail: '此文件很可能导致训练失败（浪费 4–8 小时）。请先修正错误项。',
    },
    counts: { error: '{{count}} 个错误', warn: '{{count}} 个警告', info: '{{count}} 条提示' },
    noFindings: '没有发现问题。',
    about: '素材',
    shoot: '拍摄',
    talent: '出镜人',
    take: '素材',
    preset: '预设',
    date: '检查时间',
    file: '文件',
    media: '画面与时长',
    frames: '已分析帧数',
    markers: '标记',
    noMarkers: '无',
    markerKind: { phase: '阶段', flub: '口误', 'action-start': '动作开始', 'action-end': '动作结束', 'return-idle': '回到待机', note: '备注' },
    checkedWith: '检查工具',
    faceModel: '人脸模型',
    facesOff: '未分析人脸',
    handsOn: '手部模型',
    handsOff: '未检测手部（仅颜色检测）',
    notRecorded: '—',
    timeline: '时间线',
    legendSeverity: '色块：问题所在位置',
    series: { faces: '人脸数', yaw: '偏航（°）', pitch: '俯仰（°）', lipGap: '唇间距', audio: '音量（dBFS）' },
    findings: '问题',
    rules: '{{count}} 条规则',
    times: '{{count}} 次',
    ranges: '{{count}} 段',
    wholeFile: '整个文件',
    frameWord: '帧',
    more: '…… 另有 {{count}} 段',
    severity: { error: '错误', warn: '警告', info: '提示' },
    signOff: { heading: '签收', by: '检查人', date: '日期', note: '结论 / 备注' },
    mouths: {
      heading: '嘴部一览',
      hint: '每 {{step}} 秒一张嘴部画面，从左到右。检查可能漏掉细吸管、笔尖、一缕头发或从第一帧起就在嘴角的手指：签收前请沿这条画面看一遍。带框：处于嘴唇相关问题的时间段内。',
      noFace: '无人脸',
    },
  },
};

const COLORS: Record<Severity, string> = { error: '#d93a3a', warn: '#e0a020', info: '#4a8fe0' };
const SERIES_COLORS = { faces: '#333', yaw: '#c0392b', pitch: '#2471a3', lipGap: '#7d3c98', audio: '#1e8449' } as const;
/** Ranges listed per group and thumbnails per strip; the rest are counted. */
const MAX_RANGES = 12;
const MAX_THUMBS = 8;

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const W = 960;
const LANE = 62;

function lane(y: number, label: string, body: string): string {
  return `<g transform="translate(0,${y})"><rect x="0" y="0" width="${W}" height="${LANE - 8}" fill="#f6f7f9"/>${body}<text x="6" y="13" class="lab">${esc(label)}</text></g>`;
}

function polyline(ts: number[], vs: (number | null)[], x: (t: number) => number, y: (v: number) => number, color: string): string {
  const parts: string[] = [];
  let cur: string[] = [];
  ts.forEach((t, i) => {
    const v = vs[i];
    if (v === null || v === undefined || !Number.isFinite(v)) {
      if (cur.length) parts.push(cur.join(' '));
      cur = [];
    } else cur.push(`${x(t).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (cur.length) parts.push(cur.join(' '));
  return parts.map((p) => `<polyline points="${p}" fill="none" stroke="${color}" stroke-width="1.2"/>`).join('');
}

function timeline(r: CheckReport, groups: FindingGroup[], lang: Lang, w: Words): string {
  const d = Math.max(r.stats.durationSec, 0.1);
  const x = (t: number) => (Math.min(Math.max(t, 0), d) / d) * W;
  const h = LANE - 8;
  const s = r.series;
  const lanes: string[] = [];
  const shown: (keyof typeof SERIES_COLORS)[] = [];
  let y = 0;
  if (r.stats.facesAnalyzed && s.frameT.length) {
    const maxF = Math.max(2, ...s.faces);
    lanes.push(lane(y, w.series.faces, polyline(s.frameT, s.faces, x, (v) => h - 4 - (v / maxF) * (h - 18), SERIES_COLORS.faces)));
    y += LANE;
    const ya = (v: number) => h / 2 - (Math.max(-60, Math.min(60, v)) / 60) * (h / 2 - 4);
    const guides = [30, -30].map((g) => `<line x1="0" x2="${W}" y1="${ya(g)}" y2="${ya(g)}" stroke="#bbb" stroke-dasharray="3 3"/>`).join('');
    lanes.push(lane(y, `${w.series.yaw} / ${w.series.pitch}`, guides + polyline(s.frameT, s.yaw, x, ya, SERIES_COLORS.yaw) + polyline(s.frameT, s.pitch, x, ya, SERIES_COLORS.pitch)));
    y += LANE;
    const maxG = Math.max(0.05, ...s.lipGap.filter((v): v is number => v !== null));
    lanes.push(lane(y, w.series.lipGap, polyline(s.frameT, s.lipGap, x, (v) => h - 4 - (v / maxG) * (h - 18), SERIES_COLORS.lipGap)));
    y += LANE;
    shown.push('faces', 'yaw', 'pitch', 'lipGap');
  }
  if (s.audioT.length) {
    const ay = (v: number) => h - 4 - ((Math.max(-80, v) + 80) / 80) * (h - 18);
    lanes.push(lane(y, w.series.audio, polyline(s.audioT, s.audioDb, x, ay, SERIES_COLORS.audio)));
    y += LANE;
    shown.push('audio');
  }
  const height = Math.max(y, LANE);
  // Whole-file findings are listed, not shaded: a shade over everything says nothing.
  const shades = groups
    .flatMap((g, gi) =>
      g.ranges
        .filter((rg) => rg.end - rg.start < d * 0.98)
        .map(
          (rg) =>
            `<a href="#g${gi}"><rect x="${x(rg.start).toFixed(1)}" y="0" width="${Math.max(2, x(rg.end) - x(rg.start)).toFixed(1)}" height="${height}" fill="${COLORS[rg.severity]}" opacity="0.25"><title>${esc(`${ruleTitle(g.rule, lang)} ${clockTenths(rg.start)}–${clockTenths(rg.end)}`)}</title></rect></a>`,
        ),
    )
    .join('');
  const ticks = Array.from({ length: 11 }, (_, i) => (d * i) / 10)
    .map((t) => `<text x="${Math.min(W - 30, x(t)).toFixed(1)}" y="${height + 13}" class="tick">${d < 60 ? `${t.toFixed(1)} s` : clockTenths(t)}</text>`)
    .join('');
  const svg = `<svg viewBox="0 0 ${W} ${height + 18}" width="100%" role="img" aria-label="${esc(w.timeline)}">${lanes.join('')}${shades}${ticks}</svg>`;
  const swatch = (color: string, label: string, line = false) =>
    `<span class="key"><i style="background:${color}${line ? ';height:3px;vertical-align:middle' : ';opacity:.45'}"></i>${esc(label)}</span>`;
  const legend = `<div class="legend" data-testid="legend">${esc(w.legendSeverity)}: ${(['error', 'warn', 'info'] as const).map((sv) => swatch(COLORS[sv], w.severity[sv])).join('')}${
    shown.length ? ` · ${shown.map((k) => swatch(SERIES_COLORS[k], w.series[k], true)).join('')}` : ''
  }</div>`;
  return legend + svg;
}

function aboutList(r: CheckReport, lang: Lang, w: Words): string {
  const a: ReportAbout | undefined = r.about;
  const name = r.file.split(/[\\/]/).pop() ?? r.file;
  const v = r.probe.video;
  const date = a ? new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(a.createdAt)) : w.notRecorded;
  const markers = a?.markers.length
    ? a.markers
        .map((m) => `${esc(w.markerKind[m.kind] ?? m.kind)}${m.phase ? ` (${esc(m.phase)})` : ''} ${clockTenths(m.t)}${m.note ? ` “${esc(m.note)}”` : ''}`)
        .join(' · ')
    : esc(w.noMarkers);
  const tools = a
    ? [
        `${esc(a.tool.name)} ${esc(a.tool.version)}`,
        `ffmpeg ${esc(a.ffmpeg ?? '?')}`,
        a.faceModel
          ? `${esc(w.faceModel)} sha256 <code>${esc(a.faceModel.sha256.slice(0, 16))}…</code> (${(a.faceModel.bytes / 1e6).toFixed(2)} MB, ${esc(a.faceModel.source)})`
          : esc(w.facesOff),
        ...(a.hands ? [a.hands.on ? `${esc(w.handsOn)} ${esc(a.hands.models)}` : `<span title="${esc(a.hands.error ?? '')}">${esc(w.handsOff)}</span>`] : []),
      ].join(' · ')
    : w.notRecorded;
  const row = (k: string, val: string, id: string) => `<dt>${esc(k)}</dt><dd data-about="${id}">${val}</dd>`;
  return `<dl class="about">${[
    row(w.shoot, a?.shoot ? esc(a.shoot.name) : w.notRecorded, 'shoot'),
    row(w.talent, a?.shoot ? esc(a.shoot.talent) : w.notRecorded, 'talent'),
    row(w.take, a?.take ? esc(a.take.name) : w.notRecorded, 'take'),
    row(w.preset, esc(r.preset), 'preset'),
    row(w.date, esc(date), 'date'),
    row(w.file, `<span class="path">${esc(name)}</span>`, 'file'),
    row(
      w.media,
      `${clockTenths(r.stats.durationSec)} (${r.stats.durationSec.toFixed(2)} s)${v ? ` · ${v.displayWidth}×${v.displayHeight} ${esc(v.codec)} ${v.avgFrameRate.fps.toFixed(2)} fps` : ''}`,
      'media',
    ),
    row(w.frames, `${r.stats.framesAnalyzed} / ${r.stats.framesTotal} (${r.stats.analysisWidth}×${r.stats.analysisHeight})${r.stats.facesAnalyzed ? '' : ` · ${esc(w.facesOff)}`}`, 'frames'),
    row(w.markers, markers, 'markers'),
    row(w.checkedWith, tools, 'tools'),
  ].join('')}</dl>`;
}

/**
 * One sentence per kind of finding in the group ("Black frames …", "Frozen picture …"): a kind
 * found once quotes its own times; found several times, the rule's summary with the count (the
 * group's ranges list the times), never the first finding's times standing for all.
 */
function groupMessages(findings: ReportFinding[], lang: Lang, w: Words): string {
  const byKind = new Map<string, ReportFinding[]>();
  for (const f of findings) {
    const k = typeof f.values?.kind === 'string' ? f.values.kind : '';
    byKind.set(k, [...(byKind.get(k) ?? []), f]);
  }
  return [...byKind.values()]
    .map((list) => {
      const text = renderGroupMessage(list, lang);
      // A message without times and without a summary is the same sentence each time: say how often.
      const times = list.length > 1 && text === renderFinding(list[0]!, lang) ? ` <span class="muted">(${esc(countWords(lang, list.length, w.times))})</span>` : '';
      return `<p class="msg">${esc(text)}${times}</p>`;
    })
    .join('');
}

function groupItem(g: FindingGroup, i: number, lang: Lang, w: Words): string {
  const ranges = g.wholeFile
    ? `<span class="range whole">${esc(w.wholeFile)}</span>`
    : g.ranges
        .slice(0, MAX_RANGES)
        .map((rg) => `<span class="range ${rg.severity}">${clockTenths(rg.start)}–${clockTenths(rg.end)} <small>(${esc(w.frameWord)} ${rg.startFrame}–${rg.endFrame}${rg.count > 1 ? ` · ×${rg.count}` : ''})</small></span>`)
        .join('') + (g.ranges.length > MAX_RANGES ? `<span class="range more">${esc(countWords(lang, g.ranges.length - MAX_RANGES, w.more))}</span>` : '');
  const strip = g.thumbnails.length
    ? `<div class="strip">${g.thumbnails
        .slice(0, MAX_THUMBS)
        .map((th) => `<figure><img src="${th.src}" alt="" height="72"><figcaption>${clockTenths(th.t)}</figcaption></figure>`)
        .join('')}</div>`
    : '';
  // "5 times · 4 ranges"; a single finding needs no count.
  const counts = [g.count > 1 ? countWords(lang, g.count, w.times) : '', !g.wholeFile && g.ranges.length > 1 ? countWords(lang, g.ranges.length, w.ranges) : '']
    .filter(Boolean)
    .join(' · ');
  return `<li id="g${i}" class="group ${g.severity}" data-testid="finding-group" data-rule="${esc(g.rule)}" data-count="${g.count}" data-ranges="${g.ranges.length}">
<div class="ghead"><span class="sev ${g.severity}">${esc(w.severity[g.severity])}</span> <strong>${esc(ruleTitle(g.rule, lang))}</strong> ${counts ? `<span class="count">${esc(counts)}</span>` : ''} <span class="sec">${esc(g.section)}</span> <code>${esc(g.rule)}</code></div>
${groupMessages(g.findings, lang, w)}
<div class="ranges">${ranges}</div>
${strip}
</li>`;
}

/**
 * The mouth strip (mouth-strip.ts): the mosaic with each row's time on the left, tiles inside a
 * lips.* finding framed in its severity's colour, tiles without a face marked. Positions are shares
 * of the mosaic so the frames stay on their tiles at any width and in print.
 */
function mouthSection(r: CheckReport, w: Words): string {
  const m = r.mouthStrip;
  if (!m || !m.tiles.length) return '';
  const rows = Math.ceil(m.tiles.length / m.columns);
  const pct = (v: number) => `${(v * 100).toFixed(3)}%`;
  const hits = tileMarks(m, r.findings);
  const marks = m.tiles
    .map((tile, i) => {
      const left = pct((i % m.columns) / m.columns);
      const top = pct(Math.floor(i / m.columns) / rows);
      const box = `left:${left};top:${top};width:${pct(1 / m.columns)};height:${pct(1 / rows)}`;
      const hit = hits[i];
      if (hit) return `<span class="mk ${hit.severity}" style="${box}" title="${esc(`${clockTenths(tile.t)} ${hit.rule}`)}" data-tile="${i}" data-rule="${esc(hit.rule)}"></span>`;
      if (!tile.face) return `<span class="mk noface" style="${box}" data-tile="${i}">${esc(w.mouths.noFace)}</span>`;
      return '';
    })
    .join('');
  const labels = Array.from({ length: rows }, (_, row) => `<span class="rowt" style="top:${pct(row / rows)};height:${pct(1 / rows)}">${clockTenths(m.tiles[row * m.columns]!.t)}</span>`).join('');
  const widthPx = m.columns * m.tileWidth;
  return `<section class="mouths-box" data-testid="mouth-strip" data-tiles="${m.tiles.length}"><h2>${esc(w.mouths.heading)}</h2>
<p class="muted">${esc(w.mouths.hint.replace('{{step}}', String(m.stepSec)))}</p>
<div class="mouths" style="max-width:${widthPx}px">${labels}<img src="${esc(m.image)}" alt="" width="${widthPx}">${marks}</div></section>`;
}

const CSS = `
*{-webkit-print-color-adjust:exact;print-color-adjust:exact;box-sizing:border-box}
body{font-family:system-ui,'Noto Sans CJK SC','Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif;margin:20px auto;max-width:1000px;color:#1d2129;padding:0 16px;font-size:14px;line-height:1.4}
h1{font-size:21px;margin:0 0 6px}h2{font-size:16px;margin:18px 0 6px;border-bottom:1px solid #dde1e6;padding-bottom:3px}
.head{display:flex;gap:14px;align-items:center;flex-wrap:wrap}
.verdict{font-size:24px;font-weight:800;padding:6px 14px;border-radius:8px}
.verdict.pass{background:#e3f6e8;color:#1b7a3a}.verdict.warn{background:#fff4d6;color:#8a5a00}.verdict.fail{background:#fde2e2;color:#a61b1b}
.counts{font-weight:600}.hint{margin:6px 0 0;color:#444}
dl.about{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:10px 0}dt{color:#667}dd{margin:0;overflow-wrap:anywhere}
.lab{font-size:11px;fill:#555}.tick{font-size:10px;fill:#777}
.legend{font-size:12px;color:#444;margin:2px 0 4px}.key{margin-left:10px;white-space:nowrap}.key i{display:inline-block;width:14px;height:10px;margin-right:4px;border-radius:2px}
ol.groups{list-style:none;padding:0;margin:0}
.group{border-left:5px solid #999;padding:6px 10px;margin:6px 0;background:#fafbfc;break-inside:avoid}
.group.error{border-color:${COLORS.error}}.group.warn{border-color:${COLORS.warn}}.group.info{border-color:${COLORS.info}}
.sev{font-size:11px;text-transform:uppercase;font-weight:700;padding:1px 5px;border-radius:3px;color:#fff}
.sev.error{background:${COLORS.error}}.sev.warn{background:${COLORS.warn}}.sev.info{background:${COLORS.info}}
.count{font-weight:600}.sec,.muted{color:#667;font-size:12px}code{font-size:11px;color:#667}
.msg{margin:4px 0}
.ranges{display:flex;flex-wrap:wrap;gap:4px;margin:4px 0}
.range{font-size:12px;background:#eef0f3;border-radius:3px;padding:1px 6px;white-space:nowrap}.range small{color:#667}
.range.error{background:#fde2e2}.range.warn{background:#fff1cc}
.strip{display:flex;gap:6px;flex-wrap:wrap;margin-top:4px}
.strip figure{margin:0;text-align:center}.strip img{height:72px;width:auto;border-radius:3px;display:block}
.strip figcaption{font-size:10px;color:#667}
.mouths-box{break-inside:avoid}.mouths{position:relative;margin-left:44px}.mouths img{display:block;width:100%;height:auto;border-radius:3px}
.mk{position:absolute;box-sizing:border-box;border:2px solid}.mk.error{border-color:${COLORS.error}}.mk.warn{border-color:${COLORS.warn}}
.mk.noface{border:none;color:#ddd;font-size:9px;display:flex;align-items:center;justify-content:center}
.rowt{position:absolute;left:-44px;width:40px;font-size:10px;color:#667;text-align:right;display:flex;align-items:center;justify-content:flex-end}
.signoff{display:grid;grid-template-columns:1fr 1fr;gap:18px;margin-top:10px}.signoff div{border-bottom:1px solid #99a;min-height:34px;font-size:12px;color:#667}
.signoff .wide{grid-column:1 / span 2;min-height:46px}.signoff-box{break-inside:avoid}
.count{color:#445;font-size:12px;margin-left:4px}
@page{size:A4;margin:12mm}
@media print{
  body{margin:0;max-width:none;padding:0;font-size:11px}
  h1{font-size:17px}h2{font-size:13px;margin-top:10px;break-after:avoid}
  .verdict{font-size:18px}
  a{color:inherit;text-decoration:none}
  .strip img{height:56px}
  .timeline{break-inside:avoid}
}`;

export function reportHtml(r: CheckReport, lang: Lang = 'en'): string {
  const w = WORDS[lang];
  const name = r.file.split(/[\\/]/).pop() ?? r.file;
  const counts = severityCounts(r.findings);
  const countLine = (['error', 'warn', 'info'] as const).map((s) => countWords(lang, counts[s], w.counts[s])).join(' · ');
  const groups = groupFindings(r.findings, r.stats.durationSec);
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${esc(w.title)} — ${esc(name)}</title>
<style>${CSS}</style></head><body>
<h1>${esc(w.title)}: ${esc(name)}</h1>
<div class="head"><div class="verdict ${r.verdict}" data-verdict="${r.verdict}">${esc(w.verdict[r.verdict])}</div><div class="counts" data-testid="counts">${esc(countLine)}</div></div>
<p class="hint">${esc(w.verdictHint[r.verdict])}</p>
${aboutList(r, lang, w)}
<h2>${esc(w.timeline)}</h2>
<div class="timeline">${timeline(r, groups, lang, w)}</div>
<h2>${esc(w.findings)}${groups.length ? ` <span class="muted">(${esc(countWords(lang, groups.length, w.rules))})</span>` : ''}</h2>
${groups.length ? `<ol class="groups">${groups.map((g, i) => groupItem(g, i, lang, w)).join('\n')}</ol>` : `<p>${esc(w.noFindings)}</p>`}
${mouthSection(r, w)}
<section class="signoff-box"><h2>${esc(w.signOff.heading)}</h2>
<div class="signoff"><div>${esc(w.signOff.by)}</div><div>${esc(w.signOff.date)}</div><div class="wide">${esc(w.signOff.note)}</div></div></section>
</body></html>
`;
}

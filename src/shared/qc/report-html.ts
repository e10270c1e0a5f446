/**
 * The acceptance report as one self-contained HTML page: no scripts, no network, inline SVG plots
 * and data: thumbnails, so it can be mailed or opened anywhere. Findings are shaded on the
 * timeline; each links to its detail with the worst frame.
 */
import type { CheckReport, ReportFinding } from './report';
import { ruleTitle } from './rule-titles';
import { clock } from './spans';

type Lang = 'en' | 'zh-CN';

const WORDS = {
  en: {
    title: 'Acceptance report',
    verdict: { pass: 'PASS', warn: 'PASS WITH WARNINGS', fail: 'FAIL' },
    verdictHint: {
      pass: 'Nothing found that would fail training.',
      warn: 'Training should work; the warnings cost quality. Fix them if you can.',
      fail: 'This file would likely fail training (4–8 hours lost). Fix the errors first.',
    },
    file: 'File',
    preset: 'Preset',
    duration: 'Duration',
    frames: 'Frames analysed',
    findings: 'Findings',
    none: 'No findings.',
    timeline: 'Timeline',
    faces: 'faces',
    yawPitch: 'yaw / pitch (°)',
    lipGap: 'lip gap',
    audio: 'audio level (dBFS)',
    facesOff: 'Faces were not analysed in this run.',
    severity: { error: 'error', warn: 'warning', info: 'info' },
    at: 'at',
    framesRange: 'frames',
  },
  'zh-CN': {
    title: '验收报告',
    verdict: { pass: '通过', warn: '通过（有警告）', fail: '不通过' },
    verdictHint: {
      pass: '未发现会导致训练失败的问题。',
      warn: '训练应能完成；警告项会影响质量，建议修正。',
      fail: '此文件很可能导致训练失败（浪费 4–8 小时）。请先修正错误项。',
    },
    file: '文件',
    preset: '预设',
    duration: '时长',
    frames: '已分析帧数',
    findings: '问题',
    none: '没有发现问题。',
    timeline: '时间线',
    faces: '人脸数',
    yawPitch: '偏航 / 俯仰（°）',
    lipGap: '唇间距',
    audio: '音量（dBFS）',
    facesOff: '本次未分析人脸。',
    severity: { error: '错误', warn: '警告', info: '提示' },
    at: '位于',
    framesRange: '帧',
  },
} as const;

const COLORS = { error: '#d93a3a', warn: '#e0a020', info: '#4a8fe0' } as const;

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const W = 960;
const LANE = 70;

function lane(y: number, label: string, body: string): string {
  return `<g transform="translate(0,${y})"><rect x="0" y="0" width="${W}" height="${LANE - 8}" fill="#f6f7f9"/>${body}<text x="6" y="14" class="lab">${esc(label)}</text></g>`;
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

function timeline(r: CheckReport, w: (typeof WORDS)[Lang]): string {
  const d = Math.max(r.stats.durationSec, 0.1);
  const x = (t: number) => (Math.min(Math.max(t, 0), d) / d) * W;
  const h = LANE - 8;
  const s = r.series;
  const lanes: string[] = [];
  let y = 0;
  if (r.stats.facesAnalyzed) {
    const maxF = Math.max(2, ...s.faces);
    lanes.push(lane(y, w.faces, polyline(s.frameT, s.faces, x, (v) => h - 4 - (v / maxF) * (h - 20), '#333')));
    y += LANE;
    const ya = (v: number) => h / 2 - (Math.max(-60, Math.min(60, v)) / 60) * (h / 2 - 4);
    const guides = [30, -30].map((g) => `<line x1="0" x2="${W}" y1="${ya(g)}" y2="${ya(g)}" stroke="#bbb" stroke-dasharray="3 3"/>`).join('');
    lanes.push(lane(y, w.yawPitch, guides + polyline(s.frameT, s.yaw, x, ya, '#c0392b') + polyline(s.frameT, s.pitch, x, ya, '#2471a3')));
    y += LANE;
    const maxG = Math.max(0.05, ...s.lipGap.filter((v): v is number => v !== null));
    lanes.push(lane(y, w.lipGap, polyline(s.frameT, s.lipGap, x, (v) => h - 4 - (v / maxG) * (h - 20), '#7d3c98')));
    y += LANE;
  }
  if (s.audioT.length) {
    const ay = (v: number) => h - 4 - ((Math.max(-80, v) + 80) / 80) * (h - 20);
    lanes.push(lane(y, w.audio, polyline(s.audioT, s.audioDb, x, ay, '#1e8449')));
    y += LANE;
  }
  const height = Math.max(y, LANE);
  const shades = r.findings
    .filter((f) => f.end - f.start < d * 0.98)
    .map((f, i) => `<a href="#f${i}"><rect x="${x(f.start)}" y="0" width="${Math.max(2, x(f.end) - x(f.start))}" height="${height}" fill="${COLORS[f.severity]}" opacity="0.22"><title>${esc(`${f.rule} ${clock(f.start)}–${clock(f.end)}`)}</title></rect></a>`)
    .join('');
  const ticks = Array.from({ length: 11 }, (_, i) => (d * i) / 10)
    .map((t) => `<text x="${Math.min(W - 24, x(t))}" y="${height + 14}" class="tick">${d < 60 ? `${t.toFixed(1)} s` : clock(t)}</text>`)
    .join('');
  return `<svg viewBox="0 0 ${W} ${height + 20}" width="100%" role="img">${lanes.join('')}${shades}${ticks}</svg>`;
}

function findingRow(f: ReportFinding, i: number, lang: Lang, w: (typeof WORDS)[Lang]): string {
  return `<li id="f${i}" class="finding ${f.severity}">
  <div class="fhead"><span class="sev">${w.severity[f.severity]}</span> <strong>${esc(ruleTitle(f.rule, lang))}</strong> <code>${esc(f.rule)}</code> <span class="sec">${esc(f.section)}</span></div>
  <div class="when">${w.at} ${clock(f.start)}–${clock(f.end)} (${f.start.toFixed(2)}–${f.end.toFixed(2)} s, ${w.framesRange} ${f.startFrame}–${f.endFrame})</div>
  <p>${esc(f.message)}</p>
  ${f.thumbnail ? `<img src="${f.thumbnail}" alt="" width="240">` : ''}
</li>`;
}

export function reportHtml(r: CheckReport, lang: Lang = 'en'): string {
  const w = WORDS[lang];
  const name = r.file.split(/[\\/]/).pop() ?? r.file;
  const counts = (['error', 'warn', 'info'] as const).map((s) => `${r.findings.filter((f) => f.severity === s).length} ${w.severity[s]}`).join(' · ');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${esc(w.title)} — ${esc(name)}</title>
<style>
body{font-family:system-ui,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;margin:24px auto;max-width:1000px;color:#1d2129;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}.verdict{font-size:28px;font-weight:800;padding:10px 16px;border-radius:8px;display:inline-block;margin:10px 0}
.verdict.pass{background:#e3f6e8;color:#1b7a3a}.verdict.warn{background:#fff4d6;color:#8a5a00}.verdict.fail{background:#fde2e2;color:#a61b1b}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;font-size:14px}dt{color:#667}dd{margin:0}
.lab{font-size:11px;fill:#555}.tick{font-size:10px;fill:#777}
ol{list-style:none;padding:0}.finding{border-left:5px solid #999;padding:8px 12px;margin:8px 0;background:#fafbfc}
.finding.error{border-color:${COLORS.error}}.finding.warn{border-color:${COLORS.warn}}.finding.info{border-color:${COLORS.info}}
.sev{font-size:12px;text-transform:uppercase;font-weight:700}.sec,.when{color:#667;font-size:13px}code{font-size:12px;color:#555}
.finding p{margin:6px 0}.finding img{border-radius:4px;display:block}
</style></head><body>
<h1>${esc(w.title)}: ${esc(name)}</h1>
<div class="verdict ${r.verdict}" data-verdict="${r.verdict}">${esc(w.verdict[r.verdict])}</div>
<p>${esc(w.verdictHint[r.verdict])} ${esc(counts)}</p>
<dl><dt>${w.file}</dt><dd>${esc(r.file)}</dd><dt>${w.preset}</dt><dd>${esc(r.preset)}</dd>
<dt>${w.duration}</dt><dd>${clock(r.stats.durationSec)} (${r.stats.durationSec.toFixed(2)} s) · ${r.probe.video ? `${r.probe.video.displayWidth}×${r.probe.video.displayHeight} ${r.probe.video.codec} ${r.probe.video.avgFrameRate.fps.toFixed(2)} fps` : ''}</dd>
<dt>${w.frames}</dt><dd>${r.stats.framesAnalyzed} / ${r.stats.framesTotal} (${r.stats.analysisWidth}×${r.stats.analysisHeight})</dd></dl>
<h2>${w.timeline}</h2>
${r.stats.facesAnalyzed ? '' : `<p>${esc(w.facesOff)}</p>`}
${timeline(r, w)}
<h2>${w.findings}</h2>
${r.findings.length ? `<ol>${r.findings.map((f, i) => findingRow(f, i, lang, w)).join('\n')}</ol>` : `<p>${w.none}</p>`}
</body></html>
`;
}

import path from 'node:path';
import { StudioError } from '../../shared/errors';
import { CheckReportSchema } from '../../shared/qc/report';
import { reportHtml } from '../../shared/qc/report-html';
import { PRESET_IDS, type PresetId } from '../../shared/standards';
import { checkFile } from '../../main/services/checker/check-file';
import { preflightCheck } from '../../main/services/checker/preflight';
import { claimOutput, writeOutputFile } from '../../main/services/output-policy';
import { openFaceAnalyzer } from '../../main/services/checker/chromium-face-analyzer';
import { localFaceModelInfo } from '../../main/services/checker/report-about';
import { resolveStudioHome } from '../../main/services/studio-home';
import type { Finding } from '../../shared/findings';
import { LANGS, renderFinding, type Lang } from '../../shared/rules';
import { faceModelMissing } from '../../main/services/checker/face-model-check';
import { EXIT, type CliCommand } from '../command';

/** The CLI's preset names (short, as in the issue) and the studio's preset ids. */
const CLI_PRESETS: Record<string, PresetId> = {
  quick: 'quick',
  standard: 'standard-short',
  'standard-live': 'standard-live',
  premium: 'premium',
  motion: 'motion-lip',
  'motion-actions': 'motion-actions',
  'multi-primary': 'multi-primary',
  'multi-aux': 'multi-aux',
};

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'check a video against the acceptance criteria (§1.2.5, §7) on every frame; exit 1 when it would fail',
  usage: `FILE [--preset ${Object.keys(CLI_PRESETS).join('|')}] [--json OUT.json] [--html OUT.html] [--lang en|zh-CN] [--no-faces]`,
  options: {
    preset: { type: 'string' },
    json: { type: 'string' },
    html: { type: 'string' },
    lang: { type: 'string' },
    'no-faces': { type: 'boolean' },
  },
  positionals: { min: 1, max: 1 },
  async run({ positionals, values }, io) {
    const file = path.resolve(positionals[0] ?? '');
    const presetName = typeof values.preset === 'string' ? values.preset : 'standard';
    const preset = CLI_PRESETS[presetName] ?? (PRESET_IDS.includes(presetName as PresetId) ? (presetName as PresetId) : null);
    if (!preset) throw new StudioError('bad-argument', `--preset ${presetName}: not a preset (${Object.keys(CLI_PRESETS).join(', ')})`);
    const langArg = typeof values.lang === 'string' ? values.lang : 'en';
    if (!(LANGS as readonly string[]).includes(langArg)) throw new StudioError('bad-argument', `--lang ${langArg}: the report speaks ${LANGS.join(' or ')}`);
    const lang = langArg as Lang;

    // The output policy (output-policy.ts) before any work: never over the input or an existing file.
    const jsonOut = typeof values.json === 'string' ? await claimOutput(values.json, [file], { extensions: ['.json'], what: 'the JSON report' }) : null;
    const htmlOut = typeof values.html === 'string' ? await claimOutput(values.html, [file], { extensions: ['.html', '.htm'], what: 'the HTML report' }) : null;
    if (jsonOut && htmlOut && jsonOut === htmlOut) throw new StudioError('bad-argument', `${jsonOut}: --json and --html name the same file`);
    // File problems (missing, unreadable, no video, truncated) are said before any face analysis starts.
    const pre = await preflightCheck(file);
    if (pre.truncated) io.stderr(`${pre.truncated.severity} ${pre.truncated.rule}: ${pre.truncated.message}\n`);

    let faces = null;
    let facesUnavailable: string | undefined = values['no-faces'] ? NO_FACES_REASON.asked[lang] : undefined;
    if (!values['no-faces']) {
      const missing = await faceModelMissing(io.env);
      if (missing) {
        facesUnavailable = NO_FACES_REASON.noModel[lang];
        io.stderr(`Faces and lips will not be checked. ${missing}\n`);
      } else {
        try {
          faces = await openFaceAnalyzer({ env: io.env });
        } catch (err) {
          facesUnavailable = (err as Error).message;
          io.stderr(`Faces and lips will not be checked: ${(err as Error).message}\n`);
        }
      }
    }
    let lastPct = -1;
    try {
      const faceModel = faces ? await localFaceModelInfo(io.env, resolveStudioHome(io.env).root) : null;
      const { report } = await checkFile(file, {
        preset,
        faces,
        about: { faceModel, lang },
        facesUnavailable,
        onProgress: (p) => {
          const pct = Math.floor(p.fraction * 100);
          if (pct !== lastPct && pct % 5 === 0) {
            lastPct = pct;
            io.stderr(`${p.stage} ${pct}%${p.etaSeconds !== null ? ` (about ${Math.ceil(p.etaSeconds)} s left)` : ''}\n`);
          }
        },
      });
      const json = {
        verdict: report.verdict,
        file: report.file,
        preset: presetName,
        probe: report.probe,
        findings: report.findings,
        stats: report.stats,
        series: report.series,
        about: report.about,
      };
      CheckReportSchema.parse({ ...json, preset: report.preset });
      if (jsonOut) await writeOutputFile(jsonOut, JSON.stringify(json, null, 2) + '\n', [file], { extensions: ['.json'], what: 'the JSON report' });
      if (htmlOut) await writeOutputFile(htmlOut, reportHtml(report, lang), [file], { extensions: ['.html', '.htm'], what: 'the HTML report' });
      io.stdout(summary(report.verdict, report.findings, lang));
      return report.verdict === 'fail' ? EXIT.fails : EXIT.ok;
    } finally {
      await faces?.close();
    }
  },
};

/** Why faces were not analysed, for faces.not-analysed's {{reason}}, in the report's language. */
const NO_FACES_REASON: Record<'asked' | 'noModel', Record<Lang, string>> = {
  asked: { en: 'asked for with --no-faces', 'zh-CN': '命令行指定了 --no-faces' },
  noModel: { en: 'the face model is not installed', 'zh-CN': '未安装人脸模型' },
};

/** One line per finding, worded in the report's language (the rule id stays for scripts). */
function summary(verdict: string, findings: readonly Finding[], lang: Lang): string {
  const lines = [`verdict: ${verdict}`];
  for (const f of findings) lines.push(`  ${f.severity.padEnd(5)} ${f.rule.padEnd(22)} ${f.start.toFixed(2)}–${f.end.toFixed(2)} s  ${renderFinding(f, lang)}`);
  return lines.join('\n') + '\n';
}

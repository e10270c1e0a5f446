import { promises as fs } from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../shared/errors';
import { reportHtml } from '../../shared/qc/report-html';
import type { PresetId } from '../../shared/standards';
import { TaskParamsSchema, type ModelType, type TaskParams } from '../../shared/task/schema';
import { checkFile } from '../../main/services/checker/check-file';
import { openFaceAnalyzer } from '../../main/services/checker/chromium-face-analyzer';
import { exportPackage, ExportRefused } from '../../main/services/export/package';
import { locateFfmpeg } from '../../main/services/ffmpeg';
import { EXIT, type CliCommand } from '../command';
import { cacheDirFor, failureExit, withCancel } from '../convert-run';

/** Which check preset the task's model type is held to (§1.2.5, §2.2, §3.3). */
function presetFor(modelType: ModelType, hasActions: boolean): PresetId {
  if (modelType === 'quick') return 'quick';
  if (modelType === 'premium') return 'premium';
  if (modelType === 'motion') return hasActions ? 'motion-actions' : 'motion-lip';
  return 'standard-short';
}

const INPUT_RULES = new Set(['task.time-invalid', 'task.field-invalid']);

async function readParams(file: string): Promise<TaskParams> {
  const abs = path.resolve(file);
  let text: string;
  try {
    const st = await fs.stat(abs);
    if (!st.isFile()) throw new StudioError('bad-argument', `--task ${abs}: not a file`);
    if (st.size > 1_000_000) throw new StudioError('bad-argument', `--task ${abs}: ${st.size} bytes is far too large for task parameters`);
    text = await fs.readFile(abs, 'utf8');
  } catch (err) {
    if (err instanceof StudioError) throw err;
    throw new StudioError('not-found', `--task ${abs}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new StudioError('bad-argument', `--task ${abs}: not valid JSON (${(err as Error).message})`);
  }
  const r = TaskParamsSchema.safeParse(json);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '(parameters)'}: ${i.message}`).join('; ');
    throw new StudioError('bad-argument', `--task ${abs}: ${issues}`, { hint: 'The keys are those of task.json (characterName, modelType, videoStart …); times as seconds (10.4) or "SS:FF" (10:10).' });
  }
  return r.data;
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'the platform package (§5.3): delivery MP4, task.json, greenParams.json, report, README; prints its folder',
  usage: 'INPUT --task PARAMS.json --out DIR [--aux FILE …] [--check] [--no-faces] [--force-failed]',
  options: {
    task: { type: 'string' },
    out: { type: 'string', short: 'o' },
    aux: { type: 'string', multiple: true },
    check: { type: 'boolean' },
    'no-faces': { type: 'boolean' },
    'force-failed': { type: 'boolean' },
  },
  positionals: { min: 1, max: 1 },
  async run({ positionals, values }, io) {
    if (typeof values.task !== 'string' || !values.task.trim()) {
      io.stderr('capture-studio: export: --task PARAMS.json is required\n');
      return EXIT.badInput;
    }
    if (typeof values.out !== 'string' || !values.out.trim()) {
      io.stderr('capture-studio: export: --out DIR is required (the package folder is made inside it)\n');
      return EXIT.badInput;
    }
    const input = path.resolve(positionals[0] ?? '');
    const aux = (Array.isArray(values.aux) ? values.aux : []).filter((a): a is string => typeof a === 'string');
    try {
      const params = await readParams(values.task);
      const ff = await locateFfmpeg(io.env);
      let check: { report: Awaited<ReturnType<typeof checkFile>>['report']; html: string } | null = null;
      if (values.check) {
        const preset = presetFor(params.modelType, params.actions.length > 0);
        const faces = values['no-faces'] ? null : await openFaceAnalyzer({ env: io.env }).catch((err: unknown) => {
          io.stderr(`faces not analysed: ${(err as Error).message}\n`);
          return null;
        });
        try {
          const { report } = await withCancel(io, (signal) => checkFile(input, { preset, faces, signal }));
          check = { report, html: reportHtml(report, 'en') };
          io.stderr(`check (${preset}): ${report.verdict}\n`);
        } finally {
          await faces?.close();
        }
      }
      let last = -1;
      const result = await withCancel(io, (signal) =>
        exportPackage({
          ff,
          videos: [{ file: input, role: 'primary' }, ...aux.map((file) => ({ file, role: 'auxiliary' as const }))],
          params,
          outDir: values.out as string,
          check,
          confirmFailedCheck: values['force-failed'] === true,
          cacheDir: cacheDirFor(io.env),
          signal,
          onProgress: (p) => {
            const step = Math.floor(p.fraction * 10);
            if (step === last) return;
            last = step;
            io.stderr(`export ${p.stage}: ${Math.round(p.fraction * 100)}%${p.etaSeconds !== null ? ` · about ${Math.ceil(p.etaSeconds)} s left` : ''}\n`);
          },
        }),
      );
      for (const f of result.findings) io.stderr(`  ${f.severity.padEnd(5)} ${f.rule}: ${f.message}\n`);
      if (result.forcedFailedCheck) io.stderr('exported although the check failed (--force-failed); README.txt and export.json say so\n');
      io.stdout(`${result.folder}\n`);
      return EXIT.ok;
    } catch (err) {
      if (err instanceof ExportRefused) {
        io.stderr(`capture-studio: export: ${err.message}\n`);
        if (err.hint) io.stderr(`hint: ${err.hint}\n`);
        for (const f of err.findings) if (f.severity !== 'error') io.stderr(`  ${f.severity.padEnd(5)} ${f.rule}: ${f.message}\n`);
        const onlyInput = err.findings.some((f) => f.severity === 'error') && err.findings.filter((f) => f.severity === 'error').every((f) => INPUT_RULES.has(f.rule));
        return onlyInput ? EXIT.badInput : EXIT.fails;
      }
      return failureExit(err, io);
    }
  },
};

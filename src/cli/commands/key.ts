import { promises as fs } from 'node:fs';
import path from 'node:path';
import { locateFfmpeg } from '../../main/services/ffmpeg';
import { claimOutput, writeOutputFile } from '../../main/services/output-policy';
import { decodeFrame, writePicture } from '../../main/services/keying/frames';
import { StudioError } from '../../shared/errors';
import { defaultGreenParams, formatGreenParams, parseGreenParams, type GreenParams } from '../../shared/green-params';
import { analyseBackdrop } from '../../shared/keying/analysis';
import { keyFrame } from '../../shared/keying/cpu-keyer';
import { worstSeverity } from '../../shared/keying/findings';
import { EXIT, type CliCommand } from '../command';

/**
 * `key INPUT --out OUT.png`: key an image or one video frame with the CPU reference keyer and the
 * given greenParams (default §1.3.3), write the composite (and the matte), and report the backdrop
 * findings of §1.2.4. Exit 0 when there are none or only warnings, 1 on an error finding, 2 when the
 * input, the parameters or the arguments are bad.
 */
export const keyCommand: CliCommand = {
  name: 'key',
  summary: 'key an image or a video frame with greenParams (§1.3.3): composite, matte and backdrop findings (§1.2.4)',
  usage: 'INPUT --out OUT.png [--params P.json] [--matte MATTE.png] [--at SECONDS] [--json FINDINGS.json]',
  options: {
    out: { type: 'string' },
    params: { type: 'string' },
    matte: { type: 'string' },
    at: { type: 'string' },
    json: { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  async run({ positionals, values }, io) {
    const input = positionals[0] ?? '';
    const out = typeof values.out === 'string' ? values.out : '';
    if (!out) throw new StudioError('bad-argument', 'key: --out OUT.png is required (where to write the keyed picture)');
    const at = values.at === undefined ? 0 : Number(values.at);
    if (typeof values.at === 'string' && (!/^\d+(\.\d+)?$/.test(values.at.trim()) || !Number.isFinite(at))) {
      throw new StudioError('bad-argument', `key: --at must be a time in seconds, like 1.5, not ${JSON.stringify(values.at)}`);
    }
    const params = typeof values.params === 'string' ? await readParams(values.params) : defaultGreenParams();
    // The output policy (output-policy.ts): PNG by name, never an input, never an existing file.
    const inputs = [input, ...(typeof values.params === 'string' ? [values.params] : [])];
    const outFile = await claimOutput(out, inputs, { extensions: ['.png'], what: 'the keyed picture (PNG)' });
    const matteFile = typeof values.matte === 'string' ? await claimOutput(values.matte, inputs, { extensions: ['.png'], what: 'the matte (PNG)' }) : null;
    const jsonFile = typeof values.json === 'string' ? await claimOutput(values.json, inputs, { extensions: ['.json'], what: 'the findings (JSON)' }) : null;
    const named = [outFile, matteFile, jsonFile].filter((f): f is string => f !== null);
    if (new Set(named).size !== named.length) throw new StudioError('bad-argument', 'key: --out, --matte and --json must name different files');

    const ff = await locateFfmpeg(io.env);
    const frame = await decodeFrame(ff, input, at);
    const keyed = keyFrame(frame, params, { composite: true });
    const analysis = analyseBackdrop(frame, params, { time: frame.time });

    await writePicture(ff, outFile, { width: frame.width, height: frame.height, data: keyed.composite ?? new Uint8Array(), pixFmt: 'rgba' });
    if (matteFile) {
      await writePicture(ff, matteFile, { width: frame.width, height: frame.height, data: keyed.alpha, pixFmt: 'gray' });
    }
    const worst = worstSeverity(analysis.findings);
    if (jsonFile) {
      const report = {
        input: frame.probe.file,
        at: frame.time,
        still: frame.still,
        width: frame.width,
        height: frame.height,
        params,
        backdrop: analysis.backdrop,
        worst,
        findings: analysis.findings,
      };
      await writeOutputFile(jsonFile, JSON.stringify(report, null, 2) + '\n', inputs, { extensions: ['.json'], what: 'the findings (JSON)' });
    }

    const lines = [
      `${frame.probe.file}${frame.still ? '' : ` @ ${frame.time} s`}: ${frame.width}×${frame.height}, ` +
        (analysis.backdrop.detected
          ? `keyed screen, ${Math.round(analysis.backdrop.keyedShare * 100)}% keyed out`
          : 'no keyed backdrop found (not a green/blue screen under these parameters)'),
      `wrote ${path.resolve(out)}${typeof values.matte === 'string' ? `, ${path.resolve(values.matte)}` : ''}${typeof values.json === 'string' ? `, ${path.resolve(values.json)}` : ''}`,
      ...(analysis.findings.length
        ? analysis.findings.map((f) => `${f.severity.padEnd(5)} ${f.rule} ${f.section}: ${f.message}\n      → ${f.action}`)
        : ['no backdrop findings']),
    ];
    io.stdout(lines.join('\n') + '\n');
    return worst === 'error' ? EXIT.fails : EXIT.ok;
  },
};

async function readParams(file: string): Promise<GreenParams> {
  const abs = path.resolve(file);
  let text: string;
  try {
    text = await fs.readFile(abs, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new StudioError(code === 'ENOENT' ? 'not-found' : 'io', `${abs}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  const parsed = parseGreenParams(text);
  if (!parsed.ok) {
    throw new StudioError('bad-argument', `${abs}: not valid greenParams — ${parsed.issues.map((i) => i.message).join('; ')}`, {
      hint: `the file must hold the §1.3.3 JSON, for example:\n${formatGreenParams(defaultGreenParams())}`,
    });
  }
  return parsed.params;
}

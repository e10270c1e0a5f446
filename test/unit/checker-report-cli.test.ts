/**
 * `capture-studio check --lang`: the report and the printed findings in the asked language, the
 * tool versions named; careless and hostile `--lang` values refused with one sentence, nothing
 * written.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { CheckReportSchema } from '../../src/shared/qc/report';
import { tempDir } from './helpers/derive';
import { mediaFile } from './helpers/media';

const tmp = tempDir('capture-studio-report-cli-');
afterAll(tmp.cleanup);

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: process.env });
  return { code, stdout, stderr };
}

describe('capture-studio check --lang', () => {
  it.each(['fr', 'zh', 'EN', 'en-US', 'zh-CN;rm -rf /', '../../etc/passwd', 'x'.repeat(5000)])('refuses --lang %s before any work, writes nothing', async (lang) => {
    const html = path.join(tmp.dir, `refused-${lang.length}.html`);
    const r = await cli('check', mediaFile('talking-3.mp4'), '--no-faces', '--lang', lang, '--html', html);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--lang .*the report speaks en or zh-CN/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
    expect(existsSync(html)).toBe(false);
  });

  it(
    'writes the HTML in zh-CN, prints the findings in Chinese, and names ffmpeg as `ffmpeg -version` does',
    async () => {
      const html = path.join(tmp.dir, 'talking-3.zh.html');
      const json = path.join(tmp.dir, 'talking-3.json');
      const r = await cli('check', mediaFile('talking-3.mp4'), '--no-faces', '--preset', 'multi-aux', '--lang', 'zh-CN', '--html', html, '--json', json);
      expect([0, 1]).toContain(r.code);
      const page = readFileSync(html, 'utf8');
      expect(page).toContain('<html lang="zh-CN">');
      expect(page).toMatch(/\d+ 个错误 · \d+ 个警告 · \d+ 条提示/);
      // The printed lines keep the rule id for scripts and word the finding in Chinese.
      const lines = r.stdout.split('\n').filter((l) => /^\s+(error|warn|info)\s/.test(l));
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) expect(l).toMatch(/[\u4e00-\u9fff]/);
      // The reason faces were not checked is in Chinese too, not an English fragment in a Chinese sentence.
      const notAnalysed = lines.find((l) => l.includes('faces.not-analysed'));
      expect(notAnalysed).toContain('命令行指定了 --no-faces');
      expect(page).not.toContain('asked for with');
      const report = CheckReportSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
      // Independent: the version ffmpeg itself prints.
      const version = /^ffmpeg version (\S+)/.exec(execFileSync('ffmpeg', ['-version'], { encoding: 'utf8' }))?.[1];
      expect(report.about?.ffmpeg).toBe(version);
      expect(report.about?.faceModel).toBeNull();
      expect(report.about?.lang).toBe('zh-CN');
      expect(report.about?.tool.version).toBe(JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')).version);
      expect(page).toContain(`ffmpeg ${version}`);
    },
    300_000,
  );
});

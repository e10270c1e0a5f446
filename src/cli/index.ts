/** CLI entry: `npm run cli -- probe FILE`, or bin/capture-studio.mjs. */
import { runCli } from './main';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});

/**
 * A second app start on the same CAPTURE_STUDIO_HOME, in its own process (as the CLI or a second
 * window would be): creates a studio, runs the start-up recovery, prints how many takes it rebuilt.
 */
import { createStudio, recoverAtAppStart } from '../../../src/main/studio';

const studio = createStudio({ mode: 'serve', env: process.env });
const recovered = await recoverAtAppStart(studio);
process.stdout.write(JSON.stringify({ recovered: recovered.map((t) => `${t.shootId}/${t.id}`) }) + '\n');

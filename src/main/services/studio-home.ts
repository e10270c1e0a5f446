import os from 'node:os';
import path from 'node:path';

/**
 * Where the studio keeps its files. One root so that tests, CI and a second studio on the same
 * machine can each point CAPTURE_STUDIO_HOME somewhere else.
 */
export interface StudioHome {
  root: string;
  settingsFile: string;
  defaultShootsRoot: string;
}

export function resolveStudioHome(env: NodeJS.ProcessEnv = process.env): StudioHome {
  const root = env.CAPTURE_STUDIO_HOME ? path.resolve(env.CAPTURE_STUDIO_HOME) : path.join(os.homedir(), 'CaptureStudio');
  return {
    root,
    settingsFile: path.join(root, 'settings.json'),
    defaultShootsRoot: path.join(root, 'shoots'),
  };
}

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { e2eHome, e2eToken, repoRoot } from './env';

export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');

export async function openStudio(page: Page, lang: 'en' | 'zh-CN' = 'en'): Promise<void> {
  await page.addInitScript((l) => {
    if (!localStorage.getItem('capture-studio.language')) localStorage.setItem('capture-studio.language', l);
  }, lang);
  await page.goto(`/#token=${e2eToken}`);
}

export async function setLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.getByTestId('language').selectOption(lang);
}

export async function shot(page: Page, name: string): Promise<void> {
  await fs.mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

/** The take folder on disk, found the way an operator would: shoots/<shoot>/<take>. */
export async function takeDir(shootName: string, takeId: string): Promise<string> {
  const root = path.join(e2eHome, 'shoots');
  for (const dir of await fs.readdir(root)) {
    const shoot = JSON.parse(await fs.readFile(path.join(root, dir, 'shoot.json'), 'utf8')) as { name: string };
    if (shoot.name === shootName) return path.join(root, dir, takeId);
  }
  throw new Error(`no shoot named ${shootName} in ${root}`);
}

/**
 * Create a shoot through the UI, opening the form first when shoots already exist. The shoot list
 * arrives after the page: a form open because the list was still empty closes when it lands, so
 * the steps up to Create are retried until they hold.
 */
export async function createShoot(page: Page, name: string, model = ''): Promise<void> {
  const form = page.getByTestId('shoot-name');
  await page.getByTestId('shoot-panel').waitFor();
  await expect(async () => {
    const again = page.getByTestId('shoot-new');
    if (await again.isVisible()) await again.click();
    await form.fill(name, { timeout: 2_000 });
    await page.getByTestId('shoot-model').fill(model, { timeout: 2_000 });
    await page.getByTestId('shoot-create').click({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByTestId('shoot-select').filter({ hasText: name }).waitFor();
}

/**
 * Press Record as an operator does. With checklist items unticked the studio asks once (issue #13);
 * this answers "record anyway" so specs about other things keep their flow.
 */
export async function pressRecord(page: Page): Promise<void> {
  await page.getByTestId('record').click();
  const anyway = page.getByTestId('record-anyway');
  const timer = page.getByTestId('rec-timer');
  await anyway.or(timer).first().waitFor({ timeout: 30_000 });
  if (await anyway.isVisible()) await anyway.click();
}

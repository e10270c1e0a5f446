import { expect, test } from '@playwright/test';
import { e2eToken } from './env';
import { openStudio, setLanguage, shot } from './helpers';

test('a /prompter without the token says what to do, opens no socket, and connects once the address is given', async ({ page }) => {
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await page.goto('/prompter');
  const needed = page.getByTestId('prompter-token-needed');
  await expect(needed).toContainText('#token=');
  await page.waitForTimeout(3_000);
  expect(sockets).toEqual([]);
  await shot(page, 'loop-prompter-token-needed-en');
  await page.evaluate(() => localStorage.setItem('capture-studio.language', 'zh-CN'));
  await page.reload();
  await expect(needed).toContainText('令牌');
  await shot(page, 'loop-prompter-token-needed-zh-CN');
  await page.evaluate(() => localStorage.setItem('capture-studio.language', 'en'));
  await page.reload();

  // Careless input first: the page says so and stays.
  await page.getByTestId('prompter-token').fill('hello');
  await page.getByTestId('prompter-token-connect').click();
  await expect(needed.locator('.problem')).toBeVisible();
  expect(sockets).toEqual([]);

  await page.getByTestId('prompter-token').fill(`http://127.0.0.1:1234/#token=${e2eToken}`);
  await page.getByTestId('prompter-token-connect').click();
  await expect(page.getByTestId('prompter')).toBeVisible();
  expect(sockets.every((u) => u.includes(`token=${e2eToken}`))).toBe(true);
});

test('the prompter window follows a language switch in the studio at once', async ({ page, context }) => {
  await openStudio(page, 'en');
  const prompter = await context.newPage();
  await prompter.goto(`/prompter#token=${e2eToken}`);
  await expect(prompter.getByTestId('prompter')).toBeVisible();
  await expect(prompter).toHaveTitle('Prompter — Capture Studio');
  await setLanguage(page, 'zh-CN');
  await expect(prompter).not.toHaveTitle('Prompter — Capture Studio');
  await expect(prompter).toHaveTitle(/提词/);
  await setLanguage(page, 'en');
  await expect(prompter).toHaveTitle('Prompter — Capture Studio');
});

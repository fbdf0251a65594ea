// The installed, offline app: a manifest, a generated service worker, offline use from the
// root and from a sub-path, and updates that wait for the person.
import { test, expect } from '@playwright/test';
import { Groove } from './groove.mjs';

test.use({ serviceWorkers: 'allow' });

const health = (c) => (c === 'effort' ? 1 : 4);

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

for (const base of ['./', './tools/groove/']) {
  test(`after the first visit, the whole diagnostic works offline (${base})`, async ({ page, context }) => {
    await page.goto(base);
    await controlled(page);
    await context.setOffline(true);
    await page.reload();
    const g = new Groove(page);
    await page.getByRole('button', { name: 'Start the diagnostic' }).click();
    await g.takeWithMouse(health);
    await expect(g.onResult()).toHaveText(/Effort & activity/);
    await page.reload();
    await expect(g.onResult()).toHaveText(/Effort & activity/);
  });
}

test('the manifest makes it installable: relative scope, standalone, icons that exist', async ({ page, request }) => {
  await page.goto('./tools/groove/');
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  const manifest = await (await request.get(`./tools/groove/${href}`)).json();
  expect(manifest).toMatchObject({ short_name: 'Groove', start_url: './', scope: './', display: 'standalone' });
  expect(manifest.name && manifest.description && manifest.theme_color && manifest.background_color).toBeTruthy();
  const sizes = [];
  for (const icon of manifest.icons) {
    const png = await (await request.get(`./tools/groove/${icon.src}`)).body();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    sizes.push(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)} ${icon.purpose}`);
    expect(icon.sizes).toBe(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`);
  }
  expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
});

test('a new version is offered, never applied by itself or in the middle of an assessment', async ({ page }, testInfo) => {
  const base = `./update-${testInfo.project.name}/`;
  await page.goto(base);
  await controlled(page);
  const g = new Groove(page);
  await page.getByRole('button', { name: 'Start the diagnostic' }).click();
  await page.locator('fieldset input').first().check();
  await page.evaluate(() => { window.__samePage = true; });
  await page.request.get(`${base}__bump`);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await expect(page.getByTestId('update')).toContainText('when you finish this assessment');
  await expect(page.getByTestId('update').getByRole('button')).toHaveCount(0);
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => window.__samePage)).toBe(true);

  await g.takeWithMouse(health);
  await expect(g.onResult()).toBeVisible();
  expect(await page.evaluate(() => window.__samePage)).toBe(true);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload to update' }).click()]);
  expect(await page.evaluate(() => window.__samePage)).toBeUndefined();
  await expect(g.onResult()).toBeVisible();
  const cache = await page.evaluate(() => caches.keys());
  expect(cache).toHaveLength(1);
  expect(cache[0]).toMatch(/^groove-g1-/);
});

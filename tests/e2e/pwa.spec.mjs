// The installed, offline app: a manifest, a generated service worker, offline use from the
// root and from a sub-path, and updates that wait for the person.
import { test, expect } from './groove.mjs';

test.use({ serviceWorkers: 'allow' });

const health = (c) => (c === 'effort' ? 1 : 4);

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

for (const base of ['./', './tools/groove/']) {
  test(`after the first visit, the whole diagnostic works offline (${base})`, async ({ page, context, groove: g }) => {
    await page.goto(base);
    await controlled(page);
    await context.setOffline(true);
    await page.reload();
    await g.start();
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

test('a new version is offered, never applied by itself or in the middle of an assessment', async ({ page, groove: g }, testInfo) => {
  const base = `./update-${testInfo.project.name}/`;
  await page.goto(base);
  await controlled(page);
  await g.start();
  await g.answers().first().check();
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

// A host that caches every file for an hour, index.html included: the new worker must
// precache build B from the network, not build A from the HTTP cache.
const build = (page) => page.evaluate(() => document.querySelector('meta[name=groove-build]')?.content || 'A');

test('on a host that caches every file, an accepted update runs the new build, online and offline', async ({ page, context, groove: g }, testInfo) => {
  const base = `./cached-${testInfo.project.name}/`;
  await page.request.get(`${base}__deploy?to=A`);
  await page.goto(base);
  await controlled(page);
  await page.reload(); // every file now sits in the HTTP cache too, fresh for an hour
  expect(await build(page)).toBe('A');
  const before = await page.evaluate(() => caches.keys());

  await page.request.get(`${base}__deploy?to=B`);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await Promise.all([page.waitForEvent('load'), page.getByTestId('update').getByRole('button', { name: 'Reload to update' }).click()]);
  expect(await build(page)).toBe('B');
  const after = await page.evaluate(() => caches.keys());
  expect(after.filter((k) => k !== 'groove-runtime')).toEqual([expect.stringMatching(/^groove-B-/)]);
  for (const old of before) expect(after).not.toContain(old);

  await context.setOffline(true);
  await page.reload();
  expect(await build(page)).toBe('B');
  await expect(g.startButton()).toBeVisible();
  await context.setOffline(false);
});

test('a new build with a missing file never installs: the old one keeps working, untouched', async ({ page, context, groove: g }, testInfo) => {
  const base = `./cached-broken-${testInfo.project.name}/`;
  await page.request.get(`${base}__deploy?to=A`);
  await page.goto(base);
  await controlled(page);
  const before = await page.evaluate(() => caches.keys());

  await page.request.get(`${base}__deploy?to=broken`);
  const installed = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update().then(() => new Promise((done) => {
    const worker = r.installing;
    if (!worker) return done(r.waiting ? 'waiting' : 'nothing');
    worker.addEventListener('statechange', () => { if (worker.state === 'redundant' || worker.state === 'installed') done(worker.state); });
  }))));
  expect(installed).toBe('redundant');
  await expect(page.getByTestId('update')).toHaveCount(0);
  expect(await page.evaluate(() => caches.keys())).toEqual(before);

  await context.setOffline(true);
  await page.reload();
  expect(await build(page)).toBe('A');
  await expect(g.startButton()).toBeVisible();
  await context.setOffline(false);
});

test("a coach's bank is kept for offline use and refreshed when online", async ({ page, context, groove: g }) => {
  await page.goto('./?bank=test-banks/coach.json');
  await controlled(page);
  await page.reload();
  await g.start();
  await expect(page.locator('legend')).toHaveText('Coach asks: how long has this slump lasted?');
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('legend')).toHaveText('Coach asks: how long has this slump lasted?');
  await context.setOffline(false);
});

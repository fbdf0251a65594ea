// From the widget to one's own Groove: a result taken in a blog post's widget (storage
// partitioned under the blog's site) reaches the app's own storage through the hand-off.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './groove.mjs';

// localhost and 127.0.0.1 are different sites, so the frame's storage is partitioned
// under the blog's site, as on a real coach's blog.
const HOST = 'http://localhost:4174/';
const APP = 'http://127.0.0.1:4173/';
const health = (c) => (c === 'feedback' ? 1 : 4);

test("a widget's result is carried to Groove itself, shown first, and merged on consent", async ({ page, context, groove }) => {
  await page.goto(HOST);
  await page.locator('#w2').scrollIntoViewIfNeeded();
  await expect.poll(() => page.frames().find((f) => f.url().includes('ns=two'))?.url() ?? '').toContain('embed=1');
  const frame = page.frames().find((f) => f.url().includes('ns=two'));
  const inFrame = groove.on(frame);
  await inFrame.start();
  await inFrame.takeWithMouse(health);
  const headline = await inFrame.onResult().textContent();

  // Groove opened directly does not see what the widget kept: the frame's storage is
  // partitioned under the blog's site (or, as in this test browser, which blocks storage
  // in cross-site frames, kept only in the frame's memory).
  const app = await context.newPage();
  await app.goto(APP);
  expect(await app.evaluate(() => Object.keys(localStorage))).not.toContain('groove@two');
  const before = await app.evaluate(() => JSON.parse(localStorage.getItem('groove') || 'null')?.profiles?.[0]?.results?.length ?? 0);
  expect(before).toBe(0);
  await app.close();

  const link = frame.getByTestId('keep-link');
  await expect(link).toHaveAttribute('target', '_blank');
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  expect(tab.url()).toMatch(/^http:\/\/127\.0\.0\.1:4173\/(index\.html)?#keep=k1\./);
  await expect(tab.getByTestId('keep-summary')).toHaveText(/It will add 1 result/);
  // Nothing is written before consent.
  expect(await tab.evaluate(() => JSON.parse(localStorage.getItem('groove') || 'null')?.profiles?.[0]?.results?.length ?? 0)).toBe(0);
  await expect(tab.locator('#keep-title')).toBeFocused();
  const axe = await new AxeBuilder({ page: tab }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await tab.getByRole('button', { name: 'Add to my Groove' }).click();
  await expect(groove.on(tab).onResult()).toHaveText(headline);
  expect(new URL(tab.url()).hash).toBe('');
  await expect.poll(() => tab.evaluate(() => JSON.parse(localStorage.getItem('groove')).profiles[0].results.length)).toBe(1);

  // Opened again, the same link adds nothing twice.
  await tab.goto(await link.getAttribute('href'));
  await tab.reload();
  await expect(tab.getByTestId('keep-summary')).toHaveText('Everything in this link is already here.');
});

test('a damaged, edited or newer hand-off says why and changes nothing', async ({ page }) => {
  await page.goto(APP);
  await page.evaluate(() => localStorage.clear());
  for (const [fragment, why] of [
    ['k1.eyJzY2hlbWEiOjR9.00000000', 'changed after it was made'],
    ['k9.abc.def', 'different version'],
    ['k1.%%%', 'incomplete or damaged'],
  ]) {
    await page.goto(`${APP}#keep=${fragment}`);
    await page.reload();
    await expect(page.getByTestId('keep-error')).toContainText(why);
    await expect(page.getByTestId('keep-error')).toContainText('Nothing was changed');
  }
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('groove') || 'null')?.profiles?.[0]?.results?.length ?? 0)).toBe(0);
});

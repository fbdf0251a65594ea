// The widget in a coach's page on another origin, under a strict CSP and hostile CSS.
import { test, expect } from '@playwright/test';
import { Groove } from './groove.mjs';

const HOST = 'http://127.0.0.1:4174/';
const APP = 'http://127.0.0.1:4173';
const health = (c) => (c === 'training' ? 1 : 4);

function frameOf(page, id) {
  return page.frames().find((f) => f.url().includes(`ns=${id === 'w1' ? 'one' : 'two'}`));
}

test('a widget on a hostile host page: lazy, isolated, no shift, events only when asked, no cookie, no CSP violation', async ({ page, context }) => {
  const appRequests = [];
  page.on('request', (r) => { if (r.url().startsWith(APP)) appRequests.push(r.url()); });
  await page.goto(HOST);
  await page.waitForTimeout(800);
  // Before it nears the viewport, only the tiny loader came from the app's origin.
  expect(appRequests).toEqual([`${APP}/embed.js`]);
  const hostButton = await page.locator('#host-button').evaluate((b) => getComputedStyle(b).backgroundColor);

  await page.locator('#w1').scrollIntoViewIfNeeded();
  await expect.poll(() => frameOf(page, 'w1')?.url() ?? '').toContain('embed=1');
  const w1 = frameOf(page, 'w1');
  await w1.getByRole('button', { name: 'Start the diagnostic' }).waitFor();
  // The frame follows its content: no inner scrollbar.
  await expect.poll(async () => page.locator('#w1').evaluate((el) => el.shadowRoot.querySelector('iframe').getBoundingClientRect().height)).toBeGreaterThan(250);
  expect(await w1.evaluate(() => document.body.offsetHeight <= window.innerHeight + 1)).toBe(true);

  // Its controls keep their own look; the host's keep theirs.
  const start = w1.getByRole('button', { name: 'Start the diagnostic' });
  const look = await start.evaluate((b) => { const s = getComputedStyle(b); return [s.backgroundColor, s.borderStyle, s.fontFamily]; });
  expect(look[0]).toBe('rgb(139, 58, 43)'); // the accent attribute
  expect(look[1]).toBe('solid');
  expect(look[2]).not.toContain('Comic');
  expect(await page.locator('#host-button').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(hostButton);
  expect(await page.locator('#title').evaluate((h) => getComputedStyle(h).fontFamily)).toContain('Comic');

  // A question can be answered; the first widget reports events.
  await start.click();
  await w1.locator('fieldset input').first().check();
  await w1.locator('form button[type=submit]').click();
  await expect.poll(() => page.evaluate(() => window.__events.map((e) => `${e.id} ${e.type}`))).toEqual(
    expect.arrayContaining(['w1 groove:started', 'w1 groove:section']),
  );
  expect(await w1.evaluate(() => Object.keys(localStorage))).toEqual(['groove@one']);

  // The second widget: no events attribute, so none; an unsafe call to action is dropped.
  await page.locator('#w2').scrollIntoViewIfNeeded();
  await expect.poll(() => frameOf(page, 'w2')?.url() ?? '').toContain('ns=two');
  const w2 = frameOf(page, 'w2');
  await w2.getByRole('button', { name: 'Start the diagnostic' }).click();
  const g2 = new Groove(w2);
  await g2.takeWithMouse(health);
  await expect(w2.getByTestId('headline')).toBeVisible();
  expect(await w2.getByTestId('cta').count()).toBe(0);
  expect(await w2.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect((await page.evaluate(() => window.__events)).filter((e) => e.id === 'w2')).toEqual([]);

  // Finishing in the first widget sends the scores, never the answers, and shows the CTA.
  await page.locator('#w1').scrollIntoViewIfNeeded();
  await new Groove(w1).takeWithMouse(health);
  await expect(w1.getByTestId('cta')).toHaveAttribute('href', 'https://coach.example/book');
  const finished = (await page.evaluate(() => window.__events)).find((e) => e.type === 'groove:finished');
  expect(finished.id).toBe('w1');
  expect(Object.keys(finished.detail).sort()).toEqual(['pattern', 'primary', 'scores']);
  expect(finished.detail.primary).toBe('training');

  expect(await page.evaluate(() => window.__shifts), await page.evaluate(() => String(window.__shiftLog))).toBeLessThanOrEqual(0.01);
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  for (const f of [w1, w2]) expect(await f.evaluate(() => document.cookie)).toBe('');
});

test('where storage is blocked, the widget works for the visit and says nothing will be kept', async ({ page }) => {
  await page.addInitScript(() => {
    if (window !== window.top) {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    }
  });
  await page.goto(HOST);
  await page.locator('#w1').scrollIntoViewIfNeeded();
  await expect.poll(() => frameOf(page, 'w1')?.url() ?? '').toContain('embed=1');
  const w1 = frameOf(page, 'w1');
  await expect(w1.getByRole('alert')).toContainText('does not let Groove keep anything');
  await w1.getByRole('button', { name: 'Start the diagnostic' }).click();
  await new Groove(w1).takeWithMouse(health);
  await expect(w1.getByTestId('headline')).toBeVisible();
});

test('the demo page shows the widget inside a blog post', async ({ page }) => {
  await page.goto('./embed-demo.html');
  await page.locator('groove-diagnostic').scrollIntoViewIfNeeded();
  await expect.poll(() => page.frames().some((f) => f.url().includes('ns=selling-craft'))).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('ns=selling-craft'));
  await expect(frame.getByRole('button', { name: 'Start the diagnostic' })).toBeVisible();
});

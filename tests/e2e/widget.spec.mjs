// The widget in a coach's page on another origin, under a strict CSP and hostile CSS.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './groove.mjs';

const HOST = 'http://127.0.0.1:4174/';
const APP = 'http://127.0.0.1:4173';
const health = (c) => (c === 'training' ? 1 : 4);

function frameOf(page, id) {
  const ns = { w1: 'one', w2: 'two', p1: 'pop' }[id];
  return page.frames().find((f) => f.url().includes(`ns=${ns}`));
}

test('a widget on a hostile host page: lazy, isolated, no shift, events only when asked, no cookie, no CSP violation', async ({ page, context, groove }) => {
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
  const g1 = groove.on(w1);
  await g1.startButton().waitFor();
  // The frame follows its content: no inner scrollbar.
  await expect.poll(async () => page.locator('#w1').evaluate((el) => el.shadowRoot.querySelector('iframe').getBoundingClientRect().height)).toBeGreaterThan(250);
  expect(await w1.evaluate(() => document.body.offsetHeight <= window.innerHeight + 1)).toBe(true);

  // Its controls keep their own look; the host's keep theirs.
  const start = g1.startButton();
  const look = await start.evaluate((b) => { const s = getComputedStyle(b); return [s.backgroundColor, s.borderStyle, s.fontFamily]; });
  expect(look[0]).toBe('rgb(139, 58, 43)'); // the accent attribute
  expect(look[1]).toBe('solid');
  expect(look[2]).not.toContain('Comic');
  expect(await page.locator('#host-button').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(hostButton);
  expect(await page.locator('#title').evaluate((h) => getComputedStyle(h).fontFamily)).toContain('Comic');

  // Loading, reserving its box and inserting the frame moved nothing on the host page.
  expect(await page.evaluate(() => window.__shifts), await page.evaluate(() => String(window.__shiftLog))).toBe(0);

  // A question can be answered; the first widget reports events.
  await start.click();
  await g1.answers().first().check();
  await g1.submit().click();
  await expect.poll(() => page.evaluate(() => window.__events.map((e) => `${e.id} ${e.type}`))).toEqual(
    expect.arrayContaining(['w1 groove:started', 'w1 groove:section']),
  );
  expect(await w1.evaluate(() => Object.keys(localStorage))).toEqual(['groove@one']);

  // The second widget: no events attribute, so none; an unsafe call to action is dropped.
  await page.locator('#w2').scrollIntoViewIfNeeded();
  await expect.poll(() => frameOf(page, 'w2')?.url() ?? '').toContain('ns=two');
  const w2 = frameOf(page, 'w2');
  const g2 = groove.on(w2);
  await g2.start();
  await g2.takeWithMouse(health);
  await expect(g2.onResult()).toBeVisible();
  expect(await w2.getByTestId('cta').count()).toBe(0);
  expect(await w2.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect((await page.evaluate(() => window.__events)).filter((e) => e.id === 'w2')).toEqual([]);

  // Finishing in the first widget sends the scores, never the answers, and shows the CTA.
  await page.locator('#w1').scrollIntoViewIfNeeded();
  await g1.takeWithMouse(health);
  await expect(w1.getByTestId('cta')).toHaveAttribute('href', 'https://coach.example/book');
  const finished = (await page.evaluate(() => window.__events)).find((e) => e.type === 'groove:finished');
  expect(finished.id).toBe('w1');
  expect(Object.keys(finished.detail).sort()).toEqual(['pattern', 'primary', 'ref', 'scores']);
  expect(finished.detail.primary).toBe('training');
  // The coach's ref travels in every event, and nothing of it is kept in the frame.
  expect(finished.detail.ref).toBe('spring-post_2026');
  const fromW1 = (await page.evaluate(() => window.__events)).filter((e) => e.id === 'w1');
  expect(fromW1.length).toBeGreaterThan(2);
  for (const e of fromW1) expect(e.detail.ref, e.type).toBe('spring-post_2026');
  expect(await w1.evaluate(() => Object.values(localStorage).join(' ').includes('spring-post'))).toBe(false);

  // From here on the frame grows only when a taller screen follows a press inside it (the
  // result is several screens tall). Chrome excuses a shift within 500 ms of input; on a
  // busy machine the growth can land later and count (0.011 was seen once in CI), so the
  // bound is half of what Chrome calls a good page (0.1), not zero.
  expect(await page.evaluate(() => window.__shifts), await page.evaluate(() => String(window.__shiftLog))).toBeLessThanOrEqual(0.05);
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  for (const f of [w1, w2]) expect(await f.evaluate(() => document.cookie)).toBe('');
});

test('mode="popup": a button opens Groove in a modal dialog by keyboard; Escape and Close shut it, focus returns; a bad ref is dropped', async ({ page, context, groove }) => {
  const appRequests = [];
  page.on('request', (r) => { if (r.url().startsWith(APP)) appRequests.push(r.url()); });
  await page.goto(`${HOST}popup.html`);
  const host = page.locator('#p1');
  const open = host.getByRole('button', { name: 'Check my slump' });
  await expect(open).toBeVisible();
  // Its own look, out of the host's CSS reach (the host paints every button hot pink).
  expect(await open.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(139, 58, 43)');
  await page.waitForTimeout(500);
  expect(appRequests, 'nothing before the first press').toEqual([`${APP}/embed.js`]);
  // The button's box is there from the start and never changes: opening and closing move nothing.
  const boxOf = () => host.evaluate((el) => { const r = el.getBoundingClientRect(); return [r.width, r.height]; });
  const reserved = await boxOf();
  expect(reserved[1]).toBeGreaterThanOrEqual(44);
  const dialog = host.locator('dialog');
  await expect(dialog).toBeHidden();

  // Open by keyboard: the button is the page's first stop.
  await page.keyboard.press('Tab');
  await expect(open).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  const focusInDialog = () => page.evaluate(() => {
    const root = document.getElementById('p1').shadowRoot;
    return document.activeElement?.id === 'p1' && root.querySelector('dialog').contains(root.activeElement);
  });
  expect(await focusInDialog()).toBe(true);
  expect(await dialog.evaluate((d) => d.matches(':modal'))).toBe(true);
  await expect.poll(() => frameOf(page, 'p1')?.url() ?? '').toContain('mode=popup');
  const frame = frameOf(page, 'p1');
  const inFrame = groove.on(frame);
  expect(new URL(frame.url()).searchParams.get('ref')).toBe('bad ref<b>');
  await inFrame.startButton().waitFor();
  // Full screen on a phone; a large centred box on a desktop.
  const box = await dialog.boundingBox();
  const view = page.viewportSize();
  if (view.width < 640) {
    expect([Math.round(box.x), Math.round(box.y), Math.round(box.width), Math.round(box.height)]).toEqual([0, 0, view.width, view.height]);
  } else {
    expect(box.width).toBeLessThanOrEqual(960);
    expect(box.height).toBeGreaterThan(view.height - 40);
  }
  const a11y = await new AxeBuilder({ page }).include('#p1').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(a11y.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  // The dialog around the frame is dark when the system is, as the app inside it is.
  const backgrounds = () => Promise.all([
    dialog.evaluate((d) => getComputedStyle(d).backgroundColor),
    // The frame's page is transparent (the dialog shows through); its text turns light.
    frame.evaluate(() => getComputedStyle(document.body).color),
  ]);
  const light = await backgrounds();
  expect(light[0]).toBe('rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await backgrounds();
  expect(dark[0]).toBe('rgb(18, 23, 21)');
  expect(dark[1], 'the app inside is dark too').toBe('rgb(232, 238, 235)');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await backgrounds()).toEqual(light);

  // Escape closes it; focus is back on the button.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();

  // Open again: the same frame, kept. Working inside the frame; Escape there closes too.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  expect(page.frames().filter((f) => f.url().includes('ns=pop'))).toHaveLength(1);
  const start = inFrame.startButton();
  await start.focus();
  await page.keyboard.press('Enter');
  await expect(inFrame.answers().first()).toBeVisible();
  // A bad ref is dropped: the event comes, without one.
  await expect.poll(() => page.evaluate(() => window.__events.filter((e) => e.id === 'p1').map((e) => e.type))).toContain('groove:started');
  for (const e of (await page.evaluate(() => window.__events)).filter((e) => e.id === 'p1')) expect(e.detail).not.toHaveProperty('ref');
  await inFrame.answers().first().focus();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();

  // The Close button, by keyboard.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(host.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();

  expect(await boxOf()).toEqual(reserved);
  expect(await page.evaluate(() => window.__shifts), await page.evaluate(() => String(window.__shiftLog))).toBe(0);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});

test('where storage is blocked, the widget works for the visit and says nothing will be kept', async ({ page, groove }) => {
  await page.addInitScript(() => {
    if (window !== window.top) {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    }
  });
  await page.goto(HOST);
  await page.locator('#w1').scrollIntoViewIfNeeded();
  await expect.poll(() => frameOf(page, 'w1')?.url() ?? '').toContain('embed=1');
  const w1 = frameOf(page, 'w1');
  const g1 = groove.on(w1);
  await expect(w1.getByRole('alert')).toContainText('does not let Groove keep anything');
  await g1.start();
  await g1.takeWithMouse(health);
  await expect(g1.onResult()).toBeVisible();
});

test('the demo page shows the widget inside a blog post', async ({ page, groove }) => {
  await page.goto('./embed-demo.html');
  await page.locator('groove-diagnostic').scrollIntoViewIfNeeded();
  await expect.poll(() => page.frames().some((f) => f.url().includes('ns=selling-craft'))).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('ns=selling-craft'));
  await expect(groove.on(frame).startButton()).toBeVisible();
});

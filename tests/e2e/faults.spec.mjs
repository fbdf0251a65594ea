// Nothing lost, nothing injected: storage and input under faults, in real Chromium.
import { readFileSync } from 'node:fs';
import { test, expect, bank } from './groove.mjs';

const anyHealth = (c) => (c === 'feedback' ? 2 : 4);

test('storage full: the failed save is shown, the app goes on, the next good save clears it', async ({ page, groove: g }) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__full && key === 'groove') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  await g.fresh();
  await g.start();
  await g.answers().first().check();
  await expect(g.saveStatus()).toHaveText('Saved on this device');
  await page.evaluate(() => { window.__full = true; });
  await g.submit().click();
  await g.answers().nth(1).check();
  await expect(g.saveStatus()).toContainText('Not saved (storage is full)');
  await expect(g.saveStatus()).toContainText('deleting old results');
  await g.submit().click();
  await expect(g.legend()).toBeVisible();
  await page.evaluate(() => { window.__full = false; });
  await g.answers().first().check();
  await expect(g.saveStatus()).toHaveText('Saved on this device');
  // The answer given while storage was full is in the next good save.
  const facts = await page.evaluate(() => JSON.parse(localStorage.getItem('groove')).profiles[0].progress.responses.facts);
  expect(Object.keys(facts).length).toBe(3);
});

test('storage unavailable: the diagnostic works in memory, says so, and export still works', async ({ page, groove: g }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); } });
  });
  await g.open();
  await expect(page.getByRole('alert')).toContainText('does not let Groove keep anything');
  await expect(g.saveStatus()).toContainText('Not kept');
  await g.start();
  await g.takeWithMouse(anyHealth);
  await expect(g.onResult()).toBeVisible();
  const exported = await g.exportEverything();
  expect(exported.document.profiles[0].results).toHaveLength(1);
});

test('a corrupted value is kept aside, reported, offered in the export, never overwritten', async ({ page, groove: g }) => {
  await g.fresh();
  const broken = '{"schema":2,"active":"default","profiles":[{"id":"default","results":[{"id":"r1"';
  await page.evaluate((b) => localStorage.setItem('groove', b), broken);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('could not be read');
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('groove:unreadable:')));
  expect(aside).toHaveLength(1);
  await expect(page.getByRole('alert')).toContainText(aside[0]);
  await g.start();
  await g.answers().first().check();
  expect(await page.evaluate((k) => localStorage.getItem(k), aside[0])).toBe(broken);
  const exported = await g.exportEverything();
  expect(exported.unreadable).toEqual([{ key: aside[0], value: broken }]);
});

test('data from a newer Groove opens read-only and is left byte for byte', async ({ page, groove: g }) => {
  await g.fresh();
  const newer = '{"schema":99,"something":"new"}';
  await page.evaluate((v) => localStorage.setItem('groove', v), newer);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('newer version');
  await g.start();
  await g.answers().first().check();
  await g.submit().click();
  expect(await page.evaluate(() => localStorage.getItem('groove'))).toBe(newer);
});

test('two tabs: an answer given in one is not lost when the other saves, and shows there', async ({ context, page: a, groove: ga }) => {
  await ga.fresh();
  const b = await context.newPage();
  const gb = ga.on(b);
  await gb.open();
  await ga.start();
  await ga.answers().nth(2).check();
  await expect(ga.saveStatus()).toHaveText('Saved on this device');
  // Tab B hears of it and continues from tab A's answers.
  await b.getByRole('button', { name: 'Continue where you left off' }).click();
  await expect(gb.answers().nth(2)).toBeChecked();
  await gb.submit().click();
  await gb.answers().nth(1).check();
  await expect(gb.saveStatus()).toHaveText('Saved on this device');
  await a.reload();
  const facts = await a.evaluate(() => JSON.parse(localStorage.getItem('groove')).profiles[0].progress.responses.facts);
  expect(Object.keys(facts)).toHaveLength(2);
});

test('the site runs under its own Content-Security-Policy, with no violation and no other origin', async ({ page, groove: g }) => {
  const origins = new Set();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await g.fresh();
  const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  expect(await page.locator('script:not([src])').count()).toBe(0);
  await g.start();
  await g.takeWithMouse(anyHealth);
  await expect(g.onResult()).toBeVisible();
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect([...origins]).toEqual(['http://127.0.0.1:4173']);
});

test('text from people and files is shown as text, never as HTML', async ({ page, groove: g }) => {
  await g.fresh();
  await g.nav('Data');
  const name = '<img src=x onerror="window.__pwned=1">Sam';
  await page.getByLabel('Add a person').fill(name);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByTestId('who')).toHaveText(`For: ${name}`);
  expect(await page.locator('header img').count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test("a coach's bank is used when valid, and refused with its reasons when not", async ({ page, groove: g }) => {
  await page.goto('./?bank=test-banks/coach.json');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await g.start();
  await expect(g.legend()).toHaveText('Coach asks: how long has this slump lasted?');
  await g.takeWithMouse(anyHealth);
  const scores = await page.locator('[data-testid=score-chart] text.value').allTextContents();
  // Opened later with the shipped bank, the result keeps its stored scores and says why.
  await page.goto('./');
  await expect(page.getByTestId('other-bank')).toContainText('another question bank');
  expect(await page.locator('[data-testid=score-chart] text.value').allTextContents()).toEqual(scores);
  await page.getByRole('button', { name: 'Take the diagnostic again' }).click();
  await g.answers().first().check();

  await page.goto('./?bank=test-banks/broken.json');
  await expect(page.getByRole('alert')).toContainText("Your coach's question bank (test-banks/broken.json) was refused");
  await expect(page.getByRole('alert')).toContainText('"effort" has 0 scored items');
  // The assessment in progress resumes, now with the shipped questions.
  await expect(g.legend()).toHaveText(bank.facts[0].text);

  await page.goto('./?bank=test-banks/missing.json');
  await expect(page.getByRole('alert')).toContainText('404');
});

test('import refuses files that are too large or not JSON, and changes nothing', async ({ page, groove: g }) => {
  await g.fresh();
  await g.start();
  await g.answers().first().check();
  const before = await page.evaluate(() => localStorage.getItem('groove'));
  await g.nav('Data');
  const file = page.locator('#import-file');
  await file.setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(6 * 1024 * 1024, 32) });
  await expect(page.getByTestId('import-message')).toContainText('far smaller');
  await file.setInputFiles({ name: 'page.html', mimeType: 'text/html', buffer: Buffer.from('<html><script>alert(1)</script>') });
  await expect(page.getByTestId('import-message')).toContainText('not JSON');
  await file.setInputFiles({ name: 'dup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ kind: 'groove-export', document: { schema: 2, active: 'a', profiles: [{ id: 'a' }, { id: 'a' }] } })) });
  await expect(page.getByTestId('import-message')).toContainText('repeated');
  expect(await page.evaluate(() => localStorage.getItem('groove'))).toBe(before);
});

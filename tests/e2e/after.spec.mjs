// After the result: history, the kept plan, daily reviews, sharing, printing, your data.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, causeName, pdfText } from './groove.mjs';

const weakDiscipline = (c) => (c === 'discipline' ? 1 : 4);
const weakEffort = (c) => (c === 'effort' ? 2 : 5);


test('two diagnostics show in history, in the trend and in a comparison; one can be deleted', async ({ page, groove: g }) => {
  await g.fresh();
  await g.takeOne(weakDiscipline);
  await g.takeOne(weakEffort);
  await g.nav('History');
  await expect(page.locator('.result-row')).toHaveCount(2);
  await expect(page.locator('.result-row').first()).toContainText(causeName.effort);
  for (const cause of ['training', 'effort', 'discipline', 'feedback']) {
    await expect(page.locator(`[data-testid=trend-chart] g[data-cause=${cause}] circle`)).toHaveCount(2);
  }
  // Earlier: discipline 0; later: discipline 100.
  await expect(page.getByTestId('compare')).toContainText(`${causeName.discipline}: 0 → 100 (+100, better)`);
  // The pickers are built on demand; choosing the same result twice shows no change.
  await expect(page.getByTestId('compare-a')).toHaveCount(0);
  const choose = page.getByRole('button', { name: 'Choose which two' });
  await expect(choose).toHaveAttribute('aria-expanded', 'false');
  await choose.click();
  await expect(choose).toBeFocused();
  await expect(choose).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('compare-a').locator('option')).toHaveCount(2);
  await page.getByTestId('compare-a').selectOption({ index: 0 });
  await expect(page.getByTestId('compare')).toContainText(`${causeName.discipline}: 100 → 100 (0, about the same)`);
  await page.locator('.result-row').first().getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.locator('.result-row')).toHaveCount(2);
  await page.locator('.result-row').first().getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page.locator('.result-row')).toHaveCount(1);
  await page.reload();
  await g.nav('History');
  await expect(page.locator('.result-row')).toHaveCount(1);
});

test('plan actions checked off are there after a reload, with progress on the home screen', async ({ page, groove: g }) => {
  await g.fresh();
  await g.takeOne(weakDiscipline);
  await page.getByRole('button', { name: 'Track this plan' }).click();
  const boxes = page.locator('.checklist input[type=checkbox]');
  const total = await boxes.count();
  expect(total).toBeGreaterThan(5);
  await boxes.nth(0).check();
  await boxes.nth(2).check();
  await expect(page.getByTestId('plan-progress')).toHaveText(`2 of ${total} actions done`);
  await page.reload();
  await g.nav('Plan');
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(2)).toBeChecked();
  await expect(boxes.nth(1)).not.toBeChecked();
  await g.nav('Home');
  await expect(page.getByTestId('home-status')).toContainText(`2 of ${total} actions done`);
});

test('a daily review is kept with its date and starts a streak', async ({ page, groove: g }) => {
  await g.fresh();
  await g.nav('Review');
  await expect(page.getByTestId('streak')).toContainText('No streak yet');
  await page.getByLabel('Partly').check();
  await page.getByLabel('What worked with buyers today?').fill('Asking <b>what happens next</b> at the end of each call');
  await page.getByLabel('What will I change tomorrow?').fill('Plan the day before 9');
  await page.getByRole('button', { name: "Save today's review" }).click();
  await expect(page.getByTestId('streak')).toHaveText('1-day streak');
  await expect(page.locator('.calendar .day.done')).toHaveCount(1);
  // Yesterday too, as if kept then: the streak counts both days.
  await page.evaluate(() => {
    const doc = JSON.parse(localStorage.getItem('groove'));
    const p = doc.profiles[0];
    const d = new Date(); d.setDate(d.getDate() - 1);
    const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    p.reviews.push({ day, followed: 'yes', worked: '', change: '', note: '', saved_at: 1 });
    doc.revision += 1;
    localStorage.setItem('groove', JSON.stringify(doc));
  });
  await page.reload();
  await g.nav('Review');
  await expect(page.getByTestId('streak')).toHaveText('2-day streak');
  await expect(page.locator('.reviews')).toContainText('<b>what happens next</b>');
  await expect(page.locator('.reviews b')).toHaveCount(0);
});

test('a share link opens the same scores in a fresh browser; a tampered one says why', async ({ page, browser, groove: g }) => {
  await g.fresh();
  await g.takeOne(weakEffort);
  const scores = await page.locator('[data-testid=score-chart] text.value').allTextContents();
  await page.getByRole('button', { name: 'Share result' }).click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toContain('#share=g2.');
  expect(link.length).toBeLessThan(200);

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  await expect(fresh.getByTestId('shared-badge')).toHaveText(/Shared result/);
  await expect(g.on(fresh).onResult()).toHaveText(`What holds you back most: ${causeName.effort}`);
  expect(await fresh.locator('[data-testid=score-chart] text.value').allTextContents()).toEqual(scores);
  expect(await fresh.evaluate(() => localStorage.getItem('groove'))).toBeNull();

  await fresh.goto(link.replace(/g2\.(\d+)/, (m, n) => `g2.${(Number(n) + 7) % 101}`));
  await fresh.reload();
  await expect(fresh.getByTestId('share-error')).toContainText('cannot be trusted');
  await fresh.goto(link.split('#')[0] + '#share=%%%<script>');
  await fresh.reload();
  await expect(fresh.getByTestId('share-error')).toBeVisible();
  await fresh.getByRole('button', { name: 'Take the diagnostic yourself' }).click();
  await expect(g.on(fresh).startButton()).toBeVisible();
  await other.close();
});

test('the result prints: no navigation, the chart, the headline in the text, on A4 and Letter', async ({ page, groove: g }) => {
  await g.fresh();
  await g.takeOne(weakDiscipline);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(page.getByTestId('score-chart')).toBeVisible();
  const headline = `What holds you back most: ${causeName.discipline}`;
  await expect(g.onResult()).toHaveText(headline);
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g).length).toBeGreaterThanOrEqual(1);
    // The PDF's own text, read back by pdf.js: the headline is printed on the first page.
    const pages = await pdfText(pdf);
    expect(pages[0], `the ${format} PDF's first page`).toContain(headline);
  }
});

test('export, delete everything, import: everything is back', async ({ page, groove: g }) => {
  await g.fresh();
  await g.takeOne(weakDiscipline);
  await page.getByRole('button', { name: 'Track this plan' }).click();
  await page.locator('.checklist input[type=checkbox]').first().check();
  await g.nav('Data');
  await page.getByLabel('Add a person').fill('Sam');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByTestId('who')).toHaveText('For: Sam');
  await g.nav('History');
  await expect(page.getByText('No finished assessments yet')).toBeVisible();
  await g.nav('Data');
  await page.getByLabel('Whose data is shown').selectOption({ label: 'You (the default)' });
  const before = await page.evaluate(() => JSON.parse(localStorage.getItem('groove')));

  await g.nav('Data');
  const download = await g.download(page.getByRole('button', { name: 'Export everything' }));
  const file = await download.path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.kind).toBe('groove-export');
  expect(exported.document.profiles).toHaveLength(2);

  await page.getByRole('button', { name: /Delete everything/ }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('groove')))).toEqual([]);
  await page.reload();
  await g.nav('History');
  await expect(page.getByText('No finished assessments yet')).toBeVisible();

  await g.nav('Data');
  await page.locator('#import-file').setInputFiles(file);
  await expect(page.getByTestId('import-summary')).toContainText('1 result(s)');
  await expect(page.getByTestId('import-summary')).toContainText('1 person(s)');
  await page.getByRole('button', { name: 'Add them' }).click();
  await expect(page.getByTestId('import-message')).toContainText('Imported');
  const after = await page.evaluate(() => JSON.parse(localStorage.getItem('groove')));
  expect(after.profiles).toEqual(before.profiles);

  // The same file again adds nothing; a broken file changes nothing.
  await page.locator('#import-file').setInputFiles(file);
  await expect(page.getByTestId('import-summary')).toContainText('already here');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.locator('#import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":"groove-export","document":{"schema":99}}') });
  await expect(page.getByTestId('import-message')).toContainText('newer version');
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('groove')).profiles)).toEqual(before.profiles);
});

for (const scheme of ['light', 'dark']) {
  test(`no accessibility violations on the after-result screens (${scheme})`, async ({ page, groove: g }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await g.fresh();
    await g.takeOne(weakDiscipline);
    const check = async (where) => {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    };
    await check('result');
    await page.getByRole('button', { name: 'Share result' }).click();
    await expect(page.getByTestId('share-link')).toBeVisible();
    await check('result with share link');
    for (const screen of ['Home', 'History', 'Plan', 'Review', 'Data']) {
      await g.nav(screen);
      await check(screen);
    }
    await g.nav('Home');
    const link = await (async () => { await g.takeOne(weakEffort); await page.getByRole('button', { name: 'Share result' }).click(); return page.getByTestId('share-link').inputValue(); })();
    await g.nav('History');
    await check('history with two results');
    await page.goto(link);
    await page.reload();
    await expect(page.getByTestId('shared-badge')).toBeVisible();
    await check('shared result');
  });
}

test('after the first result Groove asks to keep storage and says what the browser answered', async ({ page, groove: g }) => {
  await g.fresh();
  await g.takeOne(weakDiscipline);
  await expect(page.getByTestId('persistence')).toHaveText(/This browser (has agreed to keep|may clear) Groove's data/);
});

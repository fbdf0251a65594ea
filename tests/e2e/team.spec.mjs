// A manager's view of the team: everyone kept on this device in one sortable table.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, rawFor, rateByMouse } from './groove.mjs';

test('a manager sees each person on one screen, sorts it by keyboard, and opens one', async ({ page, groove: g }) => {
  await g.fresh();
  await g.takeOne((c) => (c === 'effort' ? 2 : 5));
  await g.nav('Data');
  await expect(page.getByTestId('open-team')).toHaveCount(0);
  await page.locator('#profile-name').fill('Sam');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await g.takeOne((c) => (c === 'training' ? 1 : 5));
  await g.nav('Data');
  await page.getByTestId('open-team').click();

  const table = page.getByTestId('team');
  await expect(page.locator('#team-title')).toBeFocused();
  await expect(table.locator('tbody tr')).toHaveCount(2);
  // Newest result first by default.
  await expect(table.locator('tbody tr').first().locator('th')).toHaveText('Sam');
  await expect(table.locator('tbody tr').first()).toContainText('Skills & training');
  await expect(table.locator('tbody tr').nth(1)).toContainText('Effort & activity');

  const person = table.getByRole('button', { name: 'Person' });
  await person.focus();
  await page.keyboard.press('Enter');
  await expect(table.locator('th[aria-sort=ascending]')).toHaveText('Person');
  await expect(table.locator('tbody tr').first().locator('th')).toHaveText('Sam');
  await page.keyboard.press('Enter');
  await expect(table.locator('th[aria-sort=descending]')).toHaveText('Person');
  await expect(table.locator('tbody tr').first().locator('th')).toHaveText('This device (no name)');

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  // Nothing scrolls sideways: on a phone each person is a block of labelled lines, on a
  // desktop a row; either way it is a table to a screen reader, with its headers.
  expect(await table.evaluate((t) => t.parentElement.scrollWidth <= t.parentElement.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.scrollingElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('rowheader', { name: 'Sam' })).toHaveCount(1);
  await expect(table.getByRole('columnheader', { name: 'Outside view' })).toHaveCount(1);
  const labels = table.locator('tbody tr').first().locator('.cell-label');
  if (page.viewportSize().width < 640) {
    await expect(labels.first()).toBeVisible();
    await expect(labels.first()).toHaveText('Latest result');
  } else {
    await expect(labels.first()).toBeHidden();
  }

  await table.getByRole('button', { name: 'Open Sam' }).click();
  await expect(page.locator('#history-title')).toBeVisible();
  await expect(page.getByTestId('who')).toHaveText('For: Sam');
});

test("a rep's share link and reply link are kept with that rep's profile and show in the team view", async ({ page, groove: g, browser }) => {
  // The rep, on their own device: a result, its share link, and a request for a view.
  const repContext = await browser.newContext({ viewport: page.viewportSize() });
  const rep = await repContext.newPage();
  await rep.goto('http://127.0.0.1:4173/');
  await g.on(rep).takeOne((c) => (c === 'effort' ? 2 : 5));
  await rep.getByRole('button', { name: 'Share result' }).click();
  const share = await rep.getByTestId('share-link').inputValue();
  await rep.getByTestId('ask').getByRole('button', { name: 'Make a request link' }).click();
  const request = await rep.getByTestId('ask-link').inputValue();
  // A peer answers it in a browser of their own and sends the reply to the manager, with
  // varied, honest answers (effort seen weak, the rest healthy): a peer who gave the same
  // answer everywhere would be set aside.
  const reply = await rateByMouse(browser, request, (item) => rawFor(item.id, item.cause === 'effort' ? 2 : 4), page.viewportSize());
  await repContext.close();

  // The manager keeps a profile for Sam; the rep's share link goes there.
  await g.fresh();
  await g.nav('Data');
  await page.locator('#profile-name').fill('Sam');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await g.nav('Home');
  await page.goto(share);
  const keep = page.getByTestId('shared-keep');
  await keep.getByLabel('Sam').check();
  await keep.getByRole('button', { name: 'Keep it there' }).click();
  await expect(page.getByTestId('other-bank')).toContainText('kept from a share link');
  await expect(page.getByTestId('who')).toHaveText('For: Sam');

  // The reply belongs to a result on the rep's device: it is kept with Sam's latest.
  await page.goto(reply);
  await expect(page.getByTestId('reply-target')).toContainText('not in this browser');
  await page.getByLabel(/^Sam \(/).check();
  await page.getByRole('button', { name: 'Keep it there' }).click();
  await expect(page.getByTestId('outside-scores')).toBeVisible();

  await g.nav('Data');
  await page.getByTestId('open-team').click();
  const sam = page.getByTestId('team').locator('tbody tr', { hasText: 'Sam' });
  await expect(sam).toContainText('Effort & activity');
  await expect(sam.getByTestId('team-outside')).toHaveText('1 person');
});

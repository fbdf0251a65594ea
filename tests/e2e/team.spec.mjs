// A manager's view of the team: everyone kept on this device in one sortable table.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './groove.mjs';

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

  await table.getByRole('button', { name: 'Open Sam' }).click();
  await expect(page.locator('#history-title')).toBeVisible();
  await expect(page.getByTestId('who')).toHaveText('For: Sam');
});

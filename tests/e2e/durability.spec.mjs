// Durability the person can see: the backup nudge after the second result and when the
// last export is old, and Safari's seven-day limit said plainly.
import { test, expect } from './groove.mjs';

const weakEffort = (c) => (c === 'effort' ? 2 : 5);


test('after the second result Groove suggests an export, one click away, and again when it is a month old', async ({ page, groove: g }) => {
  await g.fresh();
  await g.takeOne(weakEffort);
  await expect(page.getByTestId('backup')).toHaveCount(0);
  await g.takeOne(weakEffort);
  const nudge = page.getByTestId('backup');
  await expect(nudge).toContainText('have not exported them yet');
  const download = await g.download(nudge.getByRole('button', { name: 'Export my data' }));
  expect(download.suggestedFilename()).toMatch(/^groove-export-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(nudge.getByRole('status')).toContainText('Exported to');
  await expect(nudge).not.toContainText('have not exported');
  await g.nav('Data');
  await expect(page.getByTestId('last-export')).toContainText('Last export:');
  await expect(page.getByTestId('backup')).toHaveCount(0);

  // Forty days later (the stored export time moved back), the nudge is back on Data.
  await page.evaluate(() => {
    const doc = JSON.parse(localStorage.getItem('groove'));
    doc.exported_at -= 40 * 86_400_000;
    doc.revision += 1;
    localStorage.setItem('groove', JSON.stringify(doc));
  });
  await page.reload();
  await g.nav('Data');
  await expect(page.getByTestId('backup')).toContainText('Your last export is 40 days old');
});

test.describe('in Safari, not on the Home Screen', () => {
  test.use({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15' });
  test('the seven-day limit is said plainly, with Add to Home Screen and export', async ({ page, groove: g }) => {
    await g.fresh();
    await g.nav('Data');
    await expect(page.getByTestId('safari')).toContainText('after seven days of browsing without a visit');
    await expect(page.getByTestId('safari')).toContainText('Add to Home Screen');
    await expect(page.getByTestId('backup').getByRole('button', { name: 'Export my data' })).toBeVisible();
  });
});

test('other browsers are not told about Safari', async ({ page, groove: g }) => {
  await g.fresh();
  await g.nav('Data');
  await expect(page.getByTestId('safari')).toHaveCount(0);
});

// An outside view with links alone: a seller asks, a manager in another browser answers
// about the seller, the seller keeps the reply and sees both views side by side.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, bank, rawFor, rateByMouse } from './groove.mjs';

const axeClean = async (page) => {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
};

// The seller sees discipline as their weak habit; the manager sees effort, and sees
// prospecting three steps less healthy than the seller does.
const sellerHealth = (c) => (c === 'discipline' ? 2 : 4);
const managerHealth = (item) => (item.id === 'effort-prospecting' ? 1 : item.cause === 'effort' ? 2 : 4);

test('a seller and a manager in two browsers complete the round trip, by keyboard', async ({ page, groove: g, browser }) => {
  await g.fresh();
  await g.takeOne(sellerHealth);

  // The seller makes a request link: names as typed, nothing of their answers.
  const ask = page.getByTestId('ask');
  await ask.getByLabel(/Your first name/).fill('Sam');
  await ask.getByLabel(/Their name/).fill('Dana');
  await ask.getByRole('button', { name: 'Make a request link' }).click();
  const request = await page.getByTestId('ask-link').inputValue();
  expect(request).toMatch(/^http:\/\/127\.0\.0\.1:4173\/(index\.html)?#ask=q1\./);
  // Exactly what the rater needs, and nothing of the seller's answers: the request id, the
  // bank, its items' fingerprint, no coach's address, the two names, the check.
  const fields = new URL(request).hash.slice('#ask='.length).split('.');
  const text = (f) => Buffer.from(f, 'base64url').toString('utf8');
  expect(fields).toHaveLength(8);
  expect(fields[0]).toBe('q1');
  expect(fields[1]).toMatch(/^[0-9a-f]{8}$/);
  expect([text(fields[2]), text(fields[4]), text(fields[5]), text(fields[6])]).toEqual([bank.id, '', 'Sam', 'Dana']);
  expect(fields[3]).toMatch(/^[0-9a-f]{8}$/);
  expect(fields[7]).toMatch(/^[0-9a-f]{8}$/);

  // The seller opening their own request is told to send it on.
  await page.goto(request);
  await expect(page.getByTestId('own-request')).toContainText('a request you made');

  // The manager, in a browser of their own (no shared storage), answers by keyboard.
  const managerContext = await browser.newContext({ viewport: page.viewportSize() });
  const manager = await managerContext.newPage();
  await manager.goto(request);
  await expect(manager.locator('#rate-title')).toHaveText('Sam asked for your view of their work');
  await expect(manager.locator('#rate-title')).toBeFocused();
  await axeClean(manager);
  // A visitor: no menu to lose their answers by, nothing said about a storage they do not use.
  await expect(manager.getByRole('navigation')).toHaveCount(0);
  await expect(manager.getByText('Saved on this device')).toHaveCount(0);
  await expect(manager.locator('footer')).toContainText('nothing you answer here is kept');
  await manager.keyboard.press('Tab');
  await expect(manager.getByRole('button', { name: 'Begin' })).toBeFocused();
  await manager.keyboard.press('Enter');
  for (const [n, item] of bank.items.entries()) {
    await expect(manager.getByRole('progressbar')).toHaveAttribute('value', String(n + 1));
    await expect(manager.locator('fieldset legend')).toHaveText(item.text_other);
    if (n === 0) await axeClean(manager);
    if (item.id === 'training-grow') {
      await manager.getByLabel("I can't judge this").check();
    } else {
      const value = rawFor(item.id, managerHealth(item));
      await manager.locator(`input[name="rate-${item.id}"][value="${value}"]`).focus();
      await manager.keyboard.press('Space');
    }
    await manager.keyboard.press('Enter');
  }
  await expect(manager.locator('#rate-title')).toHaveText('Your reply is ready');
  await axeClean(manager);
  const reply = await manager.getByTestId('reply-link').inputValue();
  expect(reply).toMatch(/#reply=a1\./);
  // The manager's browser kept nothing of theirs.
  expect(await manager.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  await managerContext.close();

  // The seller opens the reply: whose view, which result; kept only on consent.
  await page.goto(reply);
  await expect(page.locator('#reply-title')).toHaveText("Dana's view of your work");
  await expect(page.getByTestId('reply-target')).toContainText('your result of');
  expect(JSON.parse(await page.evaluate(() => localStorage.getItem('groove'))).profiles[0].results[0].raters).toBeUndefined();
  await axeClean(page);
  await page.getByRole('button', { name: 'Keep it with that result' }).click();

  // Self against outside: both scores, the disagreement, the blind spot first.
  const outside = page.getByTestId('outside');
  await expect(outside).toContainText('Dana answered the same habits about you.');
  await expect(page.getByTestId('outside-disagrees')).toContainText('You point to Discipline');
  const blind = page.getByTestId('blind-spots').locator('li');
  const prospecting = bank.items.find((i) => i.id === 'effort-prospecting');
  await expect(blind.first()).toContainText(prospecting.habit);
  await expect(page.getByTestId('talk-first')).toContainText(prospecting.habit);
  await expect(page.getByTestId('manager-talk-first')).toContainText(prospecting.habit);
  await axeClean(page);
  await page.reload();
  await expect(page.getByTestId('outside')).toBeVisible();
  // The plan screen starts from the same blind spot.
  await page.getByRole('navigation').getByRole('button', { name: 'Plan', exact: true }).click();
  await expect(page.getByTestId('talk-first')).toContainText(prospecting.habit);
  await page.getByRole('navigation').getByRole('button', { name: 'History', exact: true }).click();
  await page.locator('main').getByRole('button', { name: 'Open', exact: true }).first().click();
  await expect(page.getByTestId('outside')).toBeVisible();

  // Opened twice, the same reply is kept once; it can be removed.
  await page.goto(reply);
  await expect(page.getByTestId('reply-summary')).toHaveText('This view is already kept with that result.');
  await page.getByRole('button', { name: 'Open the result' }).click();
  await page.getByRole('button', { name: "Remove Dana's view" }).click();
  await expect(page.getByTestId('outside')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('groove')).profiles[0].results[0].raters)).toBeUndefined();
});

test('a damaged request or reply says why and changes nothing', async ({ page, groove: g }) => {
  await g.fresh();
  await g.takeOne(sellerHealth);
  const before = await page.evaluate(() => localStorage.getItem('groove'));
  await page.getByTestId('ask').getByRole('button', { name: 'Make a request link' }).click();
  const request = await page.getByTestId('ask-link').inputValue();
  const edited = request.replace(/\.([0-9a-f]{8})$/, (_, c) => `.${c[0] === '0' ? '1' : '0'}${c.slice(1)}`);
  // Pasted into the tab already showing Groove (the fragment changes in place), then opened afresh.
  await page.goto(edited);
  await expect(page.getByTestId('rate-error')).toContainText('changed after it was made');
  await page.goto('about:blank');
  await page.goto(edited);
  await expect(page.getByTestId('rate-error')).toContainText('changed after it was made');
  await page.goto('about:blank');
  await page.goto('./#reply=a1.00000000.Z3Jvb3ZlLTI.00000000..1234.deadbeef');
  await expect(page.getByTestId('reply-error')).toContainText('was changed after it was made');
  await axeClean(page);
  expect(await page.evaluate(() => localStorage.getItem('groove'))).toBe(before);
});

test("a request made with a coach's questions opens with them, even copied without its address", async ({ page, groove: g, browser }) => {
  await page.goto('./?bank=test-banks/coach.json');
  await g.takeOne(sellerHealth);
  await page.getByTestId('ask').getByRole('button', { name: 'Make a request link' }).click();
  const request = new URL(await page.getByTestId('ask-link').inputValue());
  expect(request.searchParams.get('bank')).toBe('test-banks/coach.json');
  // The address lost on the way (a chat app dropped it): the request still says where its bank lives.
  request.search = '';
  const rater = await (await browser.newContext({ viewport: page.viewportSize() })).newPage();
  await rater.goto(request.toString());
  await expect(rater.locator('#rate-title')).toHaveText('Someone asked for your view of their work');
  expect(new URL(rater.url()).searchParams.get('bank')).toBe('test-banks/coach.json');
  await rater.context().close();
});

test("a rater who gives the same answer to everything is left out, said plainly", async ({ page, groove: g, browser }) => {
  await g.fresh();
  await g.takeOne(sellerHealth);
  await page.getByTestId('ask').getByRole('button', { name: 'Make a request link' }).click();
  const request = await page.getByTestId('ask-link').inputValue();
  // "Often" or "Agree" on every statement, whichever way it is worded.
  const reply = await rateByMouse(browser, request, () => 4, page.viewportSize());
  await page.goto(reply);
  await page.getByRole('button', { name: 'Keep it with that result' }).click();
  await expect(page.getByTestId('set-aside')).toContainText('left out of the comparison: almost every answer was the same');
  // Nothing is claimed from it: no blind spot, no score from outside, nothing to talk about first.
  await expect(page.getByTestId('blind-spots')).toHaveCount(0);
  await expect(page.getByTestId('talk-first')).toHaveCount(0);
  await expect(page.getByTestId('outside-scores')).toHaveCount(0);
  await axeClean(page);
});

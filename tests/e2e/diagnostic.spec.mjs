// The diagnostic end to end, as a person takes it: by keyboard only, by mouse, with a
// reload in the middle, and the result found again after a reload.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, bank, causeName, rawFor } from './groove.mjs';

const weakDiscipline = (cause) => (cause === 'discipline' ? 1 : cause === 'training' ? 4 : 5);

async function noAxeViolations(page, where) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

test.describe('before the wasm arrives', () => {
  // No service worker, so holding the wasm back below cannot be undone by its cache.
  test.use({ serviceWorkers: 'block' });
  test('index.html paints the first screen, where the app then shows it', async ({ page, groove: g }) => {
    await g.fresh();
    const seen = async (root) => ({
      heading: await page.locator(`${root} h1`).innerText(),
      lead: await page.locator(`${root} .lead`).innerText(),
      nav: await page.locator(`${root} nav`).innerText(),
      boxes: await Promise.all(['h1', '.lead', 'nav'].map((s) => page.locator(`${root} ${s}`).boundingBox())),
    });
    const app = await seen('.shell:has(#main)');
    await expect(page.locator('#placeholder')).toHaveCount(0);
    // The same page with the wasm held back: only the placeholder, which must match.
    await page.route('**/*.wasm', (route) => route.abort());
    await page.reload();
    await expect(page.locator('#placeholder h1')).toBeVisible();
    await page.waitForTimeout(300);
    await expect(page.locator('#main')).toHaveCount(0);
    expect(await seen('#placeholder')).toEqual(app);
  });
});

test('the whole diagnostic by keyboard only', async ({ page, groove: g }) => {
  await g.fresh();
  // Focus starts on the heading; the first Tab reaches the start button.
  await page.keyboard.press('Tab');
  await expect(g.startButton()).toBeFocused();
  await page.keyboard.press('Enter');

  for (let guard = 0; guard < 80 && !(await g.onResult().isVisible()); guard++) {
    await expect(page.locator('legend h2')).toBeFocused();
    const name = await g.currentItem();
    if (name) {
      const item = bank.items.find((i) => i.id === name);
      const value = item ? rawFor(name, weakDiscipline(item.cause)) : 2;
      await page.keyboard.press('Tab'); // into the radio group, on the first radio
      await page.keyboard.press('Space'); // choose it
      for (let i = 1; i < value; i++) await page.keyboard.press('ArrowDown');
      await expect(page.locator(`input[name="${name}"]`).nth(value - 1)).toBeChecked();
      await page.keyboard.press('Enter');
    } else if (await page.locator('fieldset input[type=checkbox]').count()) {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await expect(page.locator('fieldset input[type=checkbox]').first()).toBeChecked();
      await page.keyboard.press('Enter');
    } else if (await page.locator('#numbers-now-0').count()) {
      // Your numbers: a week now, a week in the best month, deal size and target, typed field by field.
      for (const value of ['6', '3', '2', '1', '10', '5', '3', '1', '5 000', '20,000']) {
        await page.keyboard.press('Tab');
        await page.keyboard.type(value);
      }
      for (let i = 0; i < 5; i++) {
        await page.keyboard.press('Tab');
        if (await g.submit().evaluate((b) => b === document.activeElement)) break;
      }
      await expect(g.submit()).toBeFocused();
      await page.keyboard.press('Enter');
    } else {
      // Where deals stall: choose a stage for the first two deals, then Tab to the button.
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown');
      await expect(page.getByTestId('stall-verdict')).toBeVisible();
      for (let i = 0; i < 20; i++) {
        if (await page.locator('button[type=submit]').evaluate((b) => b === document.activeElement)) break;
        await page.keyboard.press('Tab');
      }
      await expect(page.locator('button[type=submit]')).toBeFocused();
      await page.keyboard.press('Enter');
    }
  }
  await expect(g.onResult()).toHaveText(`What holds you back most: ${causeName.discipline}`);
  // The numbers check the answers: outreach "as high as my best months", but 6 of 10 conversations.
  await expect(page.getByTestId('activity-vs-best')).toContainText(/60\s%/);
  await expect(page.getByTestId('disagree').first()).toContainText(/60\s% of a week in your best month/);
  await expect(page.getByTestId('needed')).toContainText('a day');
  // So effort, healthy by the answers alone, is no strength: it joins the plan, led by the
  // daily number, and the certainty says the numbers disagree.
  await expect(page.getByTestId('strengths')).not.toContainText(causeName.effort);
  await expect(page.getByTestId('plan')).toContainText(/conversations a week reach your target: about \d+ a day/);
  await expect(page.getByTestId('plan')).not.toContainText('Set a daily activity number');
  await expect(page.getByTestId('confidence')).toContainText('your numbers disagree');
  // Keyboard answering this fast is faster than anyone reads: the result says so.
  await expect(page.getByTestId('flags')).toContainText('faster than they can be read');
});

test('reload in the middle resumes at the same question with every answer', async ({ page, groove: g }) => {
  await g.fresh();
  await g.start();
  // Answer the three slump facts and three skills questions.
  for (let i = 0; i < 6; i++) {
    await g.answers().nth(i % 2).check();
    await g.submit().click();
  }
  const question = await g.legend().textContent();
  const name = await g.currentItem();
  await page.locator(`input[name="${name}"][value="2"]`).check();
  await expect(g.saveStatus()).toHaveText('Saved on this device');

  await page.reload();
  await expect(g.legend()).toHaveText(question);
  await expect(page.locator(`input[name="${name}"][value="2"]`)).toBeChecked();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.locator('fieldset input:checked')).toHaveCount(1);
  await expect(page.getByText(/Part 2 of \d+/)).toBeVisible();
});

test('finish by mouse, then the result is there after a reload', async ({ page, groove: g }) => {
  await g.fresh();
  await g.start();
  await g.takeWithMouse(weakDiscipline);
  await expect(g.onResult()).toHaveText(`What holds you back most: ${causeName.discipline}`);
  await expect(page.getByTestId('pattern')).toHaveAttribute('data-pattern', 'single');
  // The chart is keyed by cause id, and the discipline bar is the critical one.
  await expect(page.locator('[data-testid=score-chart] g[data-cause=discipline] rect.critical')).toHaveCount(1);
  await expect(page.locator('table')).toContainText(causeName.feedback);
  await expect(page.getByRole('heading', { name: 'Your plan' })).toBeVisible();
  await expect(page.getByText('Next 7 days')).toBeVisible();
  await expect(page.getByTestId('stall-verdict')).toHaveText(/Most of your deals stop at Discover/);
  await expect(page.getByRole('heading', { name: 'The stories, reframed' })).toBeVisible();

  await page.reload();
  await expect(g.onResult()).toHaveText(`What holds you back most: ${causeName.discipline}`);
});

test('start over asks first, then clears only the assessment in progress', async ({ page, groove: g }) => {
  await g.fresh();
  await g.start();
  await g.answers().first().check();
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByRole('button', { name: 'Keep them' }).click();
  await expect(g.answers().first()).toBeChecked();
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByRole('button', { name: 'Yes, clear my answers' }).click();
  await expect(g.startButton()).toBeVisible();
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('groove')).profiles[0].progress)).toBeNull();
});

test('no accessibility violations on any screen', async ({ page, groove: g }) => {
  await g.fresh();
  await noAxeViolations(page, 'welcome');
  await g.start();
  await noAxeViolations(page, 'fact question');
  let seenItem = false;
  let seenDeals = false;
  let seenStories = false;
  for (let guard = 0; guard < 80 && !(await g.onResult().isVisible()); guard++) {
    const name = await g.currentItem();
    const item = name && bank.items.find((i) => i.id === name);
    if (item && !seenItem) { seenItem = true; await page.locator(`input[name="${name}"]`).nth(2).check(); await noAxeViolations(page, 'agreement question'); }
    if (!name && !seenStories && (await page.locator('input[name=stories]').count())) { seenStories = true; await noAxeViolations(page, 'stories'); }
    if (!seenDeals && (await page.locator('#deal-1').count())) {
      seenDeals = true;
      await page.locator('#deal-1').selectOption('advise');
      await noAxeViolations(page, 'deals');
    }
    if (name) await page.locator(`input[name="${name}"]`).nth(1).check();
    await g.submit().click();
  }
  await expect(g.onResult()).toBeVisible();
  await noAxeViolations(page, 'result');
});

test('too few answers: the gaps screen names what is missing and leads back to it by keyboard', async ({ page, groove: g }) => {
  await g.fresh();
  await g.start();
  // Answer only the skills questions (all of them), and skip everything else.
  for (let guard = 0; guard < 80 && !(await page.getByTestId('gaps').isVisible()); guard++) {
    const name = await g.currentItem();
    const item = name && bank.items.find((i) => i.id === name);
    if (item && item.cause === 'training') await page.locator(`input[name="${name}"][value="${rawFor(name, 2)}"]`).check();
    await g.submit().click();
  }
  const gaps = page.getByTestId('gaps');
  await expect(page.locator('#gaps-title')).toBeFocused();
  await expect(gaps).toContainText(`${causeName.effort}: 0 of`);
  await expect(gaps).not.toContainText(`${causeName.training}:`);
  await noAxeViolations(page, 'gaps');

  // Keyboard: Tab to the first missing question, open it, answer it, and come back.
  const first = gaps.locator('ul.missing button').first();
  const firstItem = await first.getAttribute('data-item');
  for (let i = 0; i < 10 && !(await first.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('legend h2')).toBeFocused();
  expect(await g.currentItem()).toBe(firstItem);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page.locator(`input[name="${firstItem}"]`).first()).toBeChecked();
  await expect(g.submit()).toHaveText('Back to the missing questions');
  await page.keyboard.press('Enter');
  await expect(page.locator('#gaps-title')).toBeFocused();
  await expect(gaps.locator(`button[data-item="${firstItem}"]`)).toHaveCount(0);

  // The result, anyway: unclear, with what was not measured, and never "healthy".
  await gaps.getByTestId('anyway').click();
  await expect(g.onResult()).toHaveText('Not enough answers to tell');
  await expect(page.getByTestId('pattern')).toHaveAttribute('data-pattern', 'unclear');
  await expect(page.getByTestId('not-measured')).toContainText(causeName.effort);
  await expect(page.locator('article.result')).not.toContainText(/look healthy|look outward/i);
  await noAxeViolations(page, 'unclear result');
});

test('every scored question offers "doesn\'t apply", which counts as neither', async ({ page, groove: g }) => {
  await g.fresh();
  await g.start();
  for (let guard = 0; guard < 10 && !(await g.currentItem())?.startsWith('training-'); guard++) await g.submit().click();
  const name = await g.currentItem();
  const na = page.locator(`input[name="${name}"][value="na"]`);
  await expect(page.getByLabel(bank.not_applicable)).toHaveCount(1);
  await na.check();
  await expect(g.submit()).toHaveText('Next');
  await g.submit().click();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(na).toBeChecked();
});

test('the numbers step is optional, names what it cannot use, and leaves it out', async ({ page, groove: g }) => {
  await g.fresh();
  await g.start();
  for (let guard = 0; guard < 80 && !(await page.locator('#numbers-now-0').count()); guard++) await g.submit().click();
  await expect(page.locator('legend h2')).toBeFocused();
  await expect(g.submit()).toHaveText('See my result');
  await page.locator('#numbers-now-0').fill('-3');
  await page.locator('#numbers-now-1').focus();
  await expect(page.locator('#numbers-now-0')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'Conversations with buyers' })).toContainText('left out');
  await page.locator('#numbers-now-0').fill('12');
  await page.locator('#numbers-now-1').focus();
  await expect(page.locator('#numbers-now-0')).not.toHaveAttribute('aria-invalid', 'true');
  await noAxeViolations(page, 'numbers');
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('groove')).profiles[0].progress.responses.numbers)).toEqual({ now: { conversations: 12, meetings: 0, proposals: 0, won: 0 } });
});

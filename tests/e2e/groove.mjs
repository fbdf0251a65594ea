// A page object for Groove: one place that knows how the screens look to a user, given to
// every spec as the `groove` fixture. Specs import `test` and `expect` from here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';

export { expect };

export const bank = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'core', 'bank', 'default.json'), 'utf8'));
export const causeName = Object.fromEntries(bank.causes.map((c) => [c.id, c.name]));
const items = Object.fromEntries(bank.items.map((i) => [i.id, i]));

/** The raw 1..5 answer that gives `health` (1..5) on an item, honouring its key. */
export function rawFor(itemId, health) {
  return items[itemId].reverse ? 6 - health : health;
}

/**
 * Someone who sees the seller's work, in a browser of their own (no shared storage): opens
 * `request`, answers every scored item by mouse with `rawOf(item)` (the raw 1..5 on the
 * item's own scale), and returns the reply link. Their browser is closed after.
 */
export async function rateByMouse(browser, request, rawOf, viewport) {
  const context = await browser.newContext({ viewport });
  const rater = await context.newPage();
  await rater.goto(request);
  await rater.getByRole('button', { name: 'Begin' }).click();
  for (const item of bank.items) {
    await rater.locator(`input[name="rate-${item.id}"][value="${rawOf(item)}"]`).check();
    await rater.locator('form button[type=submit]').click();
  }
  const reply = await rater.getByTestId('reply-link').inputValue();
  await context.close();
  return reply;
}

export class Groove {
  /** `page` is a Playwright Page or Frame (the widget's frame, a second tab). */
  constructor(page) {
    this.page = page;
  }

  /** The same page object on another page or frame. */
  on(pageOrFrame) {
    return new Groove(pageOrFrame);
  }

  async open(path = './') {
    await this.page.goto(path);
    // #main is the app's; index.html's placeholder shows the same heading before it loads.
    await expect(this.page.locator('#main').locator('h1, legend h2').first()).toBeVisible();
  }

  async fresh() {
    await this.page.goto('./');
    await this.page.evaluate(() => localStorage.clear());
    await this.open();
  }

  /** The welcome screen's button that begins an assessment. */
  startButton() {
    return this.page.getByRole('button', { name: 'Start the diagnostic' });
  }

  async start() {
    await this.startButton().click();
  }

  /** Goes to a screen by its name in the navigation. */
  async nav(name) {
    await this.page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
  }

  /** Every input of the current step (radios or checkboxes). */
  answers() {
    return this.page.locator('fieldset input');
  }

  saveStatus() {
    return this.page.getByTestId('save-status');
  }

  submit() {
    return this.page.locator('form button[type=submit]');
  }

  legend() {
    return this.page.locator('fieldset legend');
  }

  /** The id of the current question's radio group, or null for other steps. */
  async currentItem() {
    const radio = this.page.locator('fieldset input[type=radio]').first();
    if ((await radio.count()) === 0) return null;
    return radio.getAttribute('name');
  }

  onResult() {
    return this.page.getByTestId('headline');
  }

  /**
   * Answers every step with the mouse (click), until the result shows.
   * `healthOf(cause)` gives the health (1..5) wanted for each cause's items.
   */
  async takeWithMouse(healthOf, { deals = ['discover', 'discover', 'close', 'grow', 'connect'], stories = ['leads'] } = {}) {
    const page = this.page;
    for (let guard = 0; guard < 80; guard++) {
      if (await this.onResult().isVisible()) return;
      const name = await this.currentItem();
      if (name && items[name]) {
        const value = rawFor(name, healthOf(items[name].cause));
        await page.locator(`input[name="${name}"][value="${value}"]`).check();
      } else if (name === bank.self_talk.id) {
        await page.locator(`input[name="${name}"][value="4"]`).check();
      } else if (name) {
        await page.locator(`input[name="${name}"]`).nth(1).check();
      } else if (await page.locator('input[name=stories]').count()) {
        for (const s of stories) await page.locator(`input[name=stories][value="${s}"]`).check();
      } else if (await page.locator('select#deal-1').count()) {
        for (const [i, stage] of deals.entries()) await page.locator(`#deal-${i + 1}`).selectOption(stage);
      } else if (await page.locator('fieldset input[type=checkbox]').count()) {
        await page.locator('fieldset input[type=checkbox]').first().check();
      }
      await this.submit().click();
    }
    throw new Error('the diagnostic did not reach a result');
  }

  /** Takes one whole diagnostic from the home or result screen, until its result shows. */
  async takeOne(healthOf) {
    await this.page.getByRole('button', { name: /Start the diagnostic|Take the diagnostic again/ }).first().click();
    await this.takeWithMouse(healthOf);
    await expect(this.onResult()).toBeVisible();
  }

  /** Clicks `trigger` (a locator) and returns the download it starts. */
  async download(trigger) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), trigger.click()]);
    return download;
  }

  /** Opens Data, exports everything, and returns the parsed file. */
  async exportEverything() {
    await this.nav('Data');
    const download = await this.download(this.page.getByRole('button', { name: 'Export everything' }));
    return JSON.parse(readFileSync(await download.path(), 'utf8'));
  }
}

/**
 * The text of a PDF, one string per page, as pdf.js (an independent parser from npm, not
 * the browser that printed it) reads it. Runs of white space are one space.
 */
export async function pdfText(pdf) {
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: VerbosityLevel.ERRORS }).promise;
  try {
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const { items } = await (await doc.getPage(n)).getTextContent();
      pages.push(items.map((i) => `${i.str}${i.hasEOL ? ' ' : ''}`).join('').replace(/\s+/g, ' ').trim());
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Playwright's `test`, with `groove`: the page object on the test's page. */
export const test = base.extend({
  groove: async ({ page }, use) => {
    await use(new Groove(page));
  },
});

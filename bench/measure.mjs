// The browser side of `cargo xtask bench`: Debian's headless Chromium (never a downloaded
// browser), driven by Playwright against a site served on loopback. It writes raw samples as
// JSON; xtask/src/bench.rs turns them into medians, percentiles and the printed table.
//
//   node bench/measure.mjs --url http://127.0.0.1:4390/ --runs 10 --out target/bench-browser.json
//
// Every timing is taken inside the page with performance.now() and requestAnimationFrame, so
// Playwright's own round trips are never counted:
// - "dom": from the input event's timestamp until the DOM has changed (the app's work);
// - "paint": until the frame after that change has been produced (rAF, then a task).
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Groove, bank, rawFor } from '../tests/e2e/groove.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const url = args.url || 'http://127.0.0.1:4390/';
const runs = Number(args.runs || 10);
const out = args.out || 'target/bench-browser.json';
const RESULTS = 1000;
const REVIEWS = 365;
// The team view's case (issue: a manager with 5 reps, 200 results each, rendered in 100 ms).
const REPS = 5;
const RESULTS_PER_REP = 200;

const launchOptions = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
};
// A phone: the audience's device (layout only; the CPU is this machine's).
// Every measured visit is a first visit: the service worker (which precaches the whole build
// after load) is blocked so it cannot compete with what is being timed.
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, serviceWorkers: 'block' };

/**
 * Runs in the page before its own scripts. `autoStart` is the text of the button that leads
 * to the first question (the seller's "Start the diagnostic", a rater's "Begin"), pressed
 * the moment it exists; null on the paths that click for themselves.
 */
function instrument({ autoStart }) {
  const b = (window.__bench = { ready: null, firstQuestionDom: null, firstQuestionPaint: null, clicks: [], pending: 0, events: [] });
  const afterFrame = (cb) => requestAnimationFrame(() => setTimeout(cb, 0));
  let pressed = false;
  new MutationObserver(() => {
    // #main is the app's own; index.html's placeholder paints the same heading before it.
    if (b.ready === null && document.querySelector('#main h1, #main h2')) b.ready = performance.now();
    if (autoStart && !pressed) {
      // The cold-load path: press Start the moment it exists, as an impatient person would.
      const start = [...document.querySelectorAll('main button')].find((x) => x.textContent.includes(autoStart));
      if (start) {
        pressed = true;
        setTimeout(() => start.click(), 0);
      }
    }
    if (pressed && b.firstQuestionDom === null && document.querySelector('main form fieldset input, main form fieldset select')) {
      b.firstQuestionDom = performance.now();
      afterFrame(() => { b.firstQuestionPaint = performance.now(); });
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });

  // Each click on a control: how long until the DOM changed, and until the next frame.
  document.addEventListener('click', (e) => {
    if (!e.isTrusted) return;
    const el = e.target.closest && e.target.closest('button, input, select, a');
    if (!el) return;
    const submit = el.matches('form button[type=submit]');
    const kind = submit && /result/i.test(el.textContent) ? 'finish' : submit ? 'next'
      : el.matches('input[type=radio], input[type=checkbox]') ? 'answer'
        : el.closest('nav') ? 'nav' : 'other';
    const rec = { kind, label: (el.textContent || el.value || '').trim().slice(0, 40), dom: null, paint: null };
    const t0 = e.timeStamp;
    b.clicks.push(rec);
    b.pending++;
    const seen = new MutationObserver(() => {
      if (rec.dom === null) rec.dom = performance.now() - t0;
      seen.disconnect();
    });
    seen.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    afterFrame(() => {
      rec.paint = performance.now() - t0;
      seen.disconnect();
      b.pending--;
    });
  }, true);

  // The browser's own view (Event Timing; only interactions of 16 ms or more are reported).
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.interactionId) b.events.push({ name: e.name, duration: e.duration, processing: e.processingEnd - e.processingStart });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch { /* no Event Timing here */ }
}

const settle = (page) => page.waitForFunction(() => window.__bench && window.__bench.pending === 0, null, { timeout: 10_000 });
const read = (page) => page.evaluate(() => window.__bench);

/** A first visit to `target` on a phone, pressing `start` as soon as it shows. */
async function coldLoad(browser, withRequests, target = url, start = 'Start the diagnostic') {
  const context = await browser.newContext(phone);
  await context.addInitScript(instrument, { autoStart: start });
  const page = await context.newPage();
  const requests = [];
  if (withRequests) {
    page.on('requestfinished', async (req) => {
      // A request can finish as the context closes (the service worker's precache, say).
      try {
        const res = await req.response();
        const sizes = await req.sizes();
        requests.push({
          path: new URL(req.url()).pathname,
          status: res ? res.status() : 0,
          encoding: res ? res.headers()['content-encoding'] || '' : '',
          transfer: sizes.responseBodySize + sizes.responseHeadersSize,
        });
      } catch { /* closed: not part of this load */ }
    });
  }
  await page.goto(target);
  await page.waitForFunction(() => window.__bench.firstQuestionPaint !== null, null, { timeout: 30_000 });
  const sample = await page.evaluate(() => {
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));
    const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
    const b = window.__bench;
    return {
      first_paint: paint['first-paint'] ?? null,
      first_contentful_paint: paint['first-contentful-paint'] ?? null,
      wasm_loaded: wasm ? wasm.responseEnd : null,
      ready: b.ready,
      first_question_dom: b.firstQuestionDom,
      first_question_paint: b.firstQuestionPaint,
    };
  });
  await context.close();
  return { sample, requests };
}

const healthOf = (cause) => ({ training: 4, effort: 3, discipline: 1, feedback: 5 })[cause] ?? 3;

/**
 * A whole diagnostic by mouse, waiting after each click until its frame is measured; then,
 * from the result, a rating request link made as a seller makes one (null if there is no
 * way to ask yet).
 */
async function diagnostic(browser) {
  const context = await browser.newContext(phone);
  await context.addInitScript(instrument, { autoStart: null });
  const page = await context.newPage();
  await page.goto(url);
  const g = new Groove(page);
  await page.getByRole('button', { name: 'Start the diagnostic' }).click();
  await settle(page);
  const items = Object.fromEntries(bank.items.map((i) => [i.id, i]));
  let steps = 0;
  for (; steps < 200; steps++) {
    if (await g.onResult().count()) break;
    const name = await g.currentItem();
    if (name) {
      const value = items[name] ? rawFor(name, healthOf(items[name].cause)) : 2;
      const radio = page.locator(`main form input[name="${name}"][value="${value}"]`);
      await ((await radio.count()) ? radio : page.locator(`main form input[name="${name}"]`).nth(1)).check();
      await settle(page);
    } else if (await page.locator('main form fieldset input[type=checkbox]').count()) {
      await page.locator('main form fieldset input[type=checkbox]').first().check();
      await settle(page);
    } else {
      const selects = page.locator('main form select');
      for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption({ index: 1 + (i % 3) });
    }
    await g.submit().click();
    await settle(page);
  }
  if (!(await g.onResult().count())) throw new Error('the diagnostic did not reach a result');
  const b = await read(page);
  const stored = await page.evaluate(() => localStorage.getItem('groove'));
  let askLink = null;
  const ask = page.locator('[data-testid=ask]');
  if (await ask.count()) {
    await ask.getByRole('button', { name: 'Make a request link' }).click();
    askLink = await page.locator('[data-testid=ask-link]').inputValue({ timeout: 10_000 });
  }
  await context.close();
  return { steps, clicks: b.clicks, events: b.events, stored, askLink };
}

const DAY = 86_400_000;
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * `count` copies of `sample` (a stored result), a day apart and ending on its own day, with
 * realistic answer timings (seconds, not the milliseconds a robot takes) and scores varied
 * by their index and by `salt` (so that each rep of a team differs).
 */
function copies(sample, count, salt = 0) {
  const last = sample.finished_at;
  const results = [];
  for (let i = 0; i < count; i++) {
    const r = structuredClone(sample);
    r.finished_at = last - (count - 1 - i) * DAY;
    r.id = `r-${r.finished_at}`;
    for (const [k, cause] of Object.keys(r.scores).entries()) {
      if (r.scores[cause] !== null) r.scores[cause] = (r.scores[cause] + 17 * i + 29 * k + 41 * salt) % 101;
    }
    const timings = r.timings || (r.responses && r.responses.timings) || {};
    for (const [k, id] of Object.keys(timings).entries()) timings[id] = 2_500 + ((i * 7919 + k * 104_729 + salt * 613) % 9_000);
    results.push(r);
  }
  return results;
}

/** The profile in use of a stored document (a document from before profiles is its own). */
const activeProfile = (doc) => (Array.isArray(doc.profiles) ? doc.profiles.find((p) => p.id === doc.active) || doc.profiles[0] : doc);

/**
 * The stored document with RESULTS finished assessments and REVIEWS daily reviews, each
 * result a copy of the one the diagnostic above stored.
 */
function bigDocument(stored) {
  const doc = JSON.parse(stored);
  const profile = activeProfile(doc);
  const sample = profile.results[0];
  const last = sample.finished_at;
  const results = copies(sample, RESULTS);
  const reviews = [];
  for (let d = 0; d < REVIEWS; d++) {
    const day = last - (REVIEWS - 1 - d) * DAY;
    reviews.push({
      day: isoDay(day), followed: ['yes', 'partly', 'no'][d % 3], worked: 'Called the three warmest leads before ten',
      change: 'Block an hour for follow-ups', note: d % 5 ? '' : 'Slow day; two meetings moved.', saved_at: day + 18 * 3_600_000,
    });
  }
  const bytes = (v) => Buffer.byteLength(JSON.stringify(v));
  const emptyProfile = { ...profile, results: [], reviews: [] };
  const withoutResults = bytes(Array.isArray(doc.profiles) ? { ...doc, progress: undefined, profiles: doc.profiles.map((p) => (p === profile ? emptyProfile : p)) } : emptyProfile);
  profile.results = results;
  profile.progress = null;
  if (Array.isArray(doc.profiles)) profile.reviews = reviews;
  return {
    json: JSON.stringify(doc),
    results: results.length,
    reviews: Array.isArray(doc.profiles) ? reviews.length : 0,
    bytes_per_result: results.reduce((n, r) => n + bytes(r), 0) / results.length,
    bytes_per_review: reviews.reduce((n, r) => n + bytes(r), 0) / reviews.length,
    document_bytes: Buffer.byteLength(JSON.stringify(doc)),
    document_bytes_without_results: withoutResults,
  };
}

/**
 * A manager's device: REPS profiles ("Rep 1".., ids p1..), RESULTS_PER_REP results each,
 * copied from the diagnostic's one (null if the stored document has no profiles).
 */
function teamDocument(stored) {
  const doc = JSON.parse(stored);
  if (!Array.isArray(doc.profiles)) return null;
  const sample = activeProfile(doc).results[0];
  doc.profiles = Array.from({ length: REPS }, (_, p) => ({
    id: `p${p + 1}`,
    name: `Rep ${p + 1}`,
    progress: null,
    results: copies(sample, RESULTS_PER_REP, p + 1),
    done: {},
    reviews: [],
  }));
  doc.active = 'p1';
  return JSON.stringify(doc);
}

/** A new phone context at the app with `json` stored (or nothing), ready (HTTP cache warm). */
async function loadWith(browser, json) {
  const context = await browser.newContext(phone);
  await context.addInitScript(instrument, { autoStart: null });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.ready !== null);
  if (json) await page.evaluate((v) => localStorage.setItem('groove', v), json);
  await page.reload();
  await page.waitForFunction(() => window.__bench.ready !== null, null, { timeout: 30_000 });
  return { context, page };
}

/** The last click the instrument timed. */
const lastClick = async (page) => {
  const clicks = (await read(page)).clicks;
  return clicks[clicks.length - 1];
};

/** Loads the app (HTTP cache warm) with `json` stored, or nothing; then opens History. */
async function storedLoad(browser, json) {
  const { context, page } = await loadWith(browser, json);
  const ready = (await read(page)).ready;
  const history = page.getByRole('navigation').getByRole('button', { name: 'History' });
  let open = null;
  if (await history.count()) {
    await history.click();
    await settle(page);
    const rows = await page.locator('main .result-row').count();
    open = { ...(await lastClick(page)), rows };
  }
  await context.close();
  return { ready, history: open };
}

/** Loads the app with the team's document stored, opens Data, then times the team view. */
async function teamLoad(browser, json) {
  const { context, page } = await loadWith(browser, json);
  await page.getByRole('navigation').getByRole('button', { name: 'Data', exact: true }).click();
  await settle(page);
  const button = page.locator('[data-testid=open-team]');
  let open = null;
  if (await button.count()) {
    await button.click();
    await settle(page);
    const rows = await page.locator('main [data-testid=team] tbody tr').count();
    open = { ...(await lastClick(page)), rows };
  }
  await context.close();
  return open;
}

/**
 * The widget on a coach's post on another origin (the next port, served from this process),
 * well below the fold: what it costs the host page before it is scrolled into view, then after.
 */
async function widget(browser) {
  const app = new URL(url);
  const embed = new URL('embed.js', app).href;
  const probe = await fetch(embed, { method: 'HEAD' }).catch(() => null);
  if (!probe || !probe.ok) return null;
  const host = `http://127.0.0.1:${Number(app.port) + 1}/post.html`;
  const words = '<p>Some of the coach\'s writing, long enough to push the widget well below the fold. '.repeat(4) + '</p>';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>A coach's post</title>
<script src="${embed}" defer></script></head><body><h1>A coach's post</h1>${words.repeat(40)}
<groove-diagnostic></groove-diagnostic><p>The end of the post.</p></body></html>`;
  const server = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise((ready) => server.listen(Number(app.port) + 1, '127.0.0.1', ready));
  try {
    return await widgetOn(browser, host, app);
  } finally {
    server.close();
  }
}

async function widgetOn(browser, host, app) {
  const context = await browser.newContext(phone);
  await context.addInitScript((hostUrl) => {
    if (location.href !== hostUrl) return; // the host page only, not the app in its frame
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  }, host);
  const page = await context.newPage();
  const requests = [];
  page.on('requestfinished', async (req) => {
    const u = new URL(req.url());
    if (u.origin !== app.origin) return;
    const sizes = await req.sizes();
    requests.push({ path: u.pathname, transfer: sizes.responseBodySize + sizes.responseHeadersSize });
  });
  await page.goto(host, { waitUntil: 'load' });
  await page.waitForTimeout(1_500); // anything lazy that would load without a scroll, loads now
  const before = requests.splice(0);
  const t0 = Date.now();
  await page.locator('groove-diagnostic').scrollIntoViewIfNeeded();
  const frame = page.frameLocator('groove-diagnostic iframe');
  await frame.locator('#main h1, #main h2').first().waitFor({ timeout: 30_000 });
  const shown = Date.now() - t0;
  await page.waitForTimeout(500);
  const after = requests.splice(0);
  const cls = await page.evaluate(() => window.__cls);
  await context.close();
  const sum = (list) => list.reduce((n, r) => n + r.transfer, 0);
  return {
    before: { requests: before.length, bytes: sum(before), files: before.map((r) => r.path) },
    after: { requests: after.length, bytes: sum(after) },
    shown_after_scroll_ms: shown,
    host_cls: cls,
  };
}

const browser = await chromium.launch(launchOptions);
try {
  const report = { chromium: browser.version(), url, runs };
  // The diagnostic first: it makes the rating request whose cold loads are compared with the
  // seller's, so the two kinds alternate and share whatever else the machine is doing.
  const d = await diagnostic(browser);
  report.diagnostic = { steps: d.steps, clicks: d.clicks, events: d.events };
  console.error(`bench: a whole diagnostic done (${d.steps} steps)${d.askLink ? ', a rating request made' : ''}`);

  const cold = [];
  const raterCold = [];
  for (let i = 0; i < runs; i++) {
    const { sample, requests } = await coldLoad(browser, i === 0);
    if (i === 0) report.requests = requests;
    cold.push(sample);
    if (d.askLink) raterCold.push((await coldLoad(browser, false, d.askLink, 'Begin')).sample);
  }
  report.cold = cold;
  report.rater_cold = raterCold;
  console.error(`bench: ${runs} cold loads done, ${raterCold.length} of a rating request`);

  const big = bigDocument(d.stored);
  const { json, ...facts } = big;
  const storage = { ...facts, load_empty: [], load_full: [], history_empty: [], history_full: [] };
  for (let i = 0; i < runs; i++) {
    const empty = await storedLoad(browser, null);
    const full = await storedLoad(browser, json);
    storage.load_empty.push(empty.ready);
    storage.load_full.push(full.ready);
    if (empty.history) storage.history_empty.push(empty.history);
    if (full.history) storage.history_full.push(full.history);
  }
  report.storage = storage;
  console.error(`bench: ${runs} loads with ${facts.results} stored results done`);

  const team = teamDocument(d.stored);
  report.team = { reps: REPS, results_per_rep: RESULTS_PER_REP, open: [] };
  for (let i = 0; team && i < runs; i++) {
    const open = await teamLoad(browser, team);
    if (open) report.team.open.push(open);
  }
  console.error(`bench: ${report.team.open.length} team views of ${REPS} reps x ${RESULTS_PER_REP} results done`);

  report.widget = await widget(browser);
  console.error(report.widget ? 'bench: the widget on a host page done' : 'bench: no embed.js, no widget measured');
  writeFileSync(out, JSON.stringify(report, null, 1));
} finally {
  await browser.close();
}

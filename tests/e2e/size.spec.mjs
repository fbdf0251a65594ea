// The size budget: sizes are deterministic, so this is a test. The first load is every
// file index.html pulls in before the first question can be answered.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { test, expect } from './groove.mjs';

const dist = join(import.meta.dirname, '..', '..', 'dist');
// The goal is 100 KB; until the app reaches it this ceiling holds today's size and may only go down.
// Measured 201,884 bytes brotli on 2026-11-24 (schema 3 without a reader for the old shape,
// no float printing). Issue 10 (the diagnosis tells the truth) added 25.6 KB, measured on
// 2026-11-27: the format-2 bank (34 items on two scales, tagged plan actions, manager
// guides, two stories) is 3.1 KB of it as brotli text; the rest is the code that validates
// it, judges the verdict, chooses the plan, and the gaps, verdict and guide views (227.5 KB).
// Issue 12 (nothing lost across browsers and deploys) added 9.3 KB: the hand-off codec and
// its screen, the backup nudge, the daily review reminder and the popup's Escape relay.
// Issue 13 (widgets that take data and callbacks, shared hooks) cost about 0.5 KB.
// Issue 11's numbers step (the form, its checks, the arithmetic and its display on the
// result, the seller's numbers in storage) added 11.1 KB, measured on 2026-11-27.
// Issue 11's team view (one sortable table of everyone on the device) added 4.8 KB.
// Issue 11's outside view added 23.2 KB, measured on 2026-11-27: the rater's third-person
// text for each item (about 0.6 KB brotli), the request and reply codecs, the comparison
// (blind spots, the outside verdict), schema 5, and four views: the rater's walk through
// the items, the reply screen, self against outside on the result, and the request form.
// twiggy names the rater's view (10.8 KB before compression) and the side-by-side view
// (10.1 KB) as the largest new functions.
// Keeping a rep's share link with that rep's profile (the choice on the shared view, the
// change, the "kept from a share link" note) added 1.2 KB.
// Then 0.7 KB more, measured step by step: naming every cause tied in the raters' view
// instead of one (0.2 KB), a rater's view merged into a result already on the device by an
// import or a hand-off (0.15 KB), and one card and one person choice shared by the four
// screens links open, as plain functions (0.3 KB; as components it was 1.8 KB).
// A review's fixes added 1.5 KB: the fingerprint of the bank's items in both links, a reply
// that judges nothing refused, a coach's request reopened with its bank, a reply whose
// result is gone said plainly, the manager's own sentence for the largest blind spot.
// A review's mends (one outside view per result, one diagnosis per finish, one reminder
// builder) moved it by 0.2 KB, to the ceiling: a memo of the widget's hand-off link would
// have cost 0.4 KB more, and was left out.
// Then 0.8 KB, measured on 2026-11-27: the team view stacked into labelled lines on phones
// (0.18 KB of CSS; the labels and table roles in the markup), a trend cell that says why it
// is empty, calendar reminders with a stable UID and a sequence, and the popup's dark theme
// (embed.js, outside this budget: 2.3 KB).
// Then 2.6 KB, measured on 2026-11-27, for a diagnosis the numbers and the raters can
// check: causes they contradict (never strengths, in the plan and the manager part, a
// headline and a certainty that say so), a rater's answers held to the seller's own
// response-quality rules and set aside with a sentence when they fail, the actions' words
// for someone who has a daily number (bank text), the rater's screen without the menu, and
// the seller's own request recognised.
// Then 2.0 KB, measured on 2026-11-27: which week each figure of the numbers comes from
// and this week against what the target needs (two sentences and their choice), what
// raters saw said even when they could not judge a cause, and the reply screen's sentence
// for a device that keeps several people.
// Then 3.1 KB, measured on 2026-11-27, from a second review's fixes: a contradicted cause
// named beside any verdict (not only "no cause"), rated by what the raters saw and kept out
// of "what you do best" with the blind spots; the team row and the shared view saying what
// the answers alone cannot; a view from raters who could not judge every cause said with
// what they could not judge; a screen with every rater set aside showing no comparison.
// Then 0.3 KB less, measured on 2026-11-27: the numbers worked out once per result (kept
// in the plan), one "A, B and C" for every sentence, the headline's contradiction said once.
// Today: 288,222 bytes (1 KB = 1,000 bytes): 188 KB above the goal.
const FIRST_LOAD_CEILING = 288_300;

function brotli(file) {
  return brotliCompressSync(readFileSync(join(dist, file)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

test('the first load stays within its brotli budget', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'sizes do not depend on the viewport');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // Relative references, with or without "./" (the manifest is written without); icons are
  // fetched late or by other devices, so they are not part of what the first question needs.
  const referenced = [...html.matchAll(/(?:href|src)="(?:\.\/)?([^":#?]+)"/g)].map((m) => m[1]);
  const isFile = (f) => statSync(join(dist, f), { throwIfNoEntry: false })?.isFile();
  const firstLoad = ['index.html', ...new Set(referenced.filter((f) => isFile(f) && !/\.(png|ico|svg|jpe?g|webp)$/.test(f)))];
  expect(firstLoad.some((f) => f.endsWith('.wasm'))).toBe(true);
  const sizes = Object.fromEntries(firstLoad.map((f) => [f, brotli(f)]));
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  console.log('first load, brotli bytes:', JSON.stringify(sizes), 'total', total);
  expect(total).toBeLessThanOrEqual(FIRST_LOAD_CEILING);
});

// The widget a coach embeds must cost a host page almost nothing. The build always makes
// it, so a missing file is a failure, never a skip.
const EMBED_CEILING = 3_000;

test('embed.js stays within 3 KB brotli', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'sizes do not depend on the viewport');
  expect(existsSync(join(dist, 'embed.js')), 'dist/embed.js is part of every build (cargo xtask dist)').toBe(true);
  const size = brotli('embed.js');
  console.log('embed.js, brotli bytes:', size);
  expect(size).toBeLessThanOrEqual(EMBED_CEILING);
});

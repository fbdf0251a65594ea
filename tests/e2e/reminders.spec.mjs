// Reminders that ring: the retake and the daily review files, read back by ical.js (an
// independent iCalendar parser from npm, not our own code).
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import ICAL from 'ical.js';
import { test, expect } from './groove.mjs';

const weakDiscipline = (c) => (c === 'discipline' ? 1 : 4);

/** A fresh start, then one whole diagnostic until its result shows. */
async function freshResult(g) {
  await g.fresh();
  await g.start();
  await g.takeWithMouse(weakDiscipline);
  await expect(g.onResult()).toBeVisible();
}

/** Downloads the file a button makes; returns its name and text. */
async function download(g, button) {
  const file = await g.download(button);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/** The file's shape as RFC 5545 asks (CRLF, 75-octet lines), then its one event as ical.js reads it. */
function readEvent(text) {
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
  const events = calendar.getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  const vevent = events[0];
  for (const prop of ['uid', 'dtstamp', 'dtstart', 'dtend', 'summary']) expect(vevent.getFirstPropertyValue(prop), prop).toBeTruthy();
  // It rings (a display alarm at the start) and leaves the person free.
  expect(vevent.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
  const alarms = vevent.getAllSubcomponents('valarm');
  expect(alarms).toHaveLength(1);
  expect(alarms[0].getFirstPropertyValue('action')).toBe('DISPLAY');
  expect(alarms[0].getFirstPropertyValue('description')).toBeTruthy();
  const trigger = alarms[0].getFirstPropertyValue('trigger');
  expect(trigger).toBeInstanceOf(ICAL.Duration);
  expect(Math.abs(trigger.toSeconds())).toBe(0);
  const event = new ICAL.Event(vevent);
  // Floating local time: the same wall-clock time wherever the person is.
  expect(event.startDate.isDate).toBe(false);
  expect(event.startDate.zone.tzid).toBe('floating');
  expect(event.endDate.compare(event.startDate)).toBe(1);
  return { vevent, event };
}

/** [year, month, day] `days` from today in the browser's own time zone. */
function localDay(page, days) {
  return page.evaluate((days) => {
    const d = new Date();
    d.setDate(d.getDate() + days);
    return [d.getFullYear(), d.getMonth() + 1, d.getDate()];
  }, days);
}

test('the retake reminder is a valid calendar file that rings on the morning of the day, 30 days on', async ({ page, groove }) => {
  await freshResult(groove);
  const file = await download(groove, page.getByRole('button', { name: 'Remind me to retake in 30 days' }));
  expect(file.name).toBe('groove-retake.ics');
  const unfolded = file.text.replace(/\r\n /g, '');
  for (const field of ['VERSION:2.0', 'PRODID:', 'BEGIN:VEVENT', 'UID:', 'DTSTAMP:', 'DTSTART:', 'SUMMARY:', 'END:VEVENT']) {
    expect(unfolded).toContain(field);
  }
  expect(unfolded).toContain('127.0.0.1');
  const { vevent, event } = readEvent(file.text);
  const start = event.startDate;
  expect([start.year, start.month, start.day]).toEqual(await localDay(page, 30));
  expect([start.hour, start.minute]).toEqual([9, 0]);
  expect(event.isRecurring()).toBe(false);
  expect(vevent.getFirstPropertyValue('url')).toContain('127.0.0.1');
});

test('the plan offers a daily review reminder at a chosen time, a recurring event with an alarm that opens the review', async ({ page, groove }) => {
  await freshResult(groove);
  await page.getByRole('button', { name: 'Track this plan' }).click();
  const time = page.getByLabel('Time of day');
  await expect(time).toHaveAttribute('type', 'time');
  await expect(time).toHaveValue('17:30');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  // No time: a clear message, no file.
  await time.fill('');
  let downloads = 0;
  page.on('download', () => downloads++);
  const remind = page.getByRole('button', { name: 'Remind me to review each day' });
  await remind.click();
  await expect(page.getByRole('alert')).toContainText('Choose a time first');
  expect(downloads).toBe(0);

  // By keyboard: the time, then Enter in the field submits.
  await time.fill('07:05');
  await time.focus();
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(file.suggestedFilename()).toBe('groove-daily-review.ics');
  await expect(page.getByTestId('remind-status')).toContainText('daily 07:05 reminder');
  await expect(page.getByRole('alert')).toHaveCount(0);
  const { vevent, event } = readEvent(readFileSync(await file.path(), 'utf8'));
  const rule = vevent.getFirstPropertyValue('rrule');
  expect(rule.freq).toBe('DAILY');
  expect(rule.count ?? null).toBe(null);
  expect(rule.until ?? null).toBe(null);
  const start = event.startDate;
  expect([start.year, start.month, start.day]).toEqual(await localDay(page, 0));
  expect([start.hour, start.minute]).toEqual([7, 5]);
  expect(event.endDate.subtractDate(start).toSeconds()).toBe(600);
  // The recurrence as a calendar expands it: the same time on the following days.
  const next = event.iterator();
  next.next();
  const second = next.next();
  expect([second.hour, second.minute, second.day]).toEqual([7, 5, (await localDay(page, 1))[2]]);

  // A new time downloaded later is the same event, at least as new (the sequence counts
  // minutes; core/src/ics.rs tests that it grows): a calendar replaces the 07:05 reminder
  // instead of adding a second one.
  await time.fill('18:00');
  const again = readEvent((await download(groove, remind)).text);
  expect(again.vevent.getFirstPropertyValue('uid')).toBe(vevent.getFirstPropertyValue('uid'));
  expect(again.vevent.getFirstPropertyValue('sequence')).toBeGreaterThanOrEqual(vevent.getFirstPropertyValue('sequence'));
  expect([again.event.startDate.hour, again.event.startDate.minute]).toEqual([18, 0]);

  // The link opens the review screen.
  const url = vevent.getFirstPropertyValue('url');
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4173\/.*#review$/);
  const opened = await page.context().newPage();
  await opened.goto(url);
  await expect(opened.getByRole('heading', { level: 1, name: 'End-of-day review' })).toBeVisible();
  expect(new URL(opened.url()).hash).toBe('');
  await opened.close();
});

/**
 * now, time, relative_time, strftime, strptime through the real parser and compiler, on the pinned
 * clock 1700000000 (2023-11-14 22:13:20 UTC, a Tuesday). docs/eval/datetime.md; "DT" rows are the
 * Search Reference's Date and Time functions examples, "derived" rows apply a documented rule.
 */
import { describe, expect, test } from 'vitest';
import type { Clock } from '../../../src/time/clock.js';
import { evaluate } from './helpers.js';

const UTC: Clock = { now: 1700000000, zone: 'UTC' };
const NEW_YORK: Clock = { now: 1700000000, zone: 'America/New_York' };
const LOS_ANGELES: Clock = { now: 1700000000, zone: 'America/Los_Angeles' };
const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s) / 1000;

describe('now() and time()', () => {
  test.each([
    ['now()', 1700000000, 'DT now: the time the search started'],
    ['time()', 1700000000, 'derived: pinned to the clock (Splunk reads the wall clock per event)'],
    ['now() - 3600', 1699996400, 'derived'],
    ['strftime(now(), "%s")', '1700000000', 'derived'],
  ])('%s', (expr, expected, _source) => {
    expect(evaluate(expr, {}, UTC)).toBe(expected);
  });

  test('the clock is the injected one', () => {
    expect(evaluate('now()', {}, { now: 12345.5, zone: 'UTC' })).toBe(12345.5);
  });
});

describe('relative_time(time, modifier)', () => {
  test.each([
    ['relative_time(now(), "-1d@d")', UTC, utc(2023, 11, 13), 'DT now/relative_time example: start of yesterday'],
    ['relative_time(now(), "@w1")', UTC, utc(2023, 11, 13), 'derived: snap to Monday'],
    ['relative_time(now(), "+2h")', UTC, 1700007200, 'derived'],
    ['relative_time(now(), "@d")', NEW_YORK, utc(2023, 11, 14, 5), 'derived: snaps in the user zone (EST midnight)'],
    ['relative_time(now(), "-1mon@mon")', UTC, utc(2023, 10, 1), 'derived'],
    ['relative_time(now(), "now")', UTC, 1700000000, 'derived'],
    ['relative_time(_time, "-1h")', UTC, 1699996400, 'derived: _time as text is read as a number'],
    ['relative_time(now(), "bogus")', UTC, null, 'derived: an invalid modifier gives null'],
    ['relative_time("abc", "-1h")', UTC, null, 'derived: a time that is not a number gives null'],
    ['relative_time(missing, "-1h")', UTC, null, 'derived: null in, null out'],
  ])('%s (%j)', (expr, clock, expected, _source) => {
    expect(evaluate(expr, { _time: '1700000000' }, clock)).toBe(expected);
  });
});

describe('strftime(time, format)', () => {
  test.each([
    ['strftime(_time, "%Y-%m-%dT%H:%M:%S.%Q")', UTC, '2023-11-14T22:13:20.123', 'DT strftime example format'],
    ['strftime(_time, "%Y-%m-%dT%H:%M:%S")', NEW_YORK, '2023-11-14T17:13:20', 'derived: rendered in the user zone'],
    ['strftime(_time, "%H:%M %Z")', NEW_YORK, '17:13 EST', 'derived'],
    ['strftime(1700000000, "%A %d %B %Y")', UTC, 'Tuesday 14 November 2023', 'derived'],
    ['strftime("1700000000", "%F")', UTC, '2023-11-14', 'derived: numeric text counts as a number'],
    ['strftime("yesterday", "%F")', UTC, null, 'derived: not a number gives null'],
    ['strftime(1e20, "%F")', UTC, null, 'derived: beyond any calendar date gives null'],
    ['strftime(missing, "%F")', UTC, null, 'derived: null in, null out'],
  ])('%s (%j)', (expr, clock, expected, _source) => {
    expect(evaluate(expr, { _time: 1700000000.123 }, clock)).toBe(expected);
  });
});

describe('strptime(str, format)', () => {
  test.each([
    ['strptime("2018-08-13 11:22:33", "%Y-%m-%d %H:%M:%S")', LOS_ANGELES, utc(2018, 8, 13, 18, 22, 33), 'derived: read in the user zone (PDT)'],
    ['strptime("2018-08-13 11:22:33", "%Y-%m-%d %H:%M:%S")', UTC, utc(2018, 8, 13, 11, 22, 33), 'derived'],
    ['strptime("11:59", "%H:%M")', UTC, 43140, 'DT strptime example format: missing date parts are 1970-01-01'],
    ['strptime("11:59 PM", "%I:%M %p")', UTC, 86340, 'derived: 12-hour clock'],
    ['strptime("2024-01-15 10:00:00 +0200", "%Y-%m-%d %H:%M:%S %z")', NEW_YORK, utc(2024, 1, 15, 8), 'derived: %z overrides the user zone'],
    ['strptime("2024-01-15T10:00:00.250Z", "%Y-%m-%dT%H:%M:%S.%3N")', UTC, utc(2024, 1, 15, 10) + 0.25, 'derived: text after the format is ignored'],
    ['strptime("not a date", "%Y-%m-%d")', UTC, null, 'derived: no match gives null'],
    ['strptime(missing, "%Y")', UTC, null, 'derived: null in, null out'],
  ])('%s (%j)', (expr, clock, expected, _source) => {
    expect(evaluate(expr, {}, clock)).toBe(expected);
  });

  test('strftime and strptime round-trip in the user zone', () => {
    const expr = 'strptime(strftime(_time, "%Y-%m-%d %H:%M:%S"), "%Y-%m-%d %H:%M:%S")';
    expect(evaluate(expr, { _time: 1700000000 }, NEW_YORK)).toBe(1700000000);
  });
});

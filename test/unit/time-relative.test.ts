/**
 * Time modifiers (spec 04 TM1 forms and units, TM2 evaluation order and snapping, TM3 windows),
 * with snapping and calendar offsets in the user's time zone (Part D).
 */
import { describe, expect, test } from 'vitest';
import type { Clock } from '../../src/time/clock.js';
import { isRelativeModifier, resolveTimeModifier } from '../../src/time/relative.js';
import { inTimeWindow, resolveTimeWindow } from '../../src/time/window.js';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s) / 1000;
const MONDAY: Clock = { now: utc(2024, 1, 15, 13, 45), zone: 'UTC' }; // 2024-01-15 13:45:00 UTC

describe('TM2 spec examples (now = Monday 2024-01-15 13:45:00 UTC)', () => {
  test.each([
    ['-24h', utc(2024, 1, 14, 13, 45)],
    ['@d', utc(2024, 1, 15)],
    ['-1d@d', utc(2024, 1, 14)],
    ['@d-2h', utc(2024, 1, 14, 22)],
    ['-1d@d+2h', utc(2024, 1, 14, 2)],
    ['-70m@m', utc(2024, 1, 15, 12, 35)],
    ['@w0', utc(2024, 1, 14)],
    ['@w', utc(2024, 1, 14)],
    ['@w7', utc(2024, 1, 14)],
    ['@w1', utc(2024, 1, 15)],
    ['@w6', utc(2024, 1, 13)],
    ['@mon', utc(2024, 1, 1)],
    ['@q', utc(2024, 1, 1)],
    ['@y', utc(2024, 1, 1)],
    ['@h', utc(2024, 1, 15, 13)],
    ['-5d@w1', utc(2024, 1, 8)],
    ['now', MONDAY.now],
    ['now()', MONDAY.now],
  ])('%s', (modifier, expected) => {
    expect(resolveTimeModifier(modifier, MONDAY)).toBe(expected);
  });

  test.each([
    ['@q', utc(2024, 4, 1)],
    ['@mon', utc(2024, 5, 1)],
    ['-1q@q', utc(2024, 1, 1)],
    ['@w2', utc(2024, 5, 14)],
  ])('now = 2024-05-20 08:00 UTC: %s', (modifier, expected) => {
    expect(resolveTimeModifier(modifier, { now: utc(2024, 5, 20, 8), zone: 'UTC' })).toBe(expected);
  });

  test('@q in each quarter snaps to Jan/Apr/Jul/Oct 1', () => {
    const snap = (month: number): number | undefined =>
      resolveTimeModifier('@q', { now: utc(2024, month, 15, 12), zone: 'UTC' });
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(snap)).toEqual(
      [1, 1, 1, 4, 4, 4, 7, 7, 7, 10, 10, 10].map((m) => utc(2024, m, 1)),
    );
  });

  test('@h at 11:59 is 11:00 (snapping rounds down)', () => {
    expect(resolveTimeModifier('@h', { now: utc(2024, 1, 15, 11, 59, 59), zone: 'UTC' })).toBe(utc(2024, 1, 15, 11));
  });
});

describe('TM1 units and spellings', () => {
  const base = MONDAY.now;
  const cases: [string[], number][] = [
    [['s', 'sec', 'secs', 'second', 'seconds'], base - 2],
    [['m', 'min', 'mins', 'minute', 'minutes'], base - 120],
    [['h', 'hr', 'hrs', 'hour', 'hours'], base - 7200],
    [['d', 'day', 'days'], utc(2024, 1, 13, 13, 45)],
    [['w', 'week', 'weeks'], utc(2024, 1, 1, 13, 45)],
    [['mon', 'month', 'months'], utc(2023, 11, 15, 13, 45)],
    [['q', 'qtr', 'qtrs', 'quarter', 'quarters'], utc(2023, 7, 15, 13, 45)],
    [['y', 'yr', 'yrs', 'year', 'years'], utc(2022, 1, 15, 13, 45)],
  ];
  test.each(cases.flatMap(([spellings, expected]) => spellings.map((s) => [`-2${s}`, expected] as const)))(
    '%s',
    (modifier, expected) => {
      expect(resolveTimeModifier(modifier, MONDAY)).toBe(expected);
    },
  );

  test.each([
    ['-h', '-1h'],
    ['+d', '+1d'],
    ['-mon', '-1mon'],
    ['-1d-1h', '-25h'],
    ['+30m', '+1800s'],
    ['@d+0h', '@d'],
  ])('%s == %s', (a, b) => {
    expect(resolveTimeModifier(a, MONDAY)).toBe(resolveTimeModifier(b, MONDAY));
  });

  test('m is minutes, mon is months', () => {
    expect(resolveTimeModifier('-1m', MONDAY)).toBe(MONDAY.now - 60);
    expect(resolveTimeModifier('-1mon', MONDAY)).toBe(utc(2023, 12, 15, 13, 45));
    expect(resolveTimeModifier('@m', { now: utc(2024, 1, 15, 13, 45, 30), zone: 'UTC' })).toBe(MONDAY.now);
  });
});

describe('TM2 steps apply left to right, including later snaps', () => {
  test.each([
    ['@d-12h@w', utc(2024, 1, 14)], // midnight, 12:00 Sunday, snapped to that Sunday
    ['@mon@w1', utc(2024, 1, 1)], // Jan 1 2024 is a Monday
    ['@y@w', utc(2023, 12, 31)],
    ['-1d@d-1h@h', utc(2024, 1, 13, 23)],
    ['+1h@h', utc(2024, 1, 15, 14)],
    ['@d+1d+1d', utc(2024, 1, 17)],
  ])('%s', (modifier, expected) => {
    expect(resolveTimeModifier(modifier, MONDAY)).toBe(expected);
  });
});

describe('TM1 epochs and absolute times', () => {
  test.each([
    ['0', 0],
    ['1', 1],
    ['1705312800', 1705312800],
    ['1705312800.5', 1705312800.5],
    ['11/15/2022:20:00:00', utc(2022, 11, 15, 20)],
    ['1/5/2024:7:00:00', utc(2024, 1, 5, 7)],
    ['01/05/2024:07:00:00', utc(2024, 1, 5, 7)],
    [' -24h ', utc(2024, 1, 14, 13, 45)],
  ])('%j (UTC)', (modifier, expected) => {
    expect(resolveTimeModifier(modifier, MONDAY)).toBe(expected);
  });

  test('absolute times are read in the user zone', () => {
    const berlin: Clock = { now: MONDAY.now, zone: 'Europe/Berlin' };
    expect(resolveTimeModifier('11/15/2022:20:00:00', berlin)).toBe(utc(2022, 11, 15, 19));
    expect(resolveTimeModifier('0', berlin)).toBe(0);
  });

  test('a custom timeformat', () => {
    expect(resolveTimeModifier('2024-01-15T10:00:00', MONDAY, '%Y-%m-%dT%H:%M:%S')).toBe(1705312800);
    expect(resolveTimeModifier('11/15/2022:20:00:00', MONDAY, '%Y-%m-%dT%H:%M:%S')).toBeUndefined();
  });
});

describe('TM2 calendar offsets clamp to the month end', () => {
  test.each([
    [utc(2024, 3, 31, 10), '-1mon', utc(2024, 2, 29, 10)],
    [utc(2024, 1, 31, 10), '+1mon', utc(2024, 2, 29, 10)],
    [utc(2023, 3, 31, 10), '-1mon', utc(2023, 2, 28, 10)],
    [utc(2024, 2, 29, 10), '-1y', utc(2023, 2, 28, 10)],
    [utc(2024, 5, 31, 10), '-1q', utc(2024, 2, 29, 10)],
    [utc(2024, 1, 15, 10), '-13mon', utc(2022, 12, 15, 10)],
    [utc(2024, 12, 31, 10), '+2mon', utc(2025, 2, 28, 10)],
  ])('%s %s', (now, modifier, expected) => {
    expect(resolveTimeModifier(modifier, { now, zone: 'UTC' })).toBe(expected);
  });
});

describe('Part D: offsets and snapping in the user time zone', () => {
  test.each([
    // Europe/Berlin is UTC+1 in January: local midnight is 23:00 UTC the day before.
    ['Europe/Berlin', MONDAY.now, '@d', utc(2024, 1, 14, 23)],
    ['Europe/Berlin', MONDAY.now, '-1d@d', utc(2024, 1, 13, 23)],
    ['Europe/Berlin', MONDAY.now, '@w1', utc(2024, 1, 14, 23)],
    ['Europe/Berlin', MONDAY.now, '@y', utc(2023, 12, 31, 23)],
    ['Europe/Berlin', utc(2024, 7, 15, 13, 45), '@d', utc(2024, 7, 14, 22)],
    // Asia/Kolkata is UTC+5:30: 13:45 UTC is 19:15 local, so @h is 19:00 local = 13:30 UTC.
    ['Asia/Kolkata', MONDAY.now, '@h', utc(2024, 1, 15, 13, 30)],
    // New York spring forward (2024-03-10): -1d keeps 01:00 wall time, 23 hours earlier.
    ['America/New_York', utc(2024, 3, 11, 5), '-1d', utc(2024, 3, 10, 6)],
    ['America/New_York', utc(2024, 3, 11, 5), '-24h', utc(2024, 3, 10, 5)],
    // New York fall back (2024-11-03): -1d from 00:30 EST is 00:30 EDT, 25 hours earlier.
    ['America/New_York', utc(2024, 11, 4, 5, 30), '-1d', utc(2024, 11, 3, 4, 30)],
    ['America/New_York', utc(2024, 11, 4, 5, 30), '-1w', utc(2024, 10, 28, 4, 30)],
    ['America/New_York', utc(2024, 11, 4, 5, 30), '@d', utc(2024, 11, 4, 5)],
    ['America/New_York', utc(2024, 11, 4, 5, 30), '-1d@d', utc(2024, 11, 3, 4)],
    // 01:30 EST (the repeated hour) snaps to 01:00 EST, never forward to 01:00 EDT's successor.
    ['America/New_York', utc(2024, 11, 3, 6, 30), '@h', utc(2024, 11, 3, 6)],
    ['America/New_York', utc(2024, 11, 3, 5, 30), '@h', utc(2024, 11, 3, 5)],
  ])('%s now=%s %s', (zone, now, modifier, expected) => {
    expect(resolveTimeModifier(modifier, { now, zone })).toBe(expected);
  });

  test('subseconds are kept by offsets and dropped by snaps', () => {
    const clock: Clock = { now: MONDAY.now + 0.5, zone: 'America/New_York' };
    expect(resolveTimeModifier('-1d', clock)).toBe(utc(2024, 1, 14, 13, 45) + 0.5);
    expect(resolveTimeModifier('-1s', clock)).toBe(MONDAY.now - 0.5);
    expect(resolveTimeModifier('@s', clock)).toBe(MONDAY.now);
    expect(resolveTimeModifier('now', clock)).toBe(MONDAY.now + 0.5);
  });
});

describe('TM1 invalid modifiers -> undefined', () => {
  test.each([
    '', ' ', '-', '+', '@', '-1', '-1x', '@x', '1d', 'd', '-1M', '-1D', '@D', '@d@h@m', '-1ms', '@w8', '-1w1',
    '@3h', 'yesterday', 'NOW', 'now()()', '13/45/2024:00:00:00', '11/15/2022', '11/15/2022:20:00:00 junk',
    '-1d @d', '-1.5h', '-99999999999999999999y',
  ])('%j', (modifier) => {
    expect(resolveTimeModifier(modifier, MONDAY)).toBeUndefined();
  });
});

describe('isRelativeModifier', () => {
  test.each([
    ['now', true], ['now()', true], ['-24h', true], ['@d', true], ['-1d@d+2h', true], ['+5m', true],
    ['0', false], ['1705312800', false], ['11/15/2022:20:00:00', false], ['-1x', false], ['', false],
  ])('%j -> %s', (text, expected) => {
    expect(isRelativeModifier(text)).toBe(expected);
  });
});

describe('TM3 search windows: earliest <= _time < latest', () => {
  const run: Clock = { now: utc(2024, 1, 15, 14), zone: 'UTC' }; // scheduled run at 14:00:00

  test('ESCU schedule -70m@m to -10m@m', () => {
    const window = resolveTimeWindow('-70m@m', '-10m@m', run);
    expect(window).toEqual({ earliest: utc(2024, 1, 15, 12, 50), latest: utc(2024, 1, 15, 13, 50) });
    if ('term' in window) throw new Error('unexpected');
    expect(inTimeWindow(utc(2024, 1, 15, 13, 50), window)).toBe(false); // falls in the next run
    expect(inTimeWindow(utc(2024, 1, 15, 13, 49, 59), window)).toBe(true);
    expect(inTimeWindow(utc(2024, 1, 15, 12, 50), window)).toBe(true);
    expect(inTimeWindow(utc(2024, 1, 15, 12, 49, 59), window)).toBe(false);
  });

  test('contentctl all time: earliest 0, latest now', () => {
    expect(resolveTimeWindow('0', 'now', run)).toEqual({ earliest: 0, latest: run.now });
  });

  test('omitted earliest is all time, omitted latest is now', () => {
    const window = resolveTimeWindow(undefined, undefined, run);
    expect(window).toEqual({ earliest: undefined, latest: run.now });
    if ('term' in window) throw new Error('unexpected');
    expect(inTimeWindow(-1e9, window)).toBe(true);
    expect(inTimeWindow(run.now, window)).toBe(false);
  });

  test('an invalid term is reported by name', () => {
    expect(resolveTimeWindow('-1x', undefined, run)).toEqual({ term: 'earliest', value: '-1x' });
    expect(resolveTimeWindow('-1d', 'later', run)).toEqual({ term: 'latest', value: 'later' });
  });
});

/**
 * Event `_time` auto-detection (spec 06 J6 fallback, spec 04 Part D: `_time` is UTC epoch
 * seconds with subseconds) and the clock inputs (`--now`, `--tz`).
 */
import { describe, expect, test } from 'vitest';
import { parseEventTimestamp } from '../../src/time/timestamp.js';
import { parseClockTime, validateZone } from '../../src/time/clock.js';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s) / 1000;

describe('epoch detection', () => {
  test.each([
    [1705312800, 1705312800],
    [1705312800.5, 1705312800.5],
    ['1705312800', 1705312800],
    ['1705312800.123456', 1705312800.123456],
    [' 1705312800 ', 1705312800],
    ['999999999', 999999999],
    ['1705312800123', 1705312800.123],
    [1705312800123, 1705312800.123],
    ['1705312800123.5', 1705312800.1235],
    ['1705312800123456', 1705312800.123456],
    ['1705312800123456789', 1705312800.123456789],
  ])('%j -> %s', (value, expected) => {
    expect(parseEventTimestamp(value, 'UTC')).toBe(expected);
  });
});

describe('ISO 8601 / RFC 3339', () => {
  test.each([
    ['2024-01-15T10:00:00Z', 'UTC', 1705312800],
    ['2024-01-15T10:00:00Z', 'America/New_York', 1705312800],
    ['2024-01-15T10:00:00.123Z', 'UTC', 1705312800.123],
    ['2024-01-15T10:00:00.123456Z', 'UTC', 1705312800.123456], // Kubernetes audit
    ['2024-01-15T10:00:00.123456789Z', 'UTC', 1705312800.123456789],
    ['2024-01-15T10:00:00,5Z', 'UTC', 1705312800.5],
    ['2024-01-15T12:00:00+02:00', 'UTC', 1705312800],
    ['2024-01-15T05:00:00-0500', 'UTC', 1705312800],
    ['2024-01-15T15:30:00+05:30', 'UTC', 1705312800],
    ['2024-01-15T12:00:00+02', 'UTC', 1705312800],
    ['2024-01-15T12:00:00.250+02:00', 'UTC', 1705312800.25],
    ['2024-01-15 10:00:00Z', 'UTC', 1705312800],
    ['2024-01-15 10:00:00 +0000', 'Asia/Tokyo', 1705312800],
    ['2024-01-15 10:00:00 UTC', 'Asia/Tokyo', 1705312800],
    ['2024-01-15t10:00:00z', 'UTC', 1705312800],
    ['2024-01-15T10:00Z', 'UTC', 1705312800],
    // Without a zone the time is read in the given zone.
    ['2024-01-15T10:00:00', 'UTC', 1705312800],
    ['2024-01-15 10:00:00', 'America/New_York', utc(2024, 1, 15, 15)],
    ['2024-07-15 10:00:00', 'America/New_York', utc(2024, 7, 15, 14)],
    ['2024-01-15T10:00:00.123456', 'Europe/Berlin', 1705309200.123456],
    ['2024-01-15', 'UTC', utc(2024, 1, 15)],
    ['2024-01-15', 'Europe/Berlin', utc(2024, 1, 14, 23)],
    ['1969-12-31T23:59:59.5Z', 'UTC', -0.5],
    ['2024-02-29T00:00:00Z', 'UTC', utc(2024, 2, 29)],
  ])('%j in %s -> %s', (value, zone, expected) => {
    expect(parseEventTimestamp(value, zone)).toBe(expected);
  });
});

describe('not timestamps -> undefined', () => {
  test.each([
    [''], ['abc'], ['12345'], ['0'], [0], [-5], [42], [Number.NaN], [Number.POSITIVE_INFINITY],
    ['17053128001'], ['-1705312800'], ['2024-13-01T00:00:00Z'], ['2024-02-30T00:00:00Z'],
    ['2023-02-29T00:00:00Z'], ['2024-01-15T25:00:00Z'], ['2024-01-15T10:60:00Z'], ['2024-1-15T10:00:00Z'],
    ['2024-01-15T10:00:00+5'], ['2024-01-15T10:00:00 junk'], ['Jan 15 2024'],
  ])('%j', (value) => {
    expect(parseEventTimestamp(value, 'UTC')).toBeUndefined();
  });
});

describe('parseClockTime (--now, --earliest)', () => {
  test.each([
    ['2024-01-15T13:45:00Z', 'UTC', utc(2024, 1, 15, 13, 45)],
    ['2024-01-15T13:45:00Z', 'Europe/Berlin', utc(2024, 1, 15, 13, 45)],
    ['2024-01-15T13:45:00', 'Europe/Berlin', utc(2024, 1, 15, 12, 45)],
    ['2024-01-15 13:45', 'America/New_York', utc(2024, 1, 15, 18, 45)],
    ['2024-01-15', 'UTC', utc(2024, 1, 15)],
    ['1705326300', 'UTC', 1705326300],
    ['1705326300.25', 'Europe/Berlin', 1705326300.25],
    ['0', 'UTC', 0],
    ['2024-W03-1T13:45:00Z', 'UTC', utc(2024, 1, 15, 13, 45)],
    ['2024-015', 'UTC', utc(2024, 1, 15)],
    ['20240115T134500Z', 'UTC', utc(2024, 1, 15, 13, 45)],
  ])('%j in %s -> %s', (text, zone, expected) => {
    expect(parseClockTime(text, zone)).toBe(expected);
  });

  test.each([['tomorrow'], [''], ['-24h'], ['2024-13-45']])('%j -> undefined', (text) => {
    expect(parseClockTime(text, 'UTC')).toBeUndefined();
  });

  test('an unknown zone gives undefined', () => {
    expect(parseClockTime('2024-01-15T13:45:00', 'Mars/Olympus')).toBeUndefined();
  });
});

describe('validateZone', () => {
  test.each([
    ['UTC', true], ['utc', true], ['Etc/UTC', true], ['GMT', true], ['Europe/Berlin', true],
    ['America/New_York', true], ['america/new_york', true], ['Mars/Olympus', false], ['', false], ['+05:00', false],
  ])('%j -> %s', (zone, expected) => {
    expect(validateZone(zone)).toBe(expected);
  });
});

describe('hand-parsed RFC 3339 shape agrees with the general parser', () => {
  test.each([
    ['2024-01-15T10:00:00Z', 1705312800],
    ['1999-12-31T23:59:59Z', utc(1999, 12, 31, 23, 59, 59)],
    ['2038-01-19T03:14:08.000001Z', 2147483648.000001],
    ['0099-06-01T00:00:00Z', new Date(0).setUTCFullYear(99, 5, 1) / 1000], // not 1999 (Date.UTC's trap)
    ['2024-01-15T10:00:00.Z', undefined],
    ['2024-01-15T10:00:00.123+0100', 1705309200.123],
    ['2024-01-15X10:00:00Z', undefined],
    ['2024-01-15T10:00:00+01:0', undefined],
    ['20x4-01-15T10:00:00Z', undefined],
  ])('%j -> %s', (value, expected) => {
    expect(parseEventTimestamp(value, 'UTC')).toBe(expected);
  });
});

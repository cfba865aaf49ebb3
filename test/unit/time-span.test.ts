/** Time spans shared by bin and timechart: lengths as written, bin starts in the user's zone (time/time-span.ts). */
import { describe, expect, it } from 'vitest';
import { binStart, nextBinStart, readSpanLength, spanOf, type LengthSpan } from '../../src/time/time-span.js';

const iso = (s: string): number => Date.parse(s) / 1000;
const span = (text: string, align = 0): LengthSpan => {
  const length = readSpanLength(text);
  const s = length?.unit && spanOf(length.amount, length.unit, align);
  if (!s) throw new Error(`bad span ${text}`);
  return s;
};

describe('readSpanLength and spanOf', () => {
  it.each([
    ['30s', { kind: 'fixed', seconds: 30, align: 0 }],
    ['5m', { kind: 'fixed', seconds: 300, align: 0 }],
    ['2hours', { kind: 'fixed', seconds: 7200, align: 0 }],
    ['min', { kind: 'fixed', seconds: 60, align: 0 }],
    ['.5h', { kind: 'fixed', seconds: 1800, align: 0 }],
    ['100ms', { kind: 'fixed', seconds: 0.1, align: 0 }],
    ['1D', { kind: 'days', days: 1 }],
    ['2w', { kind: 'days', days: 14 }],
    ['1mon', { kind: 'months', months: 1 }],
    ['q', { kind: 'months', months: 3 }],
    ['2y', { kind: 'months', months: 24 }],
  ])('%s', (text, expected) => expect(span(text)).toEqual(expected));

  it('keeps the number as written and has no unit for a bare number', () => {
    expect(readSpanLength(' 5. ')).toEqual({ digits: '5.', amount: 5, unit: undefined });
  });

  it.each(['', '5x', 'constructor', 'h1', '1 h', 'w@w1'])('rejects %j', (text) => expect(readSpanLength(text)).toBeUndefined());

  it.each(['0m', '1.5d', '0.5mon'])('has no span for %j', (text) => {
    const length = readSpanLength(text)!;
    expect(spanOf(length.amount, length.unit!)).toBeUndefined();
  });
});

describe('binStart', () => {
  it('aligns fixed spans on epoch 0, not local time', () => {
    // 2024-06-01 05:40 in Kolkata (+05:30) is 00:10 UTC: hourly bins start at 00:00 UTC = 05:30 local.
    expect(binStart(span('1h'), iso('2024-06-01T00:10:00Z'), 'Asia/Kolkata')).toBe(iso('2024-06-01T00:00:00Z'));
    expect(binStart(span('5m'), iso('2024-01-15T10:02:07Z'), 'UTC')).toBe(iso('2024-01-15T10:00:00Z'));
  });

  it('honours aligntime for fixed spans', () => {
    const twelve = span('12h', iso('2024-06-01T05:00:00Z'));
    expect(binStart(twelve, iso('2024-06-02T03:00:00Z'), 'UTC')).toBe(iso('2024-06-01T17:00:00Z'));
  });

  it('counts fixed spans in whole microseconds', () => {
    expect(binStart(span('100ms'), 1.3, 'UTC')).toBe(1.3);
    expect(binStart(span('100ms'), 1705312801.37, 'UTC')).toBe(1705312801.3);
    expect(binStart(span('1h'), 1705312799.999999, 'UTC')).toBe(1705309200);
    expect(nextBinStart(span('100ms'), 1.2, 'UTC')).toBe(1.3);
  });

  it('starts day bins at local midnight, also on DST days', () => {
    const ny = 'America/New_York';
    expect(binStart(span('1d'), iso('2024-01-15T07:00:00Z'), 'America/Los_Angeles')).toBe(iso('2024-01-14T08:00:00Z'));
    // 2024-03-10 is 23 hours long in New York; its midnight is still EST (-05:00).
    expect(binStart(span('1d'), iso('2024-03-10T16:00:00Z'), ny)).toBe(iso('2024-03-10T05:00:00Z'));
    expect(binStart(span('1d'), iso('2024-03-11T03:59:00Z'), ny)).toBe(iso('2024-03-10T05:00:00Z'));
    expect(nextBinStart(span('1d'), iso('2024-03-10T05:00:00Z'), ny)).toBe(iso('2024-03-11T04:00:00Z'));
    expect(nextBinStart(span('1d'), iso('2024-11-03T04:00:00Z'), ny)).toBe(iso('2024-11-04T05:00:00Z'));
  });

  it('counts week bins from 1970-01-01, a Thursday', () => {
    expect(binStart(span('1w'), iso('2024-06-04T12:00:00Z'), 'UTC')).toBe(iso('2024-05-30T00:00:00Z'));
  });

  it('starts month, quarter and year bins on the local 1st', () => {
    expect(binStart(span('1mon'), iso('2024-02-29T23:00:00Z'), 'UTC')).toBe(iso('2024-02-01T00:00:00Z'));
    expect(binStart(span('1q'), iso('2024-06-15T00:00:00Z'), 'UTC')).toBe(iso('2024-04-01T00:00:00Z'));
    expect(binStart(span('1y'), iso('2024-05-20T12:00:00Z'), 'Europe/Berlin')).toBe(iso('2023-12-31T23:00:00Z'));
    expect(nextBinStart(span('1q'), iso('2024-10-01T00:00:00Z'), 'UTC')).toBe(iso('2025-01-01T00:00:00Z'));
  });
});

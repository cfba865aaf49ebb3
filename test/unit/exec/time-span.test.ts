/** Time bins of timechart: span parsing, bin starts in the user's zone, default spans (chart/time-span.ts). */
import { describe, expect, it } from 'vitest';
import { binStart, defaultSpan, nextBinStart, parseTimeSpan, type TimeSpan } from '../../../src/chart/time-span.js';

const iso = (s: string): number => Date.parse(s) / 1000;
const span = (text: string): TimeSpan => {
  const s = parseTimeSpan(text);
  if (!s) throw new Error(`bad span ${text}`);
  return s;
};

describe('parseTimeSpan', () => {
  it.each([
    ['30m', { kind: 'fixed', seconds: 1800, align: 0 }],
    ['1h', { kind: 'fixed', seconds: 3600, align: 0 }],
    ['90', { kind: 'fixed', seconds: 90, align: 0 }],
    ['250ms', { kind: 'fixed', seconds: 0.25, align: 0 }],
    ['1d', { kind: 'days', days: 1 }],
    ['2w', { kind: 'days', days: 14 }],
    ['1mon', { kind: 'months', months: 1 }],
    ['q', { kind: 'months', months: 3 }],
    ['1y', { kind: 'months', months: 12 }],
  ])('%s', (text, expected) => expect(parseTimeSpan(text)).toEqual(expected));

  it.each(['5x', '', '0m', '300ms', '1000ms', '1.5d', 'log2', '2w@w1'])('rejects %j', (text) => {
    expect(parseTimeSpan(text)).toBeUndefined();
  });

  it('reads snap spans', () => expect(parseTimeSpan('w@w1')?.kind).toBe('snap'));
});

describe('binStart', () => {
  it('aligns sub-day spans on epoch 0, not local time', () => {
    // 2024-06-01 05:40 in Kolkata (+05:30) is 00:10 UTC: hourly bins start at 00:00 UTC = 05:30 local.
    expect(binStart(span('1h'), iso('2024-06-01T00:10:00Z'), 'Asia/Kolkata')).toBe(iso('2024-06-01T00:00:00Z'));
  });

  it('keeps subseconds exact', () => expect(binStart(span('100ms'), 1.3, 'UTC')).toBe(1.3));

  it('starts day bins at local midnight, also on DST days', () => {
    const ny = 'America/New_York';
    expect(binStart(span('1d'), iso('2024-03-10T16:00:00Z'), ny)).toBe(iso('2024-03-10T05:00:00Z'));
    expect(nextBinStart(span('1d'), iso('2024-03-10T05:00:00Z'), ny)).toBe(iso('2024-03-11T04:00:00Z'));
    expect(nextBinStart(span('1d'), iso('2024-11-03T04:00:00Z'), ny)).toBe(iso('2024-11-04T05:00:00Z'));
  });

  it('counts week bins from 1970-01-01, a Thursday', () => {
    expect(binStart(span('1w'), iso('2024-06-04T12:00:00Z'), 'UTC')).toBe(iso('2024-05-30T00:00:00Z'));
  });

  it('starts month and quarter bins on the 1st', () => {
    expect(binStart(span('1mon'), iso('2024-02-29T23:00:00Z'), 'UTC')).toBe(iso('2024-02-01T00:00:00Z'));
    expect(binStart(span('1q'), iso('2024-06-15T00:00:00Z'), 'UTC')).toBe(iso('2024-04-01T00:00:00Z'));
    expect(nextBinStart(span('1q'), iso('2024-10-01T00:00:00Z'), 'UTC')).toBe(iso('2025-01-01T00:00:00Z'));
  });

  it('snaps w@w1 to Monday', () => {
    const w = span('w@w1');
    expect(binStart(w, iso('2024-06-09T23:00:00Z'), 'UTC')).toBe(iso('2024-06-03T00:00:00Z'));
    expect(nextBinStart(w, iso('2024-06-03T00:00:00Z'), 'UTC')).toBe(iso('2024-06-10T00:00:00Z'));
  });

  it('honours aligntime for fixed spans', () => {
    const twelve = parseTimeSpan('12h', iso('2024-06-01T05:00:00Z'))!;
    expect(binStart(twelve, iso('2024-06-02T03:00:00Z'), 'UTC')).toBe(iso('2024-06-01T17:00:00Z'));
  });
});

describe('defaultSpan (Search Reference timechart, "Default time spans")', () => {
  const now = iso('2024-06-01T12:00:00Z');
  it.each([
    ['last 15 minutes', 900, { kind: 'fixed', seconds: 10, align: 0 }],
    ['last 60 minutes', 3600, { kind: 'fixed', seconds: 60, align: 0 }],
    ['last 4 hours', 4 * 3600, { kind: 'fixed', seconds: 300, align: 0 }],
    ['last 24 hours', 86400, { kind: 'fixed', seconds: 1800, align: 0 }],
    ['last 7 days', 7 * 86400, { kind: 'days', days: 1 }],
    ['last 30 days', 30 * 86400, { kind: 'days', days: 1 }],
    ['a year', 365 * 86400, { kind: 'months', months: 1 }],
  ])('%s', (_name, range, expected) => expect(defaultSpan(now - range, now, 100, 'UTC')).toEqual(expected));

  it('respects minspan', () => expect(defaultSpan(now - 900, now, 100, 'UTC', 600)).toEqual({ kind: 'fixed', seconds: 600, align: 0 }));
});

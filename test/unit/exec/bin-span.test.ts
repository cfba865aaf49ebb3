/** Spans of bin/bucket: parsing, snapping in the user zone, number ranges and automatic spans. */
import { describe, expect, it } from 'vitest';
import {
  autoNumericSpan, autoTimeSpan, logBin, numericBin, parseSpan, rangeText, snapTime, type TimeSpan,
} from '../../../src/commands/shared/bin-span.js';

const utc = (iso: string): number => Date.parse(iso) / 1000;

describe('parseSpan', () => {
  it.each([
    ['10', { kind: 'number', size: 10 }],
    ['0.5', { kind: 'number', size: 0.5 }],
    ['30s', { kind: 'seconds', size: 30 }],
    ['5m', { kind: 'seconds', size: 300 }],
    ['1h', { kind: 'seconds', size: 3600 }],
    ['2hours', { kind: 'seconds', size: 7200 }],
    ['min', { kind: 'seconds', size: 60 }],
    ['100ms', { kind: 'seconds', size: 0.1 }],
    ['1d', { kind: 'days', count: 1 }],
    ['1w', { kind: 'days', count: 7 }],
    ['1mon', { kind: 'months', count: 1 }],
    ['1q', { kind: 'months', count: 3 }],
    ['2y', { kind: 'months', count: 24 }],
    ['log', { kind: 'log', coefficient: 1, base: 10 }],
    ['2log10', { kind: 'log', coefficient: 2, base: 10 }],
    ['log2', { kind: 'log', coefficient: 1, base: 2 }],
  ])('%s', (text, span) => {
    expect(parseSpan(text)).toEqual(span);
  });
  it.each(['', '1x', '0', '-5', '1.5d', '10log10', 'log1', 'h1'])('rejects %j', (text) => {
    expect(parseSpan(text)).toBeUndefined();
  });
});

describe('snapTime', () => {
  const hour: TimeSpan = { kind: 'seconds', size: 3600 };
  it('aligns sub-day spans to epoch 0, whatever the zone', () => {
    // Kolkata is UTC+5:30: an hourly bin starts at half past the local hour.
    expect(snapTime(utc('2024-01-15T10:59:59Z'), hour, 'Asia/Kolkata')).toBe(utc('2024-01-15T10:00:00Z'));
    expect(snapTime(utc('2024-01-15T10:02:07Z'), { kind: 'seconds', size: 300 }, 'UTC')).toBe(utc('2024-01-15T10:00:00Z'));
  });
  it('shifts sub-day spans by aligntime', () => {
    const align = utc('2024-06-01T03:00:00Z');
    expect(snapTime(utc('2024-01-15T02:00:00Z'), { kind: 'seconds', size: 43200 }, 'UTC', align)).toBe(utc('2024-01-14T15:00:00Z'));
  });
  it('keeps sub-second spans to the microsecond', () => {
    expect(snapTime(1705312801.37, { kind: 'seconds', size: 0.1 }, 'UTC')).toBe(1705312801.3);
  });
  it('aligns days to local midnight, across a DST change', () => {
    const day: TimeSpan = { kind: 'days', count: 1 };
    expect(snapTime(utc('2024-01-15T07:00:00Z'), day, 'America/Los_Angeles')).toBe(utc('2024-01-14T08:00:00Z'));
    // 2024-03-10 is 23 hours long in New York; its midnight is still EST (-05:00).
    expect(snapTime(utc('2024-03-10T20:00:00Z'), day, 'America/New_York')).toBe(utc('2024-03-10T05:00:00Z'));
    expect(snapTime(utc('2024-03-11T03:59:00Z'), day, 'America/New_York')).toBe(utc('2024-03-10T05:00:00Z'));
  });
  it('counts weeks from 1970-01-01 (a Thursday)', () => {
    expect(snapTime(utc('2024-01-15T10:00:00Z'), { kind: 'days', count: 7 }, 'UTC')).toBe(utc('2024-01-11T00:00:00Z'));
  });
  it('aligns months, quarters and years to local calendar starts', () => {
    const t = utc('2024-05-20T12:00:00Z');
    expect(snapTime(t, { kind: 'months', count: 1 }, 'UTC')).toBe(utc('2024-05-01T00:00:00Z'));
    expect(snapTime(t, { kind: 'months', count: 3 }, 'UTC')).toBe(utc('2024-04-01T00:00:00Z'));
    expect(snapTime(t, { kind: 'months', count: 12 }, 'Europe/Berlin')).toBe(utc('2023-12-31T23:00:00Z'));
  });
});

describe('number ranges', () => {
  it.each([
    [14, 2, '14-16'],
    [15, 2, '14-16'],
    [0.3, 0.1, '0.3-0.4'],
    [-3, 10, '-10-0'],
    [59, 100, '0-100'],
  ])('%s with span %s is %s', (v, size, text) => {
    expect(rangeText(numericBin(v, size))).toBe(text);
  });
  it.each([
    [1000, 1, 10, '1000-10000'],
    [999, 1, 10, '100-1000'],
    [30, 2, 10, '20-200'],
    [0.5, 1, 10, '0.1-1'],
    [5, 1, 2, '4-8'],
  ])('log bin of %s (coefficient %s, base %s) is %s', (v, c, b, text) => {
    expect(rangeText(logBin(v, c, b)!)).toBe(text);
  });
  it('has no log bin for values <= 0', () => {
    expect(logBin(0, 1, 10)).toBeUndefined();
  });
});

describe('autoNumericSpan (Search Manual examples)', () => {
  it('0..59 with bins=5 is one bin of 100', () => expect(autoNumericSpan(0, 59, 5)).toBe(100));
  it('0..23 with bins=12 is 10', () => expect(autoNumericSpan(0, 23, 12)).toBe(10));
  it('0..23 with bins=24 is 1', () => expect(autoNumericSpan(0, 23, 24)).toBe(1));
  it('grows when aligned bins would not fit', () => expect(autoNumericSpan(5, 15, 1)).toBe(100));
  it('goes below 1 for small ranges', () => expect(autoNumericSpan(0.1, 0.5, 100)).toBe(0.01));
  it('respects minspan', () => expect(autoNumericSpan(28, 36, 100, 5)).toBe(10));
  it('one value gets span 1', () => expect(autoNumericSpan(7, 7, 100)).toBe(1));
});

describe('autoTimeSpan follows the default timechart spans for 100 bins', () => {
  it.each([
    [15 * 60, { kind: 'seconds', size: 10 }],
    [60 * 60, { kind: 'seconds', size: 60 }],
    [4 * 3600, { kind: 'seconds', size: 300 }],
    [24 * 3600, { kind: 'seconds', size: 1800 }],
    [7 * 86400, { kind: 'days', count: 1 }],
    [30 * 86400, { kind: 'days', count: 1 }],
    [365 * 86400, { kind: 'months', count: 1 }],
  ])('a range of %s seconds', (range, span) => {
    const start = utc('2024-01-01T00:00:00Z');
    expect(autoTimeSpan(start, start + range - 1, 100)).toEqual(span);
  });
  it('respects minspan', () => {
    expect(autoTimeSpan(0, 100, 100, 3600)).toEqual({ kind: 'seconds', size: 3600 });
  });
});

/** Spans of bin/bucket: parsing, number ranges and automatic spans (time bins: test/unit/time-span.test.ts). */
import { describe, expect, it } from 'vitest';
import {
  asTimeSpan, autoNumericSpan, autoTimeSpan, logBin, numericBin, parseSpan, rangeText,
} from '../../../src/commands/shared/bin-span.js';
import { readSpanLength, spanOf } from '../../../src/time/time-span.js';

const utc = (iso: string): number => Date.parse(iso) / 1000;

describe('parseSpan', () => {
  it.each([
    ['10', { kind: 'number', size: 10 }],
    ['0.5', { kind: 'number', size: 0.5 }],
    ['.5', { kind: 'number', size: 0.5 }],
    ['log', { kind: 'log', coefficient: 1, base: 10 }],
    ['2log10', { kind: 'log', coefficient: 2, base: 10 }],
    ['log2', { kind: 'log', coefficient: 1, base: 2 }],
  ])('%s', (text, span) => {
    expect(parseSpan(text)).toEqual(span);
  });
  it.each(['30s', '2hours', 'min', '.5h', '1w', '1mon', '2y'])('reads %s as a time span', (text) => {
    const length = readSpanLength(text)!;
    expect(parseSpan(text)).toEqual(spanOf(length.amount, length.unit!));
  });
  it('takes subsecond spans that do not divide a second (timechart does not)', () => {
    expect(parseSpan('300ms')).toEqual({ kind: 'fixed', seconds: 0.3, align: 0 });
  });
  it.each(['', '1x', '0', '-5', '1.5d', '10log10', 'log1', 'h1'])('rejects %j', (text) => {
    expect(parseSpan(text)).toBeUndefined();
  });
});

describe('asTimeSpan', () => {
  it('reads a plain number on a time field as seconds, with aligntime', () => {
    expect(asTimeSpan({ kind: 'number', size: 3600 }, 60)).toEqual({ kind: 'fixed', seconds: 3600, align: 60 });
  });
  it('moves fixed spans by aligntime, not days or months', () => {
    expect(asTimeSpan(parseSpan('12h')!, 60)).toEqual({ kind: 'fixed', seconds: 43200, align: 60 });
    expect(asTimeSpan(parseSpan('1d')!, 60)).toEqual({ kind: 'days', days: 1 });
  });
  it('has no time span for a log span', () => expect(asTimeSpan(parseSpan('log')!)).toBeUndefined());
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
    [15 * 60, { kind: 'fixed', seconds: 10, align: 0 }],
    [60 * 60, { kind: 'fixed', seconds: 60, align: 0 }],
    [4 * 3600, { kind: 'fixed', seconds: 300, align: 0 }],
    [24 * 3600, { kind: 'fixed', seconds: 1800, align: 0 }],
    [7 * 86400, { kind: 'days', days: 1 }],
    [30 * 86400, { kind: 'days', days: 1 }],
    [365 * 86400, { kind: 'months', months: 1 }],
  ])('a range of %s seconds', (range, span) => {
    const start = utc('2024-01-01T00:00:00Z');
    expect(autoTimeSpan(start, start + range - 1, 100)).toEqual(span);
  });
  it('respects minspan', () => {
    expect(autoTimeSpan(0, 100, 100, 3600)).toEqual({ kind: 'fixed', seconds: 3600, align: 0 });
  });
});

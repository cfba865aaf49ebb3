/** The span texts of timechart and its default spans (chart/timechart-span.ts); bin starts are in test/unit/time-span.test.ts. */
import { describe, expect, it } from 'vitest';
import { defaultSpan, parseTimeSpan } from '../../../src/chart/timechart-span.js';
import { binStart, nextBinStart } from '../../../src/time/time-span.js';

const iso = (s: string): number => Date.parse(s) / 1000;

describe('parseTimeSpan', () => {
  it.each([
    ['30m', 1800],
    ['90', 90],
    ['1.5s', 1.5],
    ['250ms', 0.25],
  ])('%s is %s seconds', (text, seconds) => expect(parseTimeSpan(text)).toEqual({ kind: 'fixed', seconds, align: 0 }));

  it('reads calendar spans', () => {
    expect(parseTimeSpan('2w')).toEqual({ kind: 'days', days: 14 });
    expect(parseTimeSpan('q')).toEqual({ kind: 'months', months: 3 });
  });

  it.each(['5x', '', '0m', '300ms', '1000ms', '1.5d', 'log2', '2w@w1', '.5h', '5.h', 'constructor'])('rejects %j', (text) => {
    expect(parseTimeSpan(text)).toBeUndefined();
  });

  it('reads snap spans', () => expect(parseTimeSpan('w@w1')?.kind).toBe('snap'));
  it('carries aligntime', () => expect(parseTimeSpan('12h', 3600)).toEqual({ kind: 'fixed', seconds: 43200, align: 3600 }));
});

describe('snap spans', () => {
  it('snaps w@w1 to Monday', () => {
    const w = parseTimeSpan('w@w1')!;
    expect(binStart(w, iso('2024-06-09T23:00:00Z'), 'UTC')).toBe(iso('2024-06-03T00:00:00Z'));
    expect(nextBinStart(w, iso('2024-06-03T00:00:00Z'), 'UTC')).toBe(iso('2024-06-10T00:00:00Z'));
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

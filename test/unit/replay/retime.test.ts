import { describe, expect, it } from 'vitest';
import { microsText, shiftTimestampText, toMicros } from '../../../src/replay/retime.js';

const HOUR = 3_600_000_000n; // microseconds
const T = 1705312800; // 2024-01-15T10:00:00Z

describe('shiftTimestampText keeps the notation', () => {
  it.each([
    ['1705312800', '1705316400'],
    ['1705312800.5', '1705316400.5'],
    ['1705312800123', '1705316400123'],
    ['1705312800123456', '1705316400123456'],
    ['1705312800123456789', '1705316400123456789'],
    ['1705312800.123456789', '1705316400.123456789'],
  ])('epoch %s -> %s', (text, expected) => {
    expect(shiftTimestampText(text, T, HOUR, 'UTC')).toBe(expected);
  });

  it.each([
    ['2024-01-15T10:00:00Z', '2024-01-15T11:00:00Z'],
    ['2024-01-15T10:00:00.724818Z', '2024-01-15T11:00:00.724818Z'],
    ['2024-01-15T10:00:00.123Z', '2024-01-15T11:00:00.123Z'],
    ['2024-01-15T10:00:00.123456789Z', '2024-01-15T11:00:00.123456789Z'],
    ['2024-01-15 10:00:00 UTC', '2024-01-15 11:00:00 UTC'],
    ['2024-01-15T12:00:00+02:00', '2024-01-15T13:00:00+02:00'],
    ['2024-01-15T05:00:00-0500', '2024-01-15T06:00:00-0500'],
    ['2024-01-15T23:30:00Z', '2024-01-16T00:30:00Z'],
    ['2024-01-15T10:00', '2024-01-15T11:00'],
    ['2024-01-15T10:00:00', '2024-01-15T11:00:00'],
  ])('ISO %s -> %s', (text, expected) => {
    expect(shiftTimestampText(text, T, HOUR, 'UTC')).toBe(expected);
  });

  it('writes a zone-less time as the wall clock of the zone it was read in, across a DST change', () => {
    // 2024-03-31 01:30 in Berlin is CET (+01:00); one hour later the clocks have jumped to CEST.
    expect(shiftTimestampText('2024-03-31 01:30:00', 0, HOUR, 'Europe/Berlin')).toBe('2024-03-31 03:30:00');
  });

  it('moves subseconds and truncates to the precision written', () => {
    expect(shiftTimestampText('2024-01-15T10:00:00.9Z', T, 200_000n, 'UTC')).toBe('2024-01-15T10:00:01.1Z');
    expect(shiftTimestampText('2024-01-15T10:00:00Z', T, 1_500_000n, 'UTC')).toBe('2024-01-15T10:00:01Z');
    expect(shiftTimestampText('1705312800', T, -1_500_000n, 'UTC')).toBe('1705312799');
  });

  it('writes a TIME_FORMAT back with strftime', () => {
    expect(shiftTimestampText('01/15/2024 10:00:00 AM', T, HOUR, 'UTC', '%m/%d/%Y %I:%M:%S %p')).toBe('01/15/2024 11:00:00 AM');
  });

  it('gives up on notations it does not know', () => {
    expect(shiftTimestampText('Mon Jan 15 10:00:00 2024', T, HOUR, 'UTC')).toBeUndefined();
    expect(shiftTimestampText('12345', T, HOUR, 'UTC')).toBeUndefined();
  });
});

describe('microsecond helpers', () => {
  it('round-trip the digits written', () => {
    expect(microsText(toMicros(1714989610.724818))).toBe('1714989610.724818');
    expect(microsText(toMicros(1714989628.77355) + 0n)).toBe('1714989628.77355');
    expect(microsText(1_700_000_000_000_000n)).toBe('1700000000');
    expect(Number(microsText(toMicros(1705312800.123456)))).toBe(1705312800.123456);
  });
});

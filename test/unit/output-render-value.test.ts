import { describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors/spl-error.js';
import { epochMillis, formatEventTime, valueRenderer } from '../../src/output/render-value.js';

const utc = valueRenderer({ zone: 'UTC' });

describe('valueRenderer: values as strings (O1, O2)', () => {
  it.each([
    [21502, '21502'],
    [0, '0'],
    [-0, '0'],
    [28, '28'],
    [1.5, '1.5'],
    [3.9900000000000055, '3.9900000000000055'],
    [48.857142857142854, '48.857142857142854'],
    [-2.25, '-2.25'],
    [NaN, 'nan'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [1e21, '1e+21'],
  ])('number %s → %s', (n, text) => {
    expect(utc('x', n)).toBe(text);
  });

  it('keeps strings exactly, including numeric-looking text', () => {
    expect(utc('x', '3.50')).toBe('3.50');
    expect(utc('x', '')).toBe('');
    expect(utc('x', ' a ')).toBe(' a ');
  });

  it('absent stays absent', () => {
    expect(utc('x', undefined)).toBeUndefined();
  });
});

describe('valueRenderer: multivalue (O3)', () => {
  it('renders a list of strings', () => {
    expect(utc('users', ['alice', 'bob'])).toEqual(['alice', 'bob']);
    expect(utc('n', [1, 2.5, 'x', NaN])).toEqual(['1', '2.5', 'x', 'nan']);
  });

  it('renders a one-value multivalue as a plain string', () => {
    expect(utc('users', ['alice'])).toBe('alice');
    expect(utc('n', [7])).toBe('7');
  });

  it('treats an empty multivalue as absent', () => {
    expect(utc('users', [])).toBeUndefined();
  });
});

describe('_time rendering (O5)', () => {
  it('renders _time as ISO 8601 with milliseconds in UTC', () => {
    expect(utc('_time', 1705312800)).toBe('2024-01-15T10:00:00.000+00:00');
  });

  it('renders in America/New_York with the offset of the date (EST and EDT)', () => {
    const ny = valueRenderer({ zone: 'America/New_York' });
    expect(ny('_time', 1705312800)).toBe('2024-01-15T05:00:00.000-05:00');
    expect(ny('_time', 1719828000)).toBe('2024-07-01T06:00:00.000-04:00');
  });

  it('renders a fixed-offset zone', () => {
    expect(formatEventTime(1705312800, 'UTC+5:30')).toBe('2024-01-15T15:30:00.000+05:30');
  });

  it('truncates subseconds to milliseconds', () => {
    expect(utc('_time', 1705312800.123)).toBe('2024-01-15T10:00:00.123+00:00');
    expect(utc('_time', 1705312800.1239)).toBe('2024-01-15T10:00:00.123+00:00');
    expect(utc('_time', 1705312800.9999)).toBe('2024-01-15T10:00:00.999+00:00');
    expect(utc('_time', 1705312800.5)).toBe('2024-01-15T10:00:00.500+00:00');
  });

  it('truncates toward the past before 1970', () => {
    expect(utc('_time', -0.5)).toBe('1969-12-31T23:59:59.500+00:00');
    expect(utc('_time', -1.0005)).toBe('1969-12-31T23:59:58.999+00:00');
  });

  it('only touches a number in the field named exactly _time', () => {
    expect(utc('_time', '1705312800')).toBe('1705312800');
    expect(utc('firstTime', 1705312800)).toBe('1705312800');
    expect(utc('_TIME', 1705312800)).toBe('1705312800');
  });

  it('renders each value of a multivalue _time', () => {
    expect(utc('_time', [0, 1705312800])).toEqual([
      '1970-01-01T00:00:00.000+00:00',
      '2024-01-15T10:00:00.000+00:00',
    ]);
  });

  it('prints non-calendar _time values as numbers', () => {
    expect(utc('_time', NaN)).toBe('nan');
    expect(utc('_time', Infinity)).toBe('inf');
    expect(utc('_time', 1e300)).toBe('1e+300');
  });

  it('rejects an unknown zone once, up front, with U002', () => {
    expect(() => valueRenderer({ zone: 'Mars/Olympus' })).toThrow(SplError);
    try {
      valueRenderer({ zone: 'Mars/Olympus' });
    } catch (e) {
      expect((e as SplError).code).toBe('U002');
    }
  });
});

describe('epochMillis', () => {
  it.each([
    [0, 0],
    [1, 1000],
    [1.5, 1500],
    [1705312800.123, 1705312800123],
    [0.0001, 0],
    [-0.0001, -1],
    [-1.5, -1500],
    [1e-7, 0],
    [-1e-7, -1],
  ])('%s s → %s ms', (s, ms) => {
    expect(epochMillis(s)).toBe(ms);
  });
});

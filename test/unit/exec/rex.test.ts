/** rex helpers: successive matches, error positions inside the pattern, option values. */
import { describe, expect, it } from 'vitest';
import { matchesOf } from '../../../src/commands/rex.js';
import { offsetSpan } from '../../../src/commands/regex-compile.js';
import { spanValue } from '../../../src/commands/option-values.js';
import { compilePcre } from '../../../src/eval/pcre.js';

describe('rex', () => {
  it('moves past empty matches and stops at the limit', () => {
    const re = compilePcre('(?<d>\\d*)', { flags: 'g' });
    expect(matchesOf(re, 'a1b', Infinity).map((m) => m[0])).toEqual(['', '1', '', '']);
    expect(matchesOf(re, 'a1b', 2).map((m) => m[0])).toEqual(['', '1']);
  });

  it('maps a pattern offset onto the written text when no escape changed its length', () => {
    const span = { start: 10, end: 17 };
    expect(offsetSpan({ text: '(?<x>a', quoted: false, span: { start: 10, end: 16 } }, 0)).toEqual({ start: 10, end: 11 });
    expect(offsetSpan({ text: 'a[b', quoted: true, span: { start: 10, end: 15 } }, 1)).toEqual({ start: 12, end: 13 });
    // `"a\\\\b"` was written with 4 characters between the quotes for a 3-character pattern.
    expect(offsetSpan({ text: 'a\\b', quoted: true, span }, 1)).toEqual(span);
  });

  it('reads time spans for maxspan/maxpause', () => {
    const o = (value: string) => ({ name: 'maxspan', value, quoted: false, span: { start: 0, end: 1 } });
    expect([spanValue('t', o('30')), spanValue('t', o('5m')), spanValue('t', o('2h')), spanValue('t', o('1d')), spanValue('t', o('-1'))]).toEqual([
      30, 300, 7200, 86400, Infinity,
    ]);
    expect(() => spanValue('t', o('5 weeks'))).toThrow();
  });
});

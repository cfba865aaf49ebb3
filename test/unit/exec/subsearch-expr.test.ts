// Subsearch results -> SearchExpr (src/search/subsearch-expr.ts), checked through the search
// compiler on rows: the filter must mean what the format text means.
import { describe, expect, it } from 'vitest';
import { SplError } from '../../../src/errors/spl-error.js';
import { compileSearch } from '../../../src/search/compile.js';
import { searchTextExpr, subsearchExpr, subsearchesOf } from '../../../src/search/subsearch-expr.js';
import { formatRows } from '../../../src/search/subsearch-format.js';
import { parse } from '../../../src/spl/parse.js';
import type { FieldValue } from '../../../src/data/event.js';
import { rows } from './subsearch-helpers.js';

const span = { start: 0, end: 1 };
const clock = { now: 1717300000, zone: 'UTC' };
const never = (): never => {
  throw new Error('no subsearch expected');
};

function filter(sub: Record<string, FieldValue>[]): (row: Record<string, FieldValue>) => boolean {
  const pred = compileSearch(subsearchExpr(formatRows(rows(...sub)), span), { clock, onSubsearch: never });
  return (r) => pred(rows(r)[0]!);
}

describe('subsearch filter', () => {
  it('ORs results and ANDs their fields', () => {
    const f = filter([{ user: 'a', src: '1' }, { user: 'b' }]);
    expect(f({ user: 'a', src: '1' })).toBe(true);
    expect(f({ user: 'a', src: '2' })).toBe(false);
    expect(f({ user: 'B' })).toBe(true); // case-insensitive, as search compares
    expect(f({ src: '1' })).toBe(false);
  });

  it('no results match nothing, and NOT of it everything', () => {
    expect(filter([])({ a: '1' })).toBe(false);
    expect(filter([{ _time: 5 }])({ a: '1' })).toBe(false);
  });

  it('wildcards in values and multivalue fields', () => {
    const f = filter([{ host: ['web*', 'db1'] }]);
    expect(f({ host: 'web-7' })).toBe(true);
    expect(f({ host: 'db1' })).toBe(true);
    expect(f({ host: 'db2' })).toBe(false);
  });

  it('results of one field become an IN: set lookup for plain values, one by one for wildcards and CIDR', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({ ip: `172.16.${i >> 8}.${i & 255}` }));
    const f = filter([...many, { ip: '10.0.0.0/8' }, { ip: '192.168.*' }]);
    expect(subsearchExpr(formatRows(rows({ ip: 'a' }, { ip: ['b', 'c'] })), span)).toMatchObject({
      kind: 'In',
      field: 'ip',
      values: [{ text: 'a' }, { text: 'b' }, { text: 'c' }],
    });
    expect(f({ ip: '172.16.78.31' })).toBe(true);
    expect(f({ ip: '10.9.8.7' })).toBe(true);
    expect(f({ ip: '192.168.0.1' })).toBe(true);
    expect(f({ ip: '172.17.0.1' })).toBe(false);
    expect(f({ ip: ['1.1.1.1', '172.16.0.1'] })).toBe(true);
  });

  it('earliest from several results stays a time bound per result', () => {
    expect(subsearchExpr(formatRows(rows({ earliest: '1' }, { earliest: '2' })), span).kind).toBe('Or');
  });

  it('search text is parsed; () matches everything, so NOT () nothing', () => {
    expect(filter([{ search: 'a=1 OR b=2' }])({ b: '2' })).toBe(true);
    expect(filter([{ search: 'NOT ()' }])({ b: '2' })).toBe(false);
    expect(filter([{ search: 'NOT NOT ()' }])({ b: '2' })).toBe(true);
    expect(filter([{ search: 'x="()"' }])({ x: '()' })).toBe(true);
    expect(filter([{ search: '   ' }])({ b: '2' })).toBe(true);
  });

  it('unparsable or nested subsearch text is B605 at the subsearch', () => {
    for (const text of ['a=(', 'a | stats count', 'x [search y]']) {
      try {
        searchTextExpr(text, { start: 3, end: 9 });
        expect.unreachable(text);
      } catch (e) {
        expect(e).toBeInstanceOf(SplError);
        expect((e as SplError).code).toBe('B605');
        expect((e as SplError).span).toEqual({ start: 3, end: 9 });
      }
    }
  });

  it('lists the subsearches of a search expression in text order', () => {
    const cmd = parse('a [search b] NOT (c OR [search d])').commands[0]!;
    if (cmd.kind !== 'search') throw new Error('search expected');
    expect(subsearchesOf(cmd.expr).map((s) => s.span)).toEqual([
      { start: 2, end: 12 },
      { start: 23, end: 33 },
    ]);
  });
});

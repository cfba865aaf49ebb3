import { describe, expect, it } from 'vitest';
import { judge, matchRows, renderRows, type RenderedRow } from '../../../src/testing/judge.js';

const row = (o: Record<string, string | string[]>): RenderedRow => new Map(Object.entries(o));

describe('judge', () => {
  it("without expect: contentctl's rule, at least one result", () => {
    expect(judge([row({ a: '1' })], undefined)).toEqual({ pass: true });
    expect(judge([], undefined)).toMatchObject({ pass: false, reason: 'expected at least 1 result (contentctl rule), got 0' });
  });

  it('none, min_results, max_results', () => {
    expect(judge([], { none: true }).pass).toBe(true);
    expect(judge([row({ a: '1' })], { none: true })).toMatchObject({ pass: false, reason: 'expected no results (none: true), got 1', details: ['a="1"'] });
    expect(judge([row({})], { minResults: 2 }).reason).toBe('expected at least 2 results, got 1');
    expect(judge([row({}), row({}), row({})], { maxResults: 2 }).reason).toBe('expected at most 2 results, got 3');
    expect(judge([], { minResults: 0 }).pass).toBe(true);
  });

  it('rows: exactly these, in any order, each on the fields it lists; null = absent; one-value list = value', () => {
    const rows = [row({ ip: 'b', n: '2', ua: ['x', 'y'] }), row({ ip: 'a', n: '1' })];
    expect(judge(rows, { rows: [{ ip: 'a', ua: null }, { ip: 'b', ua: ['x', 'y'] }] }).pass).toBe(true);
    expect(judge([row({ ip: 'a' })], { rows: [{ ip: ['a'] }] }).pass).toBe(true);
    const v = judge(rows, { rows: [{ ip: 'a' }, { ip: 'c' }] });
    expect(v).toMatchObject({ pass: false, reason: 'expected 2 rows, got 2: 1 missing, 1 unexpected' });
    expect(v.details).toEqual(['missing:    ip="c"', 'unexpected: ip="b" n="2" ua=["x","y"]']);
    expect(judge(rows, { rows: [{ ip: 'a' }] }).pass).toBe(false);
  });

  it('matches rows by augmenting paths, not greedily', () => {
    // A greedy pass would give the first expected row (x=1) the first result and strand the second.
    const rows = [row({ x: '1', y: '1' }), row({ x: '1', y: '2' })];
    expect(matchRows(rows, [{ x: '1' }, { y: '1' }])).toEqual([1, 0]);
  });

  it('renders result values as the REST API does', () => {
    const rows = renderRows({ kind: 'table', fields: ['_time', 'n', 'mv'], rows: [new Map<string, string | number | string[]>([['_time', 0], ['n', 1.5], ['mv', ['a']]])] }, 'UTC');
    expect([...rows[0]!]).toEqual([['_time', '1970-01-01T00:00:00.000+00:00'], ['n', '1.5'], ['mv', 'a']]);
  });
});

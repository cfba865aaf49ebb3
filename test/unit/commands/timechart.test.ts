// timechart: `timechart [options] [agg=<stats-agg-term>] (<single-agg>... | eval(<expr>)) [BY <field>
// (<tc-option>)... [where <agg> <comparison>]]`.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/10.0/search-commands/timechart
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

const count = { fn: 'count', arg: null, text: 'count', as: null };

describe('timechart: documented forms', () => {
  it('options, an aggregation and a split field', () => {
    expect(lastCommand('* | timechart span=1h limit=5 useother=f count by x')).toEqual({
      kind: 'timechart',
      options: [{ name: 'span', value: '1h', quoted: false }, { name: 'limit', value: '5', quoted: false }, { name: 'useother', value: 'f', quoted: false }],
      agg: null,
      aggregations: [count],
      by: { field: 'x', options: [] },
      where: null,
    });
  });

  it('several aggregations without a split; options among them', () => {
    expect(lastCommand('* | timechart avg(cpu) as a span=5m max(cpu)')).toMatchObject({
      options: [{ name: 'span' }],
      aggregations: [{ fn: 'avg', as: 'a' }, { fn: 'max' }],
      by: null,
    });
  });

  it('tc-options after the split field belong to it', () => {
    expect(lastCommand('* | timechart count by host limit=0 useother=f')).toMatchObject({
      options: [],
      by: { field: 'host', options: [{ name: 'limit', value: '0' }, { name: 'useother', value: 'f' }] },
    });
  });

  it('eval(<expression>) BY a field (an Aggregation with fn "eval")', () => {
    expect(lastCommand('* | timechart span=1m eval(avg(CPU) * avg(MEM)) BY host')).toMatchObject({
      aggregations: [{ fn: 'eval', arg: { kind: 'eval', expr: { kind: 'Binary', op: '*' } }, text: 'eval(avg(CPU) * avg(MEM))', as: null }],
      by: { field: 'host' },
    });
  });

  it('agg= and the where clause: in/notin top/bottom N, < or > a number', () => {
    expect(lastCommand('* | timechart agg=max(count) count by host where count in top5')).toMatchObject({
      agg: { fn: 'max', arg: { name: 'count' } },
      where: { agg: { fn: 'count' }, comparison: { kind: 'rank', negated: false, order: 'top', n: 5 } },
    });
    expect(lastCommand('* | timechart count by host WHERE sum notin bottom 3')).toMatchObject({
      where: { agg: { fn: 'sum' }, comparison: { kind: 'rank', negated: true, order: 'bottom', n: 3 } },
    });
    expect(lastCommand('* | timechart count by host where max > 10')).toMatchObject({
      where: { agg: { fn: 'max' }, comparison: { kind: 'threshold', op: '>', value: 10 } },
    });
  });

  it('security_content: timechart limit=0 span=5m count', () => {
    expect(lastCommand('* | timechart limit=0 span=5m count')).toMatchObject({ options: [{ name: 'limit' }, { name: 'span' }], aggregations: [count], by: null });
  });

  it('spans', () => {
    const text = '* | timechart count by host useother=f where count in top3';
    const c = lastCommandNode(text, 'timechart');
    expect(spanText(text, c.span)).toBe('timechart count by host useother=f where count in top3');
    expect(spanText(text, c.by!.span)).toBe('host useother=f');
    expect(spanText(text, c.where!.span)).toBe('where count in top3');
  });

  it('prints canonically and round-trips', () => {
    expect(roundTrip('* | timechart count span=1h by host useother=f where count in top 3')).toEqual({
      printed: '* | timechart span=1h count BY host useother=f where count in top3', same: true,
    });
    expect(roundTrip('* | timechart agg=max(count) eval(a/b) as r by "where"')).toEqual({
      printed: '* | timechart agg=max(count) eval(a/b) AS r BY "where"', same: true,
    });
  });
});

describe('timechart: every corpus use parses into a timechart node', () => {
  it('all of them', () => {
    const uses = corpusUses('timechart');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThanOrEqual(2);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('timechart: syntax errors (P005 naming timechart)', () => {
  const cmp = '"in top<N>", "notin bottom<N>", "<" or ">" and a number';
  it.each([
    ['* | timechart', '', '"eval(" or an aggregation such as count', 'the end of the search'],
    ['* | timechart count by', '', 'a field name', 'the end of the search'],
    ['* | timechart count by host where', '', 'an aggregation such as count', 'the end of the search'],
    ['* | timechart count by host where count', '', cmp, 'the end of the search'],
    ['* | timechart count by host where count in x5', 'x5', cmp, '"x5"'],
    ['* | timechart count by host where count in top', 'top', cmp, '"top"'],
    ['* | timechart count by host where count > x', 'x', cmp, '"x"'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'timechart', expected, found } });
  });
});

// chart: `chart [options] [agg=] (<stats-agg-term> | eval(<expr>) AS <name>)... [BY <row> [<column>] |
// OVER <row> [BY <column>]] [where <agg> <comparison>]`.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/chart
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

const split = (field: string, options: object[] = []) => ({ field, options });

describe('chart: documented forms', () => {
  it('OVER row BY column and BY row column name the same splits', () => {
    const expected = {
      kind: 'chart', options: [], agg: null,
      aggregations: [{ fn: 'count', arg: null, text: 'count', as: null }],
      rowSplit: split('x'), columnSplit: split('y'), where: null,
    };
    expect(lastCommand('* | chart count over x by y')).toEqual(expected);
    expect(lastCommand('* | chart count by x y')).toEqual(expected);
    expect(lastCommand('* | chart count by x, y')).toEqual(expected);
  });

  it('one split: BY x or OVER x', () => {
    expect(lastCommand('* | chart avg(size) by host')).toMatchObject({ rowSplit: split('host'), columnSplit: null });
    expect(lastCommand('* | chart avg(size) over host')).toMatchObject({ rowSplit: split('host'), columnSplit: null });
  });

  it('eval(<expr>) AS name, and several aggregations', () => {
    expect(lastCommand('* | chart eval(avg(size)/max(delay)) AS ratio BY host user')).toMatchObject({
      aggregations: [{ fn: 'eval', arg: { kind: 'eval', expr: { kind: 'Binary', op: '/' } }, text: 'eval(avg(size)/max(delay))', as: 'ratio' }],
      rowSplit: split('host'), columnSplit: split('user'),
    });
    expect(lastCommand('* | chart count, max(delay) as m over host')).toMatchObject({ aggregations: [{ fn: 'count' }, { fn: 'max', as: 'm' }] });
  });

  it('chart options, bin options on the row split, tc-options and where on the column split', () => {
    expect(lastCommand('* | chart limit=top5 cont=f agg=sum(count) count over _time span=1h by host useother=f where count in top5')).toMatchObject({
      options: [{ name: 'limit', value: 'top5' }, { name: 'cont', value: 'f' }],
      agg: { fn: 'sum' },
      rowSplit: split('_time', [{ name: 'span', value: '1h', quoted: false }]),
      columnSplit: split('host', [{ name: 'useother', value: 'f', quoted: false }]),
      where: { comparison: { kind: 'rank', order: 'top', n: 5 } },
    });
  });

  it('after OVER x BY y there is no third field', () => {
    expect(syntaxFailure('* | chart count over x by y z')).toMatchObject({ code: 'P005', params: { command: 'chart' } });
  });

  it('spans', () => {
    const text = '* | chart count over a span=1 by b';
    const c = lastCommandNode(text, 'chart');
    expect(spanText(text, c.span)).toBe('chart count over a span=1 by b');
    expect(spanText(text, c.rowSplit!.span)).toBe('a span=1');
    expect(spanText(text, c.columnSplit!.span)).toBe('b');
  });

  it('prints canonically and round-trips', () => {
    expect(roundTrip('* | chart count by x span=1h y')).toEqual({ printed: '* | chart count OVER x span=1h BY y', same: true });
    expect(roundTrip('* | chart count over "over" where max < 3')).toEqual({ printed: '* | chart count BY "over" where max < 3', same: true });
  });
});

describe('chart: corpus uses', () => {
  it('security_content has none; nothing left generic', () => {
    expect(corpusUses('chart').problems).toEqual([]);
  });
});

describe('chart: syntax errors (P005 naming chart)', () => {
  it.each([
    ['* | chart', '', '"eval(" or an aggregation such as count', 'the end of the search'],
    ['* | chart over x', 'over', '"eval(" or an aggregation such as count', '"over"'],
    ['* | chart count over', '', 'a field name', 'the end of the search'],
    ['* | chart count over x by', '', 'a field name', 'the end of the search'],
    ['* | chart count by', '', 'a field name', 'the end of the search'],
    ['* | chart eval(a+) as r', ')', 'an expression', '")"'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'chart', expected, found } });
  });
});

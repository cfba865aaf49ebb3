/** Series selection of chart/timechart: limit parsing, ranking, ties, where clauses (chart/series.ts). */
import { describe, expect, it } from 'vitest';
import { Pivot } from '../../../src/chart/pivot.js';
import { chooseSeries, parseLimit, type SeriesRule } from '../../../src/chart/series.js';
import { planChartTerms } from '../../../src/chart/terms.js';
import type { Row } from '../../../src/data/event.js';
import { parse } from '../../../src/spl/parse.js';

const ctx = { clock: { now: 0, zone: 'UTC' }, command: 'chart' };

function chartOf(query: string) {
  const cmd = parse(query).commands[1]!;
  if (cmd.kind !== 'chart') throw new Error('not chart');
  return cmd;
}

/** A pivot of `chart <terms> OVER x BY y` fed with [x, y, v] triples. */
function pivotOf(terms: string, data: [string, string, string][]) {
  const cmd = chartOf(`* | chart ${terms} OVER x BY y`);
  const plan = planChartTerms('chart', cmd.aggregations, undefined, ctx);
  const split = { field: 'y', usenull: true, nullstr: 'NULL', useother: true, otherstr: 'OTHER', dedup: false };
  const pivot = new Pivot(plan.aggs, split);
  data.forEach(([x, y, v], seq) => {
    const row: Row = { fields: new Map([['x', x], ['y', y], ['v', v]]), seq };
    pivot.add(x, pivot.seriesOf(row), row, { time: 0, seq });
  });
  return { pivot, plan };
}

const rule = (text: string, where: string | null = null): SeriesRule => {
  const w = where ? chartOf(`* | chart count OVER x BY y where ${where}`).where : null;
  return { limit: parseLimit(text)!, agg: null, where: w };
};

describe('parseLimit', () => {
  it.each([
    ['10', { order: 'top', n: 10 }],
    ['top5', { order: 'top', n: 5 }],
    ['BOTTOM3', { order: 'bottom', n: 3 }],
    ['0', { order: 'top', n: 0 }],
  ])('%s', (text, expected) => expect(parseLimit(text)).toEqual(expected));
  it.each(['top', '-1', 'x5'])('rejects %s', (text) => expect(parseLimit(text)).toBeUndefined());
});

describe('chooseSeries', () => {
  // Totals of sum(v): a=5, b=5, c=9, d=1; a and b tie.
  const data: [string, string, string][] = [['1', 'b', '5'], ['1', 'a', '2'], ['2', 'a', '3'], ['1', 'c', '9'], ['2', 'd', '1']];
  const { pivot, plan } = pivotOf('sum(v)', data);

  it('keeps the top N by total; ties go to the lexicographically smaller name', () => {
    expect(chooseSeries(pivot, plan, rule('2'), true)).toEqual({ kept: ['a', 'c'], other: ['b', 'd'] });
  });

  it('bottomN keeps the lowest totals', () => {
    expect(chooseSeries(pivot, plan, rule('bottom2'), true)).toEqual({ kept: ['a', 'd'], other: ['b', 'c'] });
  });

  it('limit=0 keeps every series, in byte order', () => {
    expect(chooseSeries(pivot, plan, rule('0'), true)).toEqual({ kept: ['a', 'b', 'c', 'd'], other: [] });
  });

  it('useother=false merges nothing', () => {
    expect(chooseSeries(pivot, plan, rule('1'), false)).toEqual({ kept: ['c'], other: [] });
  });

  it('a where clause replaces limit: max in top1, sum > 4, notin top1', () => {
    expect(chooseSeries(pivot, plan, rule('1', 'max in top1'), true).kept).toEqual(['c']);
    expect(chooseSeries(pivot, plan, rule('1', 'sum > 4'), true).kept).toEqual(['a', 'b', 'c']);
    expect(chooseSeries(pivot, plan, rule('10', 'sum notin top1'), true).kept).toEqual(['a', 'b', 'd']);
  });

  it('with several terms, series rank by how many results they have', () => {
    const many = pivotOf('sum(v) max(v)', [['1', 'z', '1'], ['2', 'z', '1'], ['1', 'y', '100']]);
    expect(chooseSeries(many.pivot, many.plan, rule('1'), true).kept).toEqual(['z']);
  });
});

/**
 * `chart <terms> [BY x [y] | OVER x [BY y]]`: one row per value of the row split x (rows without
 * it are dropped, as stats drops groups), a column per term, or per series of the column split y
 * (limit, OTHER and NULL as timechart, chart/series.ts). Without any split, one row of the terms.
 * Search Reference, "chart": https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/chart
 */
import type { Row, Scalar } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import type { CommandOption } from '../spl/ast.js';
import type { ChartCommand, ChartSplit } from '../spl/commands/index.js';
import { eventTime, orderTimeOf } from '../stats/feed.js';
import { planStatsOptions } from '../stats/plan.js';
import { CHART_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import { Pivot } from '../chart/pivot.js';
import { planRowSplit, type RowSplit } from '../chart/row-split.js';
import { chartRows } from '../chart/rows.js';
import { chartColumns, chooseSeries } from '../chart/series.js';
import { BIN_OPTIONS, readSeriesSetup, SERIES_OPTIONS, type SeriesSetup } from '../chart/setup.js';
import { checkSplitsNotAggregated, planChartTerms, type ChartPlan } from '../chart/terms.js';
import { groupLimit, type HoldLimit } from './limit-guard.js';
import type { BindContext, CommandImpl, Sink } from './types.js';

const isBinOption = (o: CommandOption): boolean => (BIN_OPTIONS as readonly string[]).includes(o.name.toLowerCase());

export const chartCommand: CommandImpl<ChartCommand> = {
  kind: 'chart',
  needsOrder: false,
  compile(cmd, ctx) {
    const { rowSplit: row, columnSplit: column } = cmd;
    const binOptions = [...cmd.options, ...(row?.options ?? [])].filter(isBinOption);
    const lone = row ? undefined : binOptions[0];
    if (lone) throw new SplError('B306', { command: 'chart', reason: `'${lone.name}' needs a row split (BY or OVER)` }, { span: lone.span });
    const colBins = column?.options.find(isBinOption);
    if (colBins) throw new SplError('B303', { command: 'chart', feature: `'${colBins.name}' on the column split` }, { span: colBins.span });
    const others = [cmd.options, row?.options ?? [], column?.options ?? []].flat().filter((o) => !isBinOption(o));
    const setup = readSeriesSetup(new OptionReader('chart', others, SERIES_OPTIONS, CHART_OPTION_RULES), column, cmd.agg, cmd.where, false);
    const plan = planChartTerms('chart', cmd.aggregations, planStatsOptions('chart', []), { clock: ctx.clock, command: 'chart' });
    checkTerms(plan, cmd, row, column);
    const rowSplit = row ? planRowSplit(row, new OptionReader('chart', binOptions, BIN_OPTIONS, CHART_OPTION_RULES), ctx.clock.zone) : null;
    return { operator: (next) => chartSink(next, plan, setup, rowSplit, ctx, groupLimit(ctx.services.limits, 'chart', cmd.span)), ordersOutput: true, transforms: true };
  },
};

/**
 * An eval term needs AS unless there is a column split ("Unless you specify a split-by clause,
 * the eval expression must be renamed"); no split field may also be aggregated ("you cannot
 * specify the same field in a function and as the row-split field").
 */
function checkTerms(plan: ChartPlan, cmd: ChartCommand, row: ChartSplit | null, column: ChartSplit | null): void {
  plan.terms.forEach((t, i) => {
    if (t.isEval && !column && cmd.aggregations[i]!.as === null) throw new SplError('B304', { command: 'chart' }, { span: t.span });
  });
  checkSplitsNotAggregated('chart', plan, [row, column]);
}

function chartSink(next: Sink, plan: ChartPlan, setup: SeriesSetup, rowSplit: RowSplit | null, ctx: BindContext, limit: HoldLimit): Sink {
  const pivot = new Pivot(plan.aggs, setup.split, undefined, limit);
  const ordered = ctx.order === 'ordered';
  return {
    push: (row) => {
      const xs = rowSplit ? xValues(row, rowSplit, setup.dedup) : NO_SPLIT;
      if (xs.length === 0) return;
      const series = pivot.seriesOf(row);
      const key = { time: orderTimeOf(row, ordered), seq: row.seq };
      const timeKey = { time: eventTime(row) ?? -Infinity, seq: row.seq };
      for (const x of xs) pivot.add(x, series, row, key, timeKey);
    },
    end: () => {
      const seen = [...pivot.xs.values()].map((x) => x.key);
      const keys = rowSplit ? rowSplit.keys(seen, setup.cont) : NO_SPLIT;
      const choice = chooseSeries(pivot, plan, setup.rule, setup.split?.useother ?? false);
      const columns = chartColumns(plan, choice, setup.naming, setup.split !== null);
      const shape = { xField: rowSplit?.field ?? null, columns };
      for (const out of chartRows(pivot, plan, choice, shape, keys)) next.push(out);
      next.end();
    },
  };
}

const NO_SPLIT: readonly Scalar[] = [''];

/** The x values of a result: each value of the row split field, binned; none when it is missing. */
function xValues(row: Row, split: RowSplit, dedup: boolean): Scalar[] {
  const v = row.fields.get(split.field);
  if (v === undefined) return [];
  const list = Array.isArray(v) ? (v as readonly Scalar[]) : [v as Scalar];
  const out: Scalar[] = [];
  for (const value of list) {
    const x = split.bin(value);
    if (x !== undefined && !(dedup && out.includes(x))) out.push(x);
  }
  return out;
}

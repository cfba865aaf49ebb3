/**
 * `timechart`: aggregate per time bin of `_time` (and per series of the BY field) into one row
 * per bin, `_time` first, then a column per term or per series. Search Reference "timechart":
 * without `span=` the span is the smallest default giving at most `bins` (100) bins over the
 * results' time range; `cont=true` fills the bins between the first and the last; columns follow
 * chart/series.ts. Spans are read by chart/timechart-span.ts and laid out by time/time-span.ts.
 */
import type { Row } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import { resolveTimeModifier } from '../time/relative.js';
import type { TimechartCommand } from '../spl/commands/index.js';
import { eventTime, orderTimeOf } from '../stats/feed.js';
import { planStatsOptions } from '../stats/plan.js';
import { CHART_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import { Pivot } from '../chart/pivot.js';
import { chartRows } from '../chart/rows.js';
import { chartColumns, chooseSeries } from '../chart/series.js';
import { allOptions, BIN_OPTIONS, readSeriesSetup, SERIES_OPTIONS, type SeriesSetup } from '../chart/setup.js';
import { checkSplitsNotAggregated, planChartTerms, type ChartPlan } from '../chart/terms.js';
import { defaultSpan, nominalSeconds, parseTimeSpan } from '../chart/timechart-span.js';
import { binStart, nextBinStart, type TimeSpan } from '../time/time-span.js';
import { groupLimit, rowLimit, type HoldLimit } from './limit-guard.js';
import type { BindContext, CommandImpl, Sink } from './types.js';

const OPTIONS = [...SERIES_OPTIONS, ...BIN_OPTIONS, 'partial', 'fixedrange'];

interface Bins {
  /** The span when written; otherwise chosen from the data at the end. */
  readonly span: TimeSpan | undefined;
  readonly bins: number;
  readonly minSeconds: number;
  readonly align: number;
}

export const timechartCommand: CommandImpl<TimechartCommand> = {
  kind: 'timechart',
  needsOrder: false,
  compile(cmd, ctx) {
    const reader = new OptionReader('timechart', allOptions(cmd, cmd.by), OPTIONS, CHART_OPTION_RULES);
    const setup = readSeriesSetup(reader, cmd.by, cmd.agg, cmd.where, true);
    const cc = { clock: ctx.clock, command: 'timechart' };
    const plan = planChartTerms('timechart', cmd.aggregations, planStatsOptions('timechart', []), cc, true);
    checkEvalNames(plan, cmd);
    checkSplitsNotAggregated('timechart', plan, [cmd.by]);
    const bins = readBins(reader, ctx);
    return { operator: (next) => timechartSink(next, plan, setup, bins, ctx, groupLimit(ctx.services.limits, 'timechart', cmd.span)), ordersOutput: true, transforms: true };
  },
};

/** Without a BY clause an eval term needs AS: its text is no column name. */
function checkEvalNames(plan: ChartPlan, cmd: TimechartCommand): void {
  if (cmd.by) return;
  for (const [i, t] of plan.terms.entries()) {
    if (t.isEval && cmd.aggregations[i]!.as === null) throw new SplError('B304', { command: 'timechart' }, { span: t.span });
  }
}

function readBins(reader: OptionReader, ctx: BindContext): Bins {
  for (const name of ['start', 'end'] as const) {
    const o = reader.get(name);
    if (o) throw new SplError('B303', { command: 'timechart', feature: `'${o.name}' (numeric bin extents)` }, { span: o.span });
  }
  const align = readAlign(reader, ctx);
  const spanOption = reader.get('span');
  const span = spanOption ? parseTimeSpan(spanOption.value, align) : undefined;
  if (spanOption && !span) throw reader.invalid(spanOption, 'a time span such as 30m, 1h, 1d, 1mon or w@w1');
  const minOption = reader.get('minspan');
  const min = minOption ? parseTimeSpan(minOption.value) : undefined;
  if (minOption && !min) throw reader.invalid(minOption, 'a time span such as 30m');
  return { span, bins: reader.integer('bins', 100, 1), minSeconds: min ? nominalSeconds(min) : 0, align };
}

/** `aligntime=@d+5h`: bins below a day start at that time (modulo the span) instead of epoch 0. */
function readAlign(reader: OptionReader, ctx: BindContext): number {
  const o = reader.get('aligntime');
  if (!o) return 0;
  if (/^(earliest|latest)$/i.test(o.value)) {
    const feature = `aligntime=${o.value} (the search time range is not known to commands)`;
    throw new SplError('B303', { command: 'timechart', feature }, { span: o.span });
  }
  const t = resolveTimeModifier(o.value, ctx.clock);
  if (t === undefined) throw reader.invalid(o, 'earliest, latest or a time modifier such as @d+5h');
  return t;
}

function timechartSink(next: Sink, plan: ChartPlan, setup: SeriesSetup, bins: Bins, ctx: BindContext, limit: HoldLimit): Sink {
  const zone = ctx.clock.zone;
  let span = bins.span;
  const pivot = new Pivot(plan.aggs, setup.split, (key) => nextBinStart(span!, key as number, zone) - (key as number), limit);
  const hold = rowLimit(ctx.services.limits, 'timechart', limit.site.span);
  const ordered = ctx.order === 'ordered';
  const held: Row[] = [];
  let first = Infinity;
  let last = -Infinity;
  const feed = (row: Row, t: number, within: TimeSpan): void => {
    const key = { time: orderTimeOf(row, ordered), seq: row.seq };
    pivot.add(binStart(within, t, zone), pivot.seriesOf(row), row, key, { time: t, seq: row.seq });
  };
  return {
    push: (row) => {
      const t = eventTime(row);
      if (t === undefined || !Number.isFinite(t)) return;
      first = Math.min(first, t);
      last = Math.max(last, t);
      if (span) feed(row, t, span);
      else {
        hold.add();
        held.push(row);
      }
    },
    end: () => {
      if (first <= last) {
        const chosen = (span ??= defaultSpan(first, last, bins.bins, zone, bins.minSeconds));
        for (const row of held) feed(row, eventTime(row)!, chosen);
        emit(next, pivot, plan, setup, binKeys(pivot, chosen, setup.cont, zone, limit));
      }
      next.end();
    },
  };
}

/**
 * Bin starts in time order: every bin from the first to the last with `cont=true`, else the used
 * ones. The empty bins count against max_groups: a 1s span over years would be billions of rows.
 */
function binKeys(pivot: Pivot, span: TimeSpan, cont: boolean, zone: string, limit: HoldLimit): number[] {
  const used = [...pivot.xs.values()].map((x) => x.key as number).sort((a, b) => a - b);
  if (!cont || used.length === 0) return used;
  const keys = new Set(used);
  const last = used[used.length - 1]!;
  for (let b = used[0]!; b <= last; b = nextBinStart(span, b, zone)) {
    if (!keys.has(b)) limit.add();
    keys.add(b);
  }
  return [...keys].sort((a, b) => a - b);
}

function emit(next: Sink, pivot: Pivot, plan: ChartPlan, setup: SeriesSetup, keys: readonly number[]): void {
  const choice = chooseSeries(pivot, plan, setup.rule, setup.split?.useother ?? false);
  const columns = chartColumns(plan, choice, setup.naming, setup.split !== null);
  for (const row of chartRows(pivot, plan, choice, { xField: '_time', columns }, keys)) next.push(row);
}

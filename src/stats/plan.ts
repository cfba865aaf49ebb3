/**
 * Bind-time plan of a stats-like command: each aggregation resolved in the registry with its
 * output name, checked against Splunk's rules (spec 03 T1, 08 E7/E8). Shared by stats and, later,
 * eventstats/streamstats/timechart.
 */
import { SplError } from '../errors/spl-error.js';
import { escapeRegex } from '../search/wildcard.js';
import { compileExpression } from '../eval/compile.js';
import type { CompileContext, Compiled } from '../eval/types.js';
import type { Aggregation, CommandOption, FieldRef } from '../spl/ast.js';
import { lookupAggregation } from './aggregations.js';
import { planSparkline } from './sparkline-plan.js';
import { toNumber } from '../eval/values.js';
import type { Scalar } from '../data/event.js';
import type { Accumulator, AggregationSpec, OrderKey } from './types.js';
import { OptionReader } from '../commands/shared/options.js';
import { STATS_OPTION_RULES } from '../commands/shared/option-rules.js';

export interface PlannedAggregation {
  readonly spec: AggregationSpec;
  readonly param: number | undefined;
  /** The field to aggregate; null for `count` with no argument. */
  readonly field: string | null;
  readonly output: string;
  /** Set when the argument has `*`: the aggregation applies to every matching field (T15). */
  readonly wildcard: WildcardArgument | null;
  /** Set for `fn(eval(<expr>))`: the values aggregated are the expression's (T5). */
  readonly expr: Compiled | null;
}

export interface WildcardArgument {
  matches(field: string): boolean;
  output(field: string): string;
}

export interface StatsOptions {
  readonly dedupSplitvals: boolean;
  /** T4 `allnum=true`: numeric-only functions give nothing for a group with a non-numeric value. */
  readonly allnum?: boolean;
}

/** The functions that use only numeric values (spec 03 T4); `allnum` applies to these. */
const NUMERIC_ONLY: ReadonlySet<string> = new Set([
  'sum', 'avg', 'sumsq', 'range', 'stdev', 'stdevp', 'var', 'varp', 'perc', 'exactperc', 'upperperc',
]);

export function planAggregations(
  command: string,
  aggs: readonly Aggregation[],
  by: readonly FieldRef[],
  options: StatsOptions | undefined,
  ctx: CompileContext,
): PlannedAggregation[] {
  const planned = aggs.map((a) => withAllnum(planOne(command, a, ctx), options?.allnum ?? false));
  const byNames = new Set(by.map((b) => b.name));
  planned.forEach((p, i) => {
    if (byNames.has(p.output)) throw new SplError('B002', { command, name: p.output }, { span: aggs[i]!.span });
  });
  checkOneNamePerAggregation(planned, aggs);
  return planned;
}

/**
 * T1: the same aggregation of one field cannot get two output names
 * (`stats first(host) AS site, first(host) AS report` is invalid; `min(_time)` and `max(_time)` are fine).
 */
function checkOneNamePerAggregation(planned: readonly PlannedAggregation[], aggs: readonly Aggregation[]): void {
  const seen = new Map<string, string>();
  planned.forEach((p, i) => {
    // Keyed on the function as written: aliases (`dc`/`distinct_count`, `perc95`/`p95`) may coexist.
    const key = aggs[i]!.text;
    const first = seen.get(key);
    if (first !== undefined && first !== p.output) {
      throw new SplError('B009', { name: aggs[i]!.text, first, second: p.output }, { span: aggs[i]!.span });
    }
    seen.set(key, p.output);
  });
}

function planOne(command: string, a: Aggregation, ctx: CompileContext): PlannedAggregation {
  const found = lookupAggregation(a.fn);
  const invalid = (): SplError => new SplError('B001', { arg: a.text }, { span: a.span });
  if (!found) throw invalid();
  if (found.spec.name === 'sparkline') return planSparkline(command, a, ctx);
  if (a.arg?.kind === 'eval') {
    const expr = compileExpression(a.arg.expr, { ...ctx, command });
    return { spec: found.spec, param: found.param, field: null, output: a.as ?? a.text, wildcard: null, expr };
  }
  const field = a.arg?.name ?? null;
  if (field === null && found.spec.needsArg !== 'optional') throw invalid();
  const wildcard = field !== null && field.includes('*') ? wildcardArgument(a.fn, field, a.as) : null;
  return { spec: found.spec, param: found.param, field, output: a.as ?? a.text, wildcard, expr: null };
}

/**
 * T15: `avg(*lay)` aggregates every matching field, each into `avg(<field>)` (or the AS name with
 * its `*` replaced by the field). Internal `_` fields match only a pattern that starts with `_`.
 */
function wildcardArgument(fn: string, pattern: string, as: string | null): WildcardArgument {
  const re = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`, 's');
  const internal = pattern.startsWith('_');
  return {
    matches: (name) => re.test(name) && (internal || !name.startsWith('_')),
    output: (name) => (as === null ? `${fn}(${name})` : as.replace('*', name)),
  };
}

const STATS_OPTIONS = ['dedup_splitvals', 'allnum', 'delim', 'partitions'];

/**
 * Options are read one at a time, in order, so the first bad one (name or value) is the one
 * reported, even when a later occurrence would replace it; delim and partitions have no effect.
 */
export function planStatsOptions(command: string, options: readonly CommandOption[]): StatsOptions {
  let dedupSplitvals = false;
  let allnum = false;
  for (const o of options) {
    const reader = new OptionReader(command, [o], STATS_OPTIONS, STATS_OPTION_RULES);
    dedupSplitvals = reader.boolean('dedup_splitvals', dedupSplitvals);
    allnum = reader.boolean('allnum', allnum);
  }
  return { dedupSplitvals, allnum };
}

/**
 * T4 `allnum=true`: `avg(age)` over 25 and "test" gives no value for the group (instead of 25),
 * while `max(age)`, which is not numeric-only, still gives "test".
 */
function withAllnum(p: PlannedAggregation, allnum: boolean): PlannedAggregation {
  if (!allnum || !NUMERIC_ONLY.has(p.spec.name)) return p;
  const inner = p.spec;
  return { ...p, spec: { ...inner, create: (param) => new AllnumAccumulator(inner.create(param)) } };
}

class AllnumAccumulator implements Accumulator {
  private poisoned = false;

  constructor(private readonly inner: Accumulator) {}

  add(values: readonly Scalar[], order: OrderKey): void {
    if (values.some((v) => toNumber(v) === undefined)) this.poisoned = true;
    this.inner.add(values, order);
  }

  merge(other: Accumulator): void {
    const o = other as AllnumAccumulator;
    this.poisoned ||= o.poisoned;
    this.inner.merge(o.inner);
  }

  result(): ReturnType<Accumulator['result']> {
    return this.poisoned ? undefined : this.inner.result();
  }
}

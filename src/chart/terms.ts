/**
 * The terms of chart and timechart: aggregations (`avg(size)`, `count(eval(x>1)) AS n`) and eval
 * expressions over aggregations (`eval(avg(size)/max(delay)) AS ratio`, Search Reference "chart":
 * "eval-expression"). Every statistical function call inside such an expression becomes one more
 * planned aggregation; the expression, compiled once, reads their results from a scratch row.
 */
import { newRow, type FieldValue } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import { compileExpression } from '../eval/compile.js';
import { returnsBoolean } from '../eval/static-type.js';
import type { CompileContext } from '../eval/types.js';
import type { Aggregation, Expr } from '../spl/ast.js';
import type { ChartSplit } from '../spl/commands/chart.js';
import { lookupAggregation } from '../stats/aggregations.js';
import type { AggState } from '../stats/feed.js';
import { planAggregations, type PlannedAggregation, type StatsOptions } from '../stats/plan.js';

export type Results = readonly (FieldValue | undefined)[];

export interface ChartTerm {
  /** The column name (AS name, or the term as written). */
  readonly output: string;
  /** Its aggregations: `aggs[first .. first + count)` of the plan. */
  readonly first: number;
  readonly count: number;
  /** The term's value from the results of its aggregations (and the bin's length); undefined = absent. */
  value(results: Results, first: number, binSeconds?: number): FieldValue | undefined;
  readonly isEval: boolean;
  readonly span: Aggregation['span'];
}

export interface ChartPlan {
  readonly terms: readonly ChartTerm[];
  readonly aggs: readonly PlannedAggregation[];
}

/**
 * `rates`: timechart's per_second/per_minute/per_hour/per_day(field), the sum over a bin scaled to
 * the unit ("per_hour() converts the field value so that it is a rate per hour, or
 * sum()/<hours in the span>").
 */
export function planChartTerms(
  command: string,
  written: readonly Aggregation[],
  options: StatsOptions | undefined,
  ctx: CompileContext,
  rates = false,
): ChartPlan {
  const aggs: PlannedAggregation[] = [];
  const plain = written
    .filter((a) => a.arg?.kind !== 'eval' || a.fn.toLowerCase() !== 'eval')
    .map((a) => (rates && rateUnit(a.fn) ? { ...a, fn: 'sum', as: a.as ?? a.text } : a));
  // Checked together: one output name per aggregation (spec 03 T1).
  const planned = planAggregations(command, plain, [], options, ctx);
  const terms = written.map((a): ChartTerm => {
    const first = aggs.length;
    if (a.fn.toLowerCase() === 'eval' && a.arg?.kind === 'eval') return evalTerm(command, a, aggs, options, ctx);
    const p = planned[plain.findIndex((x) => x.span === a.span)]!;
    if (p.wildcard) throw new SplError('B303', { command, feature: 'A wildcard field in an aggregation' }, { span: a.span });
    aggs.push(p);
    const unit = rates ? rateUnit(a.fn) : undefined;
    const value = unit === undefined
      ? (r: Results, at: number) => r[at]
      : (r: Results, at: number, bin?: number) => perUnit(r[at], unit, bin);
    return { output: p.output, first, count: 1, value, isEval: false, span: a.span };
  });
  return { terms, aggs };
}

/** No split field may also be aggregated (`chart sum(A) BY A` is refused, Search Reference "chart"). */
export function checkSplitsNotAggregated(command: string, plan: ChartPlan, splits: readonly (ChartSplit | null)[]): void {
  for (const s of splits) {
    if (s && plan.aggs.some((a) => a.field === s.field)) {
      const reason = `the field '${s.field}' cannot be both aggregated and a split field`;
      throw new SplError('B306', { command, reason }, { span: s.span });
    }
  }
}

const RATE_UNITS: Readonly<Record<string, number>> = { per_second: 1, per_minute: 60, per_hour: 3600, per_day: 86400 };

function rateUnit(fn: string): number | undefined {
  return RATE_UNITS[fn.toLowerCase()];
}

function perUnit(sum: FieldValue | undefined, unit: number, binSeconds: number | undefined): FieldValue | undefined {
  if (typeof sum !== 'number' || binSeconds === undefined || !(binSeconds > 0)) return undefined;
  return (sum * unit) / binSeconds;
}

/** The results of a state's aggregations, in plan order. */
export function resultsOf(state: AggState): (FieldValue | undefined)[] {
  return state.accs.map((acc) => acc.result());
}

/** The value of every term from one state (`binSeconds`: the length of its time bin). */
export function termValues(plan: ChartPlan, state: AggState, binSeconds?: number): (FieldValue | undefined)[] {
  const results = resultsOf(state);
  return plan.terms.map((t) => t.value(results, t.first, binSeconds));
}

function evalTerm(
  command: string,
  a: Aggregation,
  aggs: PlannedAggregation[],
  options: StatsOptions | undefined,
  ctx: CompileContext,
): ChartTerm {
  const expr = (a.arg as { expr: Expr }).expr;
  const found: Aggregation[] = [];
  const rewritten = rewrite(expr, found);
  if (found.length === 0) throw new SplError('B305', { command, text: a.text }, { span: a.span });
  if (returnsBoolean(rewritten)) throw new SplError('B104', { command }, { span: expr.span });
  const first = aggs.length;
  for (const f of found) aggs.push(planAggregations(command, [f], [], options, ctx)[0]!);
  const compiled = compileExpression(rewritten, { ...ctx, command });
  const names = found.map((_, i) => slotName(i));
  const value = (results: Results, at: number): FieldValue | undefined => {
    const row = newRow(0);
    names.forEach((name, i) => {
      const v = results[at + i];
      if (v !== undefined) row.fields.set(name, v);
    });
    const v = compiled(row);
    return v === null || typeof v === 'boolean' ? undefined : (v as FieldValue);
  };
  return { output: a.as ?? a.text, first, count: found.length, value, isEval: true, span: a.span };
}

/** A field name no event can have: where an eval term reads the result of its i-th aggregation. */
function slotName(i: number): string {
  return `\u0000agg${i}`;
}

/** Replace every statistical call (`avg(size)`, `count(x)`) by a read of its result slot. */
function rewrite(e: Expr, found: Aggregation[]): Expr {
  switch (e.kind) {
    case 'Call': {
      const agg = asAggregation(e);
      if (agg) {
        found.push(agg);
        return { kind: 'Field', span: e.span, name: slotName(found.length - 1) };
      }
      return { ...e, args: e.args.map((x) => rewrite(x, found)) };
    }
    case 'Unary':
      return { ...e, operand: rewrite(e.operand, found) };
    case 'Binary':
      return { ...e, left: rewrite(e.left, found), right: rewrite(e.right, found) };
    case 'In':
      return { ...e, operand: rewrite(e.operand, found), values: e.values.map((x) => rewrite(x, found)) };
    default:
      return e;
  }
}

/** `avg(size)`, `max(delay)`, `count()`: a stats function of at most one field. */
function asAggregation(e: Extract<Expr, { kind: 'Call' }>): Aggregation | undefined {
  if (!lookupAggregation(e.name) || e.args.length > 1) return undefined;
  const arg = e.args[0];
  if (arg && arg.kind !== 'Field') return undefined;
  const text = `${e.name}(${arg?.name ?? ''})`;
  return {
    span: e.span,
    fn: e.name,
    fnSpan: e.nameSpan,
    arg: arg ? { kind: 'field', name: arg.name, span: arg.span } : null,
    text,
    as: text,
  };
}

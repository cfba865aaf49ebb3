/**
 * Which series become columns (Search Reference, timechart `limit`, `agg`, where clause): with one
 * term a series scores the sum of its values over the x axis, with several terms the number of
 * results it has; `limit=N` (default top10, 0 = all) keeps the N best, ties going to the
 * lexicographically smaller name ("'AMOUNT' takes precedence over 'amount'"). `agg=<fn>` or a
 * where clause (`where max in top5`, `where sum > 100`) score with another function over the
 * values; a where clause replaces limit. The rest merge into OTHER unless `useother=false`.
 * Kept series are listed in byte order, OTHER last.
 */
import type { Scalar } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import { compareBytes, toNumber } from '../eval/values.js';
import type { Aggregation } from '../spl/ast.js';
import type { SeriesFilter } from '../spl/commands/chart.js';
import { lookupAggregation, type ResolvedAggregation } from '../stats/aggregations.js';
import { newAggState } from '../stats/feed.js';
import type { Pivot } from './pivot.js';
import { termValues, type ChartPlan } from './terms.js';

export interface SeriesLimit {
  readonly order: 'top' | 'bottom';
  /** 0 = keep every series. */
  readonly n: number;
}

export interface SeriesRule {
  readonly limit: SeriesLimit;
  readonly agg: Aggregation | null;
  readonly where: SeriesFilter | null;
}

/** `limit=5`, `limit=top5`, `limit=bottom3`; undefined when malformed. */
export function parseLimit(text: string): SeriesLimit | undefined {
  const m = /^(top|bottom)?(\d+)$/i.exec(text.trim());
  if (!m) return undefined;
  return { order: (m[1]?.toLowerCase() ?? 'top') as 'top' | 'bottom', n: Number(m[2]) };
}

/** Resolve the scoring function of `agg=` or the where clause at bind time (B001 when unknown). */
export function checkScoring(rule: SeriesRule): void {
  for (const a of [rule.agg, rule.where?.agg]) {
    if (a && !lookupAggregation(a.fn)) throw new SplError('B001', { arg: a.text }, { span: a.span });
  }
}

export interface SeriesChoice {
  /** Kept series, byte-ordered. */
  readonly kept: readonly string[];
  /** Series merged into OTHER (empty when useother=false or nothing was left out). */
  readonly other: readonly string[];
}

export function chooseSeries(pivot: Pivot, plan: ChartPlan, rule: SeriesRule, useother: boolean): SeriesChoice {
  const names = pivot.seriesNames();
  const scores = scoreSeries(pivot, plan, rule, names);
  const keep = new Set(pick(names, scores, rule));
  const kept = names.filter((n) => keep.has(n)).sort(compareBytes);
  const other = useother ? names.filter((n) => !keep.has(n)) : [];
  return { kept, other };
}

function pick(names: readonly string[], scores: ReadonlyMap<string, number>, rule: SeriesRule): string[] {
  const c = rule.where?.comparison;
  if (c?.kind === 'threshold') {
    return names.filter((n) => (c.op === '>' ? scores.get(n)! > c.value : scores.get(n)! < c.value));
  }
  const limit: SeriesLimit = c ? { order: c.order, n: c.n } : rule.limit;
  if (limit.n === 0 && !c) return [...names];
  const ranked = rank(names, scores, limit.order).slice(0, limit.n);
  return c?.negated ? names.filter((n) => !ranked.includes(n)) : ranked;
}

/** Best first; a series without a numeric score ranks last either way. */
function rank(names: readonly string[], scores: ReadonlyMap<string, number>, order: 'top' | 'bottom'): string[] {
  const key = (n: string): number => {
    const s = scores.get(n)!;
    return Number.isNaN(s) ? Infinity : order === 'top' ? -s : s;
  };
  return [...names].sort((a, b) => key(a) - key(b) || compareBytes(a, b));
}

function scoreSeries(pivot: Pivot, plan: ChartPlan, rule: SeriesRule, names: readonly string[]): Map<string, number> {
  const scorer = rule.where?.agg ?? rule.agg;
  if (!scorer && plan.terms.length > 1) return new Map(names.map((n) => [n, pivot.frequency.get(n) ?? 0]));
  const fn: ResolvedAggregation = scorer ? lookupAggregation(scorer.fn)! : lookupAggregation('sum')!;
  const accs = new Map(names.map((n) => [n, fn.spec.create(fn.param)]));
  let seq = 0;
  for (const x of pivot.xs.values()) {
    for (const [name, cell] of x.cells) {
      const v = termValues(plan, cell, pivot.binSeconds?.(x.key))[0];
      if (v !== undefined) accs.get(name)!.add(Array.isArray(v) ? (v as Scalar[]) : [v as Scalar], { time: 0, seq: seq++ });
    }
  }
  const scores = new Map<string, number>();
  for (const [name, acc] of accs) {
    const r = acc.result();
    const s = r === undefined || Array.isArray(r) ? undefined : toNumber(r as Scalar);
    scores.set(name, s ?? NaN);
  }
  return scores;
}

/** One output column: a term of one series, or of OTHER (series = null). */
export interface Column {
  readonly name: string;
  readonly term: number;
  readonly series: string | null;
}

export interface NamingOptions {
  /** `format=` with `$AGG$` and `$VAL$`; `sep=` gives `$AGG$<sep>$VAL$`; default `$AGG$: $VAL$`. */
  readonly format: string;
  readonly otherstr: string;
  /** timechart: a series named `_x` becomes `VALUE__x` (internal-looking names are hidden otherwise). */
  readonly prefixInternal: boolean;
}

/** Columns grouped by term, kept series in byte order, then OTHER. */
export function chartColumns(plan: ChartPlan, choice: SeriesChoice, naming: NamingOptions, split: boolean): Column[] {
  if (!split) return plan.terms.map((t, i) => ({ name: t.output, term: i, series: '' }));
  const columns: Column[] = [];
  plan.terms.forEach((t, term) => {
    const label = (value: string): string =>
      plan.terms.length === 1 ? value : naming.format.replaceAll('$AGG$', t.output).replaceAll('$VAL$', value);
    for (const s of choice.kept) {
      const shown = naming.prefixInternal && s.startsWith('_') ? `VALUE_${s}` : s;
      columns.push({ name: label(shown), term, series: s });
    }
    if (choice.other.length > 0) columns.push({ name: label(naming.otherstr), term, series: null });
  });
  return columns;
}

/** The empty state's term values: what a cell without results shows (count 0, others absent). */
export function emptyValues(plan: ChartPlan, binSeconds?: number): ReturnType<typeof termValues> {
  return termValues(plan, newAggState(plan.aggs), binSeconds);
}

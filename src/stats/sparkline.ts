/**
 * sparkline([<fn>(<field>)][, <span>]) for stats (Search Reference, "chart", Sparkline options;
 * Search Manual, "Add sparklines to search results"): per group, the function over each time bin,
 * returned as Splunk's REST API returns a sparkline: a multivalue field whose first value is
 * `##__SPARKLINE__##`, then one value per bin, oldest first.
 * - every sparkline of a stats shares one time axis: from the earliest to the latest `_time` the
 *   stats sees (Splunk uses the search's time range, which commands here do not know);
 * - without a span, limits.conf [stats] `sparkline_time_steps` (1s,5s,10s,30s,1m,5m,10m,30m,1h,
 *   1d,1month) picks the smallest step with at most `sparkline_maxsize` (list_maxsize, 100) bins
 *   over that range; bins align as timechart's do (time/time-span.ts);
 * - at most 100 values: with a span giving more, the latest 100 bins (UNVERIFIED which are kept);
 * - an empty bin is 0 (UNVERIFIED for functions other than count/dc/sum).
 */
import type { FieldValue, Scalar } from '../data/event.js';
import { binStart, nextBinStart, type TimeSpan } from '../time/time-span.js';
import { scalarText } from '../eval/values.js';
import type { ResolvedAggregation } from './aggregations.js';
import type { Accumulator, AggregationSpec, AggScope, OrderKey } from './types.js';

export const SPARKLINE_MARKER = '##__SPARKLINE__##';
export const SPARKLINE_MAXSIZE = 100;

/** The sparkline functions (chart's sparkline-func). */
export const SPARKLINE_FUNCTIONS: ReadonlySet<string> = new Set([
  'c', 'count', 'dc', 'mean', 'avg', 'stdev', 'stdevp', 'var', 'varp', 'sum', 'sumsq', 'min', 'max', 'range',
]);

export interface SparklineConfig {
  /** The function applied per bin; null for `count` of results (no field). */
  readonly inner: ResolvedAggregation | null;
  /** The written span, or null for the default steps. */
  readonly span: TimeSpan | null;
  readonly zone: string;
}

/** The time range every sparkline of one stats shares (kept in the stats' AggScope). */
class Extent {
  first = Infinity;
  last = -Infinity;

  include(first: number, last: number): void {
    if (first < this.first) this.first = first;
    if (last > this.last) this.last = last;
  }
}

/** The values of one bucket: how many results, and their values (none for a count of results). */
interface Bucket {
  n: number;
  values: Scalar[];
}

/**
 * Buckets of whole seconds (or of the written span), so the default span can be chosen at the end:
 * every default step is a whole number of aligned seconds. State is plain data, as worker threads
 * need (stats/transfer.ts); the configuration lives in function fields, which are not state.
 */
class SparklineAccumulator implements Accumulator {
  private readonly buckets = new Map<number, Bucket>();
  private first = Infinity;
  private last = -Infinity;

  constructor(
    private readonly extent: Extent,
    private readonly keyOf: (t: number) => number,
    private readonly render: (buckets: ReadonlyMap<number, Bucket>, extent: Extent) => FieldValue,
  ) {}

  add(values: readonly Scalar[], order: OrderKey): void {
    const t = order.time;
    if (!Number.isFinite(t)) return;
    const key = this.keyOf(t);
    let b = this.buckets.get(key);
    if (!b) this.buckets.set(key, (b = { n: 0, values: [] }));
    b.n++;
    for (const v of values) b.values.push(v);
    this.include(t, t);
  }

  merge(other: Accumulator): void {
    const o = other as SparklineAccumulator;
    for (const [key, b] of o.buckets) {
      const mine = this.buckets.get(key);
      if (mine) {
        mine.n += b.n;
        for (const v of b.values) mine.values.push(v);
      } else this.buckets.set(key, { n: b.n, values: [...b.values] });
    }
    this.include(o.first, o.last);
  }

  private include(first: number, last: number): void {
    if (first < this.first) this.first = first;
    if (last > this.last) this.last = last;
    this.extent.include(first, last);
  }

  result(): FieldValue {
    return this.render(this.buckets, this.extent);
  }
}

/** The spec of one written sparkline; `scope` is shared by the accumulators of one stats. */
export function sparklineSpec(config: SparklineConfig): AggregationSpec {
  const keyOf = config.span ? (t: number) => binStart(config.span!, t, config.zone) : Math.floor;
  const render = (buckets: ReadonlyMap<number, Bucket>, extent: Extent): FieldValue => renderSparkline(buckets, extent, config);
  return {
    name: 'sparkline',
    needsArg: 'optional',
    orderSensitive: false,
    // Every group's sparkline shares one time axis (the table's scope), so parts do not merge apart.
    inexactMerge: true,
    create: (_param?: number, scope?: AggScope) => new SparklineAccumulator(sharedExtent(scope), keyOf, render),
  };
}

/** `sparkline` alone: the count of results, default span. */
export const sparkline: AggregationSpec = sparklineSpec({ inner: null, span: null, zone: 'UTC' });

function sharedExtent(scope: AggScope | undefined): Extent {
  if (!scope) return new Extent();
  let e = scope.get('sparkline') as Extent | undefined;
  if (!e) scope.set('sparkline', (e = new Extent()));
  return e;
}

function renderSparkline(buckets: ReadonlyMap<number, Bucket>, extent: Extent, config: SparklineConfig): FieldValue {
  if (!(extent.first <= extent.last)) return [SPARKLINE_MARKER];
  const span = config.span ?? defaultSparklineSpan(extent.first, extent.last);
  const starts = binStarts(span, extent.first, extent.last, config.zone);
  const byBin = new Map<number, Bucket[]>();
  for (const [key, b] of buckets) {
    const start = binStart(span, key, config.zone);
    const list = byBin.get(start);
    if (list) list.push(b);
    else byBin.set(start, [b]);
  }
  return [SPARKLINE_MARKER, ...starts.map((s) => binValue(byBin.get(s), config.inner))];
}

function binValue(buckets: readonly Bucket[] | undefined, inner: ResolvedAggregation | null): string {
  if (!buckets) return '0';
  if (inner === null) return String(buckets.reduce((n, b) => n + b.n, 0));
  const acc = inner.spec.create(inner.param);
  for (const b of buckets) if (b.values.length > 0) acc.add(b.values, { time: 0, seq: 0 });
  const v = acc.result();
  if (v === undefined) return '0';
  return Array.isArray(v) ? (v as readonly Scalar[]).map(scalarText).join(' ') : scalarText(v as Scalar);
}

/** limits.conf [stats] sparkline_time_steps, in order of decreasing granularity. */
const TIME_STEPS: readonly (readonly [TimeSpan, number])[] = [
  ...[1, 5, 10, 30, 60, 300, 600, 1800, 3600].map((s): [TimeSpan, number] => [{ kind: 'fixed', seconds: s, align: 0 }, s]),
  [{ kind: 'days', days: 1 }, 86400],
  [{ kind: 'months', months: 1 }, 30 * 86400],
];

/**
 * "The lowest sparkline_time_steps value that does not exceed the maximum number of bins":
 * the first step with range / step <= sparkline_maxsize (7 days: 604800 / 100 s = 1.68 h -> 1d).
 */
export function defaultSparklineSpan(first: number, last: number): TimeSpan {
  const range = last - first;
  for (const [span, seconds] of TIME_STEPS) if (range / seconds <= SPARKLINE_MAXSIZE) return span;
  return TIME_STEPS[TIME_STEPS.length - 1]![0];
}

/** The bin starts from the first time's bin to the last's, at most the latest 100. */
export function binStarts(span: TimeSpan, first: number, last: number, zone: string): number[] {
  const end = binStart(span, last, zone);
  let start = binStart(span, first, zone);
  // Fixed spans skip straight to the latest bins (a 1s span over a year is 31 million bins).
  if (span.kind === 'fixed') start = Math.max(start, binStart(span, end - (SPARKLINE_MAXSIZE - 1) * span.seconds, zone));
  const out: number[] = [];
  for (let b = start; b <= end; b = nextBinStart(span, b, zone)) {
    out.push(b);
    if (out.length > SPARKLINE_MAXSIZE) out.shift();
  }
  return out;
}

/**
 * The registry of stats functions (spec 03 T4-T14): canonical name -> spec, plus the lookup that
 * resolves Splunk's aliases (`c`, `distinct_count`, `mean`, `median`, `p<N>`) and percentile
 * names with their parameter (`perc95`, `exactperc99.5`). Search Reference, "Statistical and
 * charting functions" (quick reference).
 */
import { count, dc, estdc, estdcError } from './count.js';
import { avg, max, min, range, stdev, stdevp, sum, sumsq, variance, varp } from './numeric.js';
import { earliest, earliestTime, first, last, latest, latestTime, list, rate } from './order.js';
import { exactperc, perc, upperperc } from './percentile.js';
import type { AggregationSpec } from './types.js';
import { mode, values } from './values.js';
import { sparkline } from './sparkline.js';

export type { Accumulator, AggregationSpec, OrderKey } from './types.js';

/** Every aggregation by canonical name. Percentile functions are only reachable with a parameter. */
export const AGGREGATIONS = {
  count,
  dc,
  estdc,
  estdc_error: estdcError,
  sum,
  avg,
  sumsq,
  range,
  min,
  max,
  stdev,
  stdevp,
  var: variance,
  varp,
  perc,
  exactperc,
  upperperc,
  first,
  last,
  earliest,
  latest,
  earliest_time: earliestTime,
  latest_time: latestTime,
  list,
  rate,
  values,
  mode,
} as const satisfies Record<string, AggregationSpec>;

export type AggregationName = keyof typeof AGGREGATIONS;

/** A resolved aggregation: the function and, for percentiles, the percentile (0-100). */
export interface ResolvedAggregation {
  readonly spec: AggregationSpec;
  readonly param?: number;
}

/** Names that are other spellings of a registered function. */
const ALIASES: Readonly<Record<string, ResolvedAggregation>> = {
  c: { spec: count },
  distinct_count: { spec: dc },
  mean: { spec: avg },
  median: { spec: perc, param: 50 },
};

/** Functions named `<prefix><percentile>`; `p` is Splunk's short form of `perc`. */
const PERCENTILE_PREFIXES: Readonly<Record<string, AggregationSpec>> = {
  perc,
  p: perc,
  exactperc,
  upperperc,
};

// `perc95`, `p99.9`, `exactperc99.5`: an integer or decimal percentile written right after the name.
const PERCENTILE_NAME = /^(perc|p|exactperc|upperperc)(\d+(?:\.\d+)?)$/;

/**
 * Functions of another shape: `sparkline` takes an aggregation and a span, not a field, and is
 * bound by sparkline-plan.ts (this entry is `sparkline` alone: a count, default span).
 */
const TIME_BINNED: Readonly<Record<string, ResolvedAggregation>> = {
  sparkline: { spec: sparkline },
};

const BY_NAME: ReadonlyMap<string, ResolvedAggregation> = new Map<string, ResolvedAggregation>([
  ...Object.entries(AGGREGATIONS)
    .filter(([, spec]) => !Object.values(PERCENTILE_PREFIXES).includes(spec))
    .map(([name, spec]): [string, ResolvedAggregation] => [name, { spec }]),
  ...Object.entries(ALIASES),
  ...Object.entries(TIME_BINNED),
]);

/**
 * Resolve a function name as written in a stats command. Names are matched exactly (lower case).
 * A bare percentile name (`perc`) or a percentile above 100 is not a function: `undefined`.
 */
export function lookupAggregation(written: string): ResolvedAggregation | undefined {
  // Case-insensitive: security_content's detect_certify_with_powershell_script_block_logging
  // writes `Values(OpCode)` and runs in Splunk.
  const name = written.toLowerCase();
  const direct = BY_NAME.get(name);
  if (direct !== undefined) return direct;
  const m = PERCENTILE_NAME.exec(name);
  if (m === null) return undefined;
  const param = Number(m[2]);
  return param <= 100 ? { spec: PERCENTILE_PREFIXES[m[1]], param } : undefined;
}

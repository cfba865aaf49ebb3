/**
 * The contract between the stats-family commands and the aggregation functions (spec 03 T4-T14).
 * An accumulator is created once per group and fed one result at a time; partial accumulators
 * merge, so independent readers can aggregate separately (house style: mergeable partial state).
 */
import type { FieldValue, Scalar } from '../data/event.js';

/**
 * Where a result stands in the stream's order. A plain search is newest first: A comes before B
 * when `A.time > B.time`, or the times are equal and `A.seq < B.seq` (spec 07 O6). After a
 * transforming command the caller passes `time = 0` and increasing `seq`, giving row order.
 */
export interface OrderKey {
  time: number;
  seq: number;
}

/** The running state of one aggregation for one group. */
export interface Accumulator {
  /**
   * Feed the values of the argument field in one result. The caller skips results where the field
   * is absent, except for `count` without an argument, which is called with `[]` once per result.
   * Arrays of two or more values may be retained (first/last/earliest/latest keep the whole
   * multivalue), so the caller must not mutate them afterwards; one-element arrays are never kept.
   */
  add(values: readonly Scalar[], order: OrderKey): void;
  /**
   * Fold another accumulator of the same function (and parameter) into this one. Order-dependent
   * functions use the order keys, so any split of the inputs merges to the single-pass result;
   * sums add the two partial sums, so non-integer sums may differ in the last digits.
   */
  merge(other: Accumulator): void;
  /** The aggregate; `undefined` means the field is absent from the output row. */
  result(): FieldValue | undefined;
}

/** One aggregation function as registered in `AGGREGATIONS`. */
export interface AggregationSpec {
  /** Canonical name, e.g. `dc` for `dc`/`distinct_count`. */
  readonly name: string;
  /** `count` may omit its argument; every other function applies to a field (or `*`, spec 03 T15). */
  readonly needsArg: boolean | 'optional';
  /** True when the result depends on the order keys, so the caller must pass real ones. */
  readonly orderSensitive: boolean;
  /**
   * Merged partial states may differ from one pass (sums of non-integers are not associative in
   * the last digits; sparklines share a time axis across groups), so parts of the input are not
   * aggregated apart (worker threads): their rows are merged instead.
   */
  readonly inexactMerge?: boolean;
  /**
   * A fresh accumulator; `param` is the percentile (0-100) for perc/exactperc/upperperc. `scope`
   * is shared by every accumulator of one command's table (sparklines share their time axis).
   */
  create(param?: number, scope?: AggScope): Accumulator;
}

/** State the accumulators of one aggregation table share, by the name of the function using it. */
export type AggScope = Map<string, unknown>;

/** True when the result at (`time`, `seq`) comes before the one at (`otherTime`, `otherSeq`). */
export function comesBefore(time: number, seq: number, otherTime: number, otherSeq: number): boolean {
  return time > otherTime || (time === otherTime && seq < otherSeq);
}

/**
 * sum, avg/mean, sumsq, stdev, stdevp, var, varp, range, min, max (spec 03 T4, T7-T9).
 * Numeric functions use only values that are numbers; other values are ignored as if absent.
 * min/max order numbers before text and return the chosen value's original text (T8).
 */
import type { FieldValue, Scalar } from '../data/event.js';
import { compareBytes, formatNumber, toNumber } from '../eval/values.js';
import type { Accumulator, AggregationSpec } from './types.js';

type Finish = (n: number, sum: number, sumsq: number) => number;

/**
 * Count, sum and sum of squares, added naively left to right in the order `add` is called: Splunk's
 * printed digits match exactly that (T7: 100 x "3.99" averages to 3.9900000000000055). `merge`
 * adds the partial sums, so split inputs give the single-pass digits only when sums are exact.
 */
class MomentsAccumulator implements Accumulator {
  private n = 0;
  private sum = 0;
  private sumsq = 0;

  constructor(private readonly finish: Finish) {}

  add(values: readonly Scalar[]): void {
    for (const v of values) {
      const x = toNumber(v);
      if (x === undefined) continue;
      this.n++;
      this.sum += x;
      this.sumsq += x * x;
    }
  }

  merge(other: Accumulator): void {
    const o = other as MomentsAccumulator;
    this.n += o.n;
    this.sum += o.sum;
    this.sumsq += o.sumsq;
  }

  result(): FieldValue | undefined {
    return this.n === 0 ? undefined : this.finish(this.n, this.sum, this.sumsq);
  }
}

/**
 * `(sumsq - n*mean*mean) / d` in doubles: T9's documented stdev 12.615183595289349 comes from this
 * one-pass formula (a two-pass one prints ...334). Rounding can push it below 0 for equal values;
 * clamp so stdev is 0, not nan. A sample statistic of one value is 0 (T9).
 */
function varianceOf(n: number, sum: number, sumsq: number, sample: boolean): number {
  if (sample && n === 1) return 0;
  const mean = sum / n;
  const v = (sumsq - n * mean * mean) / (sample ? n - 1 : n);
  return v < 0 ? 0 : v;
}

const FINISH = {
  sum: (_n, sum) => sum,
  avg: (n, sum) => sum / n,
  sumsq: (_n, _sum, sumsq) => sumsq,
  var: (n, sum, sumsq) => varianceOf(n, sum, sumsq, true),
  varp: (n, sum, sumsq) => varianceOf(n, sum, sumsq, false),
  stdev: (n, sum, sumsq) => Math.sqrt(varianceOf(n, sum, sumsq, true)),
  stdevp: (n, sum, sumsq) => Math.sqrt(varianceOf(n, sum, sumsq, false)),
} as const satisfies Record<string, Finish>;

function moments(name: keyof typeof FINISH): AggregationSpec {
  const finish = FINISH[name];
  return { name, needsArg: true, orderSensitive: false, inexactMerge: true, create: () => new MomentsAccumulator(finish) };
}

export const sum = moments('sum');
export const avg = moments('avg');
export const sumsq = moments('sumsq');
/** `var` (a reserved word, hence the export name). */
export const variance = moments('var');
export const varp = moments('varp');
export const stdev = moments('stdev');
export const stdevp = moments('stdevp');

/** max - min over the numeric values (T7). */
class RangeAccumulator implements Accumulator {
  private lo = Infinity;
  private hi = -Infinity;
  private any = false;

  add(values: readonly Scalar[]): void {
    for (const v of values) {
      const x = toNumber(v);
      if (x === undefined || Number.isNaN(x)) continue;
      this.any = true;
      if (x < this.lo) this.lo = x;
      if (x > this.hi) this.hi = x;
    }
  }

  merge(other: Accumulator): void {
    const o = other as RangeAccumulator;
    if (!o.any) return;
    this.any = true;
    if (o.lo < this.lo) this.lo = o.lo;
    if (o.hi > this.hi) this.hi = o.hi;
  }

  result(): FieldValue | undefined {
    return this.any ? this.hi - this.lo : undefined;
  }
}

export const range: AggregationSpec = {
  name: 'range',
  needsArg: true,
  orderSensitive: false,
  create: () => new RangeAccumulator(),
};

/**
 * min or max over mixed values (T8): numbers compare numerically and come before every text value;
 * text compares by bytes. Keeps the original value (`"09"` stays `"09"`); on ties the first fed wins.
 * A computed NaN is treated as the text `nan`.
 */
class ExtremeAccumulator implements Accumulator {
  private num = 0;
  private numValue: Scalar | undefined;
  private text: string | undefined;

  constructor(private readonly wantMax: boolean) {}

  add(values: readonly Scalar[]): void {
    for (const v of values) this.offer(v);
  }

  private offer(v: Scalar): void {
    const x = toNumber(v);
    if (x === undefined || Number.isNaN(x)) {
      this.offerText(typeof v === 'string' ? v : formatNumber(v));
    } else if (this.numValue === undefined || (this.wantMax ? x > this.num : x < this.num)) {
      this.num = x;
      this.numValue = v;
    }
  }

  private offerText(s: string): void {
    if (this.text === undefined) this.text = s;
    else if (this.wantMax ? compareBytes(s, this.text) > 0 : compareBytes(s, this.text) < 0) this.text = s;
  }

  merge(other: Accumulator): void {
    const o = other as ExtremeAccumulator;
    if (o.numValue !== undefined) this.offer(o.numValue);
    if (o.text !== undefined) this.offerText(o.text);
  }

  result(): FieldValue | undefined {
    return this.wantMax ? (this.text ?? this.numValue) : (this.numValue ?? this.text);
  }
}

export const min: AggregationSpec = {
  name: 'min',
  needsArg: true,
  orderSensitive: false,
  create: () => new ExtremeAccumulator(false),
};

export const max: AggregationSpec = {
  name: 'max',
  needsArg: true,
  orderSensitive: false,
  create: () => new ExtremeAccumulator(true),
};

/**
 * perc<P>/p<P>, exactperc<P>, upperperc<P> and median (= perc50) over the numeric values
 * (spec 03 T10). Linear interpolation between the closest ranks, which reproduces the documented
 * outputs; the docs' "nearest rank" wording contradicts their own examples (T10 AMBIGUOUS).
 */
import type { FieldValue, Scalar } from '../data/event.js';
import { toNumber } from '../eval/values.js';
import type { Accumulator, AggregationSpec } from './types.js';

/** Keeps every numeric value (percentiles need them all); NaN is ignored as unorderable. */
class PercentileAccumulator implements Accumulator {
  private readonly values: number[] = [];

  constructor(private readonly percent: number) {}

  add(values: readonly Scalar[]): void {
    for (const v of values) {
      const x = toNumber(v);
      if (x !== undefined && !Number.isNaN(x)) this.values.push(x);
    }
  }

  merge(other: Accumulator): void {
    for (const x of (other as PercentileAccumulator).values) this.values.push(x);
  }

  result(): FieldValue | undefined {
    if (this.values.length === 0) return undefined;
    return interpolate(Float64Array.from(this.values).sort(), this.percent);
  }
}

/**
 * The value at rank `P/100 * (n-1)` of the ascending values, interpolated linearly. The fraction
 * is taken in hundredths, `(P*(n-1) - 100*floor) / 100`, so it is as exact as the inputs allow:
 * for 10 values perc95 gives 9.55 and 3858.35 as documented, where `P/100*(n-1)` would give
 * 9.549999999999999 (0.95*9 rounds down) and `P*(n-1)/100 - floor` gives 3858.3500000000004.
 */
export function interpolate(sorted: Float64Array, percent: number): number {
  const scaled = percent * (sorted.length - 1);
  const lo = Math.min(Math.floor(scaled / 100), sorted.length - 1);
  const fraction = (scaled - lo * 100) / 100;
  if (fraction <= 0 || lo + 1 >= sorted.length) return sorted[lo];
  return sorted[lo] + fraction * (sorted[lo + 1] - sorted[lo]);
}

function percentile(name: string): AggregationSpec {
  return {
    name,
    needsArg: true,
    orderSensitive: false,
    // lookupAggregation always supplies the percentile; 50 (the median) only guards direct calls.
    create: (param = 50) => new PercentileAccumulator(param),
  };
}

export const perc = percentile('perc');
/** Same as perc: Splunk's exact and upper variants differ only above its digest threshold (T10). */
export const exactperc = percentile('exactperc');
export const upperperc = percentile('upperperc');

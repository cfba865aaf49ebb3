/**
 * count / c, dc / distinct_count, estdc, estdc_error (spec 03 T5, T6). Values are strings: "1",
 * "1.0" and "01" are three distinct values. Splunk Search Reference, "Aggregate functions".
 */
import type { FieldValue, Scalar } from '../data/event.js';
import { scalarText } from '../eval/values.js';
import type { Accumulator, AggregationSpec } from './types.js';

/**
 * Number of values seen. `count` without an argument is fed `[]` once per result and counts 1;
 * `count(x)` counts every value, so a 3-value multivalue field adds 3 (spec 03 T5 recommendation).
 */
class CountAccumulator implements Accumulator {
  private n = 0;

  add(values: readonly Scalar[]): void {
    this.n += values.length === 0 ? 1 : values.length;
  }

  merge(other: Accumulator): void {
    this.n += (other as CountAccumulator).n;
  }

  result(): FieldValue {
    return this.n;
  }
}

/** Distinct values by exact text; computed numbers compare by their rendered text. */
class DistinctAccumulator implements Accumulator {
  protected readonly seen = new Set<string>();

  add(values: readonly Scalar[]): void {
    for (const v of values) this.seen.add(scalarText(v));
  }

  merge(other: Accumulator): void {
    for (const v of (other as DistinctAccumulator).seen) this.seen.add(v);
  }

  result(): FieldValue | undefined {
    return this.seen.size;
  }
}

/**
 * estdc is exact (spec 03 T6: Splunk is exact below 1000 distinct values), so its error is 0
 * whenever there was a value; with no value the field is absent, like every non-count function.
 */
class EstdcErrorAccumulator extends DistinctAccumulator {
  override result(): FieldValue | undefined {
    return this.seen.size === 0 ? undefined : 0;
  }
}

export const count: AggregationSpec = {
  name: 'count',
  needsArg: 'optional',
  orderSensitive: false,
  create: () => new CountAccumulator(),
};

export const dc: AggregationSpec = {
  name: 'dc',
  needsArg: true,
  orderSensitive: false,
  create: () => new DistinctAccumulator(),
};

export const estdc: AggregationSpec = {
  name: 'estdc',
  needsArg: true,
  orderSensitive: false,
  create: () => new DistinctAccumulator(),
};

export const estdcError: AggregationSpec = {
  name: 'estdc_error',
  needsArg: true,
  orderSensitive: false,
  create: () => new EstdcErrorAccumulator(),
};

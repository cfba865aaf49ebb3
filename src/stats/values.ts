/**
 * values and mode (spec 03 T11, T14). Both treat values as exact strings; computed numbers count
 * as their rendered text. Search Reference, "Multivalue stats and chart functions", "mode".
 */
import type { FieldValue, Scalar } from '../data/event.js';
import { compareBytes, scalarText } from '../eval/values.js';
import { comesBefore, type Accumulator, type AggregationSpec, type OrderKey } from './types.js';

/** Distinct values sorted by bytes (`10`, `100`, `9`; `B`, `a`, `b`); unlimited (`maxvalues=0`). */
class ValuesAccumulator implements Accumulator {
  private readonly seen = new Set<string>();

  add(values: readonly Scalar[]): void {
    for (const v of values) this.seen.add(scalarText(v));
  }

  merge(other: Accumulator): void {
    for (const v of (other as ValuesAccumulator).seen) this.seen.add(v);
  }

  result(): FieldValue | undefined {
    if (this.seen.size === 0) return undefined;
    return Array.from(this.seen).sort(compareBytes);
  }
}

export const values: AggregationSpec = {
  name: 'values',
  needsArg: true,
  orderSensitive: false,
  create: () => new ValuesAccumulator(),
};

/**
 * How often a value occurred, and where it first occurred in stream order: the order key and, to
 * separate values of one multivalue, the position inside it.
 */
interface Tally {
  count: number;
  time: number;
  seq: number;
  index: number;
}

function occursBefore(a: Tally, time: number, seq: number, index: number): boolean {
  if (a.time !== time || a.seq !== seq) return comesBefore(a.time, a.seq, time, seq);
  return a.index < index;
}

/**
 * The most frequent value; ties go to the value whose first occurrence comes first in stream order
 * (T11 recommendation), decided by order keys so arrival order and merging do not matter.
 */
class ModeAccumulator implements Accumulator {
  private readonly tallies = new Map<string, Tally>();

  add(values: readonly Scalar[], order: OrderKey): void {
    for (let i = 0; i < values.length; i++) this.count(scalarText(values[i]), 1, order.time, order.seq, i);
  }

  private count(text: string, n: number, time: number, seq: number, index: number): void {
    const tally = this.tallies.get(text);
    if (tally === undefined) {
      this.tallies.set(text, { count: n, time, seq, index });
      return;
    }
    tally.count += n;
    if (!occursBefore(tally, time, seq, index)) {
      tally.time = time;
      tally.seq = seq;
      tally.index = index;
    }
  }

  merge(other: Accumulator): void {
    for (const [text, t] of (other as ModeAccumulator).tallies) {
      this.count(text, t.count, t.time, t.seq, t.index);
    }
  }

  result(): FieldValue | undefined {
    let best: string | undefined;
    let top: Tally | undefined;
    for (const [text, t] of this.tallies) {
      const wins =
        top === undefined ||
        t.count > top.count ||
        (t.count === top.count && occursBefore(t, top.time, top.seq, top.index));
      if (wins) {
        best = text;
        top = t;
      }
    }
    return best;
  }
}

export const mode: AggregationSpec = {
  name: 'mode',
  needsArg: true,
  orderSensitive: true,
  create: () => new ModeAccumulator(),
};

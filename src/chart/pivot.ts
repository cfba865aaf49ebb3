/**
 * The cells of a chart: one aggregation state per (x value, series) where series are the values
 * of the column-split field (`chart ... OVER x BY y`, `timechart ... BY y`). A result without the
 * split field goes to the `nullstr` series (`NULL`) when `usenull=true`, else nowhere; multivalue
 * split fields feed every value (deduplicated with `dedup_splitvals=true`). Search Reference,
 * "chart" and "timechart" (tc options).
 */
import type { Row, Scalar } from '../data/event.js';
import { scalarText } from '../eval/values.js';
import { feedRow, newAggState, type AggState } from '../stats/feed.js';
import type { PlannedAggregation } from '../stats/plan.js';
import type { OrderKey } from '../stats/types.js';
import type { HoldLimit } from '../commands/limit-guard.js';

export interface SplitOptions {
  readonly field: string;
  readonly usenull: boolean;
  readonly nullstr: string;
  readonly useother: boolean;
  readonly otherstr: string;
  readonly dedup: boolean;
}

/** One x value (a row of the output) and its cells by series name. */
export interface XEntry {
  readonly key: Scalar;
  readonly cells: Map<string, AggState>;
}

/** The only series of a chart without a column split. */
export const SINGLE_SERIES = '';

export class Pivot {
  readonly xs = new Map<string, XEntry>();
  /** Results per series: the ranking of series when several terms are charted. */
  readonly frequency = new Map<string, number>();

  constructor(
    private readonly aggs: readonly PlannedAggregation[],
    readonly split: SplitOptions | null,
    /** timechart: the length in seconds of the bin starting at an x value (for per_hour() and co). */
    readonly binSeconds?: (key: Scalar) => number,
    /** Counts each new cell (x value and series) against max_groups (R701). */
    readonly limit?: HoldLimit,
  ) {}

  /** The series a result feeds; empty when it feeds none. */
  seriesOf(row: Row): readonly string[] {
    const s = this.split;
    if (!s) return ONLY;
    const v = row.fields.get(s.field);
    const list = v === undefined ? [] : Array.isArray(v) ? (v as readonly Scalar[]) : [v as Scalar];
    if (list.length === 0) return s.usenull ? [s.nullstr] : [];
    const names = list.map(scalarText);
    return s.dedup ? [...new Set(names)] : names;
  }

  /** Feed a result to the cells of x value `key` (already binned) for each of its series. */
  add(key: Scalar, series: readonly string[], row: Row, order: OrderKey, timeOrder = order): void {
    if (series.length === 0) return;
    const x = this.entry(key);
    for (const name of series) {
      let cell = x.cells.get(name);
      if (!cell) {
        this.limit?.add();
        x.cells.set(name, (cell = newAggState(this.aggs)));
      }
      feedRow(cell, this.aggs, row, order, timeOrder);
      this.frequency.set(name, (this.frequency.get(name) ?? 0) + 1);
    }
  }

  entry(key: Scalar): XEntry {
    const id = scalarText(key);
    let x = this.xs.get(id);
    if (!x) this.xs.set(id, (x = { key, cells: new Map() }));
    return x;
  }

  /** Every series name seen, in first-seen order. */
  seriesNames(): string[] {
    return [...this.frequency.keys()];
  }
}

const ONLY: readonly string[] = [SINGLE_SERIES];

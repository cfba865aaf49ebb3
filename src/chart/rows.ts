/**
 * Output rows of chart and timechart: one per x value in the order given, the x field first and
 * then the columns. A cell with no results shows what the aggregation gives for nothing (`count`
 * and `dc` give 0, the rest nothing: chart's `cont` "bins that have no values will display with a
 * count of 0 or null values"); an OTHER cell merges the states of the left-out series.
 */
import { newRow, type FieldValue, type Row, type Scalar } from '../data/event.js';
import { scalarText } from '../eval/values.js';
import { newAggState, type AggState } from '../stats/feed.js';
import type { Pivot } from './pivot.js';
import { emptyValues, type Column, type SeriesChoice } from './series.js';
import { termValues, type ChartPlan } from './terms.js';

export interface RowShape {
  /** The x field's name; null for a chart without row split (one row, no x field). */
  readonly xField: string | null;
  readonly columns: readonly Column[];
}

/** The rows for the x values `keys` (in output order); keys without cells still get a row. */
export function chartRows(pivot: Pivot, plan: ChartPlan, choice: SeriesChoice, shape: RowShape, keys: readonly Scalar[]): Row[] {
  return keys.map((key, i) => {
    const bin = pivot.binSeconds?.(key);
    const empty = emptyValues(plan, bin);
    const row = newRow(i);
    if (shape.xField !== null) row.fields.set(shape.xField, key);
    const cells = pivot.xs.get(scalarText(key))?.cells;
    const values = new Map<string | null, (FieldValue | undefined)[]>();
    const of = (series: string | null): (FieldValue | undefined)[] => {
      let v = values.get(series);
      if (!v) values.set(series, (v = cellValues(plan, cells, series, choice, empty, bin)));
      return v;
    };
    for (const c of shape.columns) {
      const v = of(c.series)[c.term];
      if (v !== undefined) row.fields.set(c.name, v);
    }
    return row;
  });
}

function cellValues(
  plan: ChartPlan,
  cells: Map<string, AggState> | undefined,
  series: string | null,
  choice: SeriesChoice,
  empty: (FieldValue | undefined)[],
  bin: number | undefined,
): (FieldValue | undefined)[] {
  if (series !== null) {
    const cell = cells?.get(series);
    return cell ? termValues(plan, cell, bin) : empty;
  }
  const merged = newAggState(plan.aggs);
  let any = false;
  for (const name of choice.other) {
    const cell = cells?.get(name);
    if (!cell) continue;
    any = true;
    cell.accs.forEach((acc, i) => merged.accs[i]!.merge(acc));
  }
  return any ? termValues(plan, merged, bin) : empty;
}

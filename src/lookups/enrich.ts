/**
 * What `lookup` does to one result (Search Reference, lookup; transforms.conf lookup settings):
 * every input field must be present; a multivalue input is looked up value by value (several
 * multivalue inputs: every combination); the matched rows' output cells, in file order, become
 * the output values (several → multivalue). With fewer than `min_matches` matches per looked-up
 * value, `default_match` fills up to the minimum. OUTPUT overwrites the output fields, and a
 * lookup that yields nothing removes them (spec 10 K10); OUTPUTNEW only fills absent fields.
 */
import { valuesOf, type FieldValue, type Row } from '../data/event.js';
import { scalarText } from '../eval/values.js';
import type { RowMatcher } from './match.js';
import type { Cell, LookupTable } from './table.js';

export interface EnrichPlan {
  readonly table: LookupTable;
  readonly matcher: RowMatcher;
  /** Event fields holding the input values, in the order of the matcher's input columns. */
  readonly inputs: readonly string[];
  /** Table column index → event field. */
  readonly outputs: readonly { readonly column: number; readonly field: string }[];
  readonly overwrite: boolean;
  readonly minMatches: number;
  readonly defaultMatch: string;
}

/** Combinations looked up for one result at most (multivalue inputs multiply). */
const MAX_COMBINATIONS = 10_000;

export function enrichRow(row: Row, plan: EnrichPlan): void {
  const combos = inputCombinations(row, plan.inputs);
  if (!combos) return;
  const collected: string[][] = plan.outputs.map(() => []);
  for (const values of combos) {
    const matched = plan.matcher(values);
    for (const r of matched) {
      const cells = plan.table.rows[r]!;
      plan.outputs.forEach((o, i) => collected[i]!.push(...cellValues(cells[o.column])));
    }
    if (matched.length < plan.minMatches && plan.defaultMatch !== '') {
      const fill = Array<string>(plan.minMatches - matched.length).fill(plan.defaultMatch);
      for (const list of collected) list.push(...fill);
    }
  }
  plan.outputs.forEach((o, i) => setOutput(row, o.field, collected[i]!, plan.overwrite));
}

/** The value combinations to look up; undefined when an input field is absent (no lookup). */
function inputCombinations(row: Row, inputs: readonly string[]): string[][] | undefined {
  let combos: string[][] = [[]];
  for (const field of inputs) {
    const values = valuesOf(row.fields.get(field)).map(scalarText);
    if (values.length === 0) return undefined;
    combos = combos.flatMap((c) => values.map((v) => [...c, v]));
    if (combos.length > MAX_COMBINATIONS) combos = combos.slice(0, MAX_COMBINATIONS);
  }
  return combos;
}

function cellValues(cell: Cell): readonly string[] {
  if (cell === undefined) return [];
  return typeof cell === 'string' ? [cell] : cell;
}

function setOutput(row: Row, field: string, values: readonly string[], overwrite: boolean): void {
  if (!overwrite && row.fields.has(field)) return;
  if (values.length === 0) {
    if (overwrite) row.fields.delete(field);
    return;
  }
  const value: FieldValue = values.length === 1 ? values[0]! : values;
  row.fields.set(field, value);
}

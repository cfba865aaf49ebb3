/**
 * `addtotals [row=<bool>] [col=<bool>] [labelfield=<field>] [label=<string>] [fieldname=<field>]
 * [<field-list>]`: the sum of numeric fields per result, and optionally a summary result of column
 * sums. Search Reference, "addtotals":
 * https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/addtotals
 * - row=true (default): each result gets `fieldname` (default `Total`), the sum of the listed
 *   fields (wildcards allowed) or, without a list, of every numeric field; values that are not
 *   numbers are skipped. Streaming;
 * - col=true: a last result holds the sum of each summed field (and of `fieldname`), with `label`
 *   (default `Total`) in `labelfield` when one is given. Transforming, as the docs class it.
 */
import type { FieldValue, Row } from '../data/event.js';
import { newRow } from '../data/event.js';
import { toNumber } from '../eval/values.js';
import { timeOrderOperator } from '../exec/time-order.js';
import type { AddtotalsCommand } from '../spl/commands/addtotals.js';
import { OptionReader } from './shared/options.js';
import { compileFieldPattern, type FieldPattern } from './shared/field-patterns.js';
import { streaming, type CommandImpl, type Operator, type Sink } from './types.js';

const OPTIONS = ['row', 'col', 'labelfield', 'label', 'fieldname'];

/** Which fields a result sums: the listed ones, or every field but `_` ones and the total itself. */
type Summed = (name: string) => boolean;

export const addtotalsCommand: CommandImpl<AddtotalsCommand> = {
  kind: 'addtotals',
  needsOrder: false,
  compile(cmd, ctx) {
    const reader = new OptionReader('addtotals', cmd.options, OPTIONS);
    const row = reader.boolean('row', true);
    const col = reader.boolean('col', false);
    const total = reader.string('fieldname', 'Total');
    const label = { field: reader.get('labelfield')?.value ?? null, text: reader.string('label', 'Total') };
    const summed = summedFields(cmd.fields.map((f) => compileFieldPattern(f.name, true)), total);
    const addRowTotal = (r: Row): void => {
      if (row) setRowTotal(r, summed, total);
    };
    if (!col) return streaming((r, next) => {
      addRowTotal(r);
      next.push(r);
    });
    const sumsOf = (name: string): boolean => summed(name) || (row && name === total);
    const columns: Operator = (next) => columnTotalsSink(next, addRowTotal, sumsOf, label);
    const operator: Operator = ctx.order === 'input' ? (next) => timeOrderOperator(columns(next)) : columns;
    return { operator, ordersOutput: true, transforms: true };
  },
};

function summedFields(patterns: readonly FieldPattern[], total: string): Summed {
  if (patterns.length === 0) return (name) => !name.startsWith('_') && name !== total;
  return (name) => patterns.some((p) => p.matches(name));
}

/** The number a field holds, or undefined (absent, text, or multivalue). */
function numberOf(v: FieldValue | undefined): number | undefined {
  if (v === undefined || Array.isArray(v)) return undefined;
  return toNumber(v as string | number);
}

/**
 * The row total, set only when some summed field holds a number (UNVERIFIED: the docs do not say
 * what a result without numeric fields gets; we add nothing rather than an invented 0).
 */
function setRowTotal(row: Row, summed: Summed, total: string): void {
  let sum = 0;
  let found = false;
  for (const [name, v] of row.fields) {
    if (!summed(name)) continue;
    const n = numberOf(v);
    if (n === undefined) continue;
    sum += n;
    found = true;
  }
  if (found) row.fields.set(total, sum);
}

/** Rows pass on in order, row totals added; the summary result follows the last one. */
function columnTotalsSink(
  next: Sink,
  addRowTotal: (r: Row) => void,
  sumsOf: Summed,
  label: { readonly field: string | null; readonly text: string },
): Sink {
  const sums = new Map<string, number>();
  let seq = 0;
  return {
    push: (r) => {
      addRowTotal(r);
      for (const [name, v] of r.fields) {
        const n = sumsOf(name) ? numberOf(v) : undefined;
        if (n !== undefined) sums.set(name, (sums.get(name) ?? 0) + n);
        else if (label.field === name && !sums.has(name)) sums.set(name, NaN);
      }
      seq = Math.max(seq, r.seq + 1);
      next.push(r);
    },
    end: () => {
      next.push(summaryRow(sums, label, seq));
      next.end();
    },
  };
}

/**
 * The column sums in the fields' first-seen order; the label sits in its field's place when the
 * results have that field (NaN marks it above), else last.
 */
function summaryRow(sums: ReadonlyMap<string, number>, label: { readonly field: string | null; readonly text: string }, seq: number): Row {
  const row = newRow(seq);
  for (const [name, sum] of sums) row.fields.set(name, name === label.field ? label.text : sum);
  if (label.field !== null) row.fields.set(label.field, label.text);
  return row;
}

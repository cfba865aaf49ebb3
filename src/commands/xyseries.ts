/**
 * `xyseries [grouped=<bool>] <x-field> <y-name-field> <y-data-field>... [sep=] [format=]`: the
 * inverse of untable. One row per x value, a column per y-name value holding the y-data value;
 * with several data fields a column per (data field, name) named by `format` (`$AGG$` = the data
 * field, `$VAL$` = the name; default `$AGG$: $VAL$`, `sep=` gives `$AGG$<sep>$VAL$`). Results
 * missing a field give nothing; of duplicate (x, name) pairs the first wins ("results that contain
 * duplicate values are removed"). Rows and columns come out in lexicographic order (as in the
 * documented example), rows in first-seen order with `grouped=true`. Search Reference, "xyseries".
 */
import { newRow, type FieldValue, type Scalar } from '../data/event.js';
import { compareBytes, scalarText } from '../eval/values.js';
import type { XyseriesCommand } from '../spl/commands/index.js';
import { CHART_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import type { CommandImpl, Sink } from './types.js';

interface XRow {
  readonly x: FieldValue;
  readonly cells: Map<string, FieldValue>;
}

export const xyseriesCommand: CommandImpl<XyseriesCommand> = {
  kind: 'xyseries',
  needsOrder: true,
  compile(cmd) {
    const reader = new OptionReader('xyseries', cmd.options, ['grouped', 'sep', 'format'], CHART_OPTION_RULES);
    const grouped = reader.boolean('grouped', false);
    const sep = reader.get('sep');
    const format = reader.string('format', sep ? `$AGG$${sep.value}$VAL$` : '$AGG$: $VAL$');
    const [x, name, data] = [cmd.x.name, cmd.yName.name, cmd.yData.map((f) => f.name)];
    const columnOf = (field: string, value: string): string =>
      data.length === 1 ? value : format.replaceAll('$AGG$', field).replaceAll('$VAL$', value);
    const operator = (next: Sink): Sink => {
      const rows = new Map<string, XRow>();
      const columns = new Map<string, [number, string]>();
      return {
        push: (row) => {
          const xv = row.fields.get(x);
          const nv = row.fields.get(name);
          if (xv === undefined || nv === undefined) return;
          const id = textOf(xv);
          let out = rows.get(id);
          if (!out) rows.set(id, (out = { x: xv, cells: new Map() }));
          data.forEach((field, i) => {
            const v = row.fields.get(field);
            if (v === undefined) return;
            const column = columnOf(field, textOf(nv));
            if (!columns.has(column)) columns.set(column, [i, textOf(nv)]);
            if (!out.cells.has(column)) out.cells.set(column, v);
          });
        },
        end: () => {
          const order = [...columns.entries()].sort(([, a], [, b]) => a[0] - b[0] || compareBytes(a[1], b[1])).map(([c]) => c);
          const list = [...rows.values()];
          if (!grouped) list.sort((a, b) => compareValues(a.x, b.x));
          list.forEach((r, i) => {
            const out = newRow(i);
            out.fields.set(x, r.x);
            for (const c of order) if (r.cells.has(c)) out.fields.set(c, r.cells.get(c)!);
            next.push(out);
          });
          next.end();
        },
      };
    };
    return { operator, ordersOutput: true, transforms: true };
  },
};

/** A value as one text: a multivalue joins its values with a space (how it would name a column). */
function textOf(v: FieldValue): string {
  return Array.isArray(v) ? (v as Scalar[]).map(scalarText).join(' ') : scalarText(v as Scalar);
}

function compareValues(a: FieldValue, b: FieldValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareBytes(textOf(a), textOf(b));
}

/**
 * `untable <x-field> <y-name-field> <y-data-field>`: each result becomes one result per field
 * other than the x field: `{x, y-name: field name, y-data: value}`, in the result's field order.
 * Internal fields (`_time`, `_raw`...) are not untabled: the documented example untables
 * `table _time EventCode Message | streamstats count as recno` by recno and gets only EventCode
 * and Message rows. A field absent from a result gives no row. Search Reference, "untable".
 */
import { newRow } from '../data/event.js';
import type { UntableCommand } from '../spl/commands/index.js';
import type { CommandImpl, Sink } from './types.js';

export const untableCommand: CommandImpl<UntableCommand> = {
  kind: 'untable',
  needsOrder: true,
  compile(cmd) {
    const [x, name, data] = [cmd.x.name, cmd.yName.name, cmd.yData.name];
    const operator = (next: Sink): Sink => {
      let seq = 0;
      return {
        push: (row) => {
          const xv = row.fields.get(x);
          for (const [field, v] of row.fields) {
            if (field === x || field.startsWith('_')) continue;
            const out = newRow(seq++);
            if (xv !== undefined) out.fields.set(x, xv);
            out.fields.set(name, field);
            out.fields.set(data, v);
            next.push(out);
          }
        },
        end: () => next.end(),
      };
    };
    return { operator, ordersOutput: true, transforms: true };
  },
};

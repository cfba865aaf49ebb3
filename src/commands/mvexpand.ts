/**
 * `mvexpand <field> [limit=<int>]` (Search Reference: mvexpand): one result per value of a
 * multivalue field, each a copy of the result with the field holding that value; `limit` keeps
 * only the first N values (0, the default, keeps all). A result without the field is dropped
 * (Splunk drops results whose field is null; `fillnull` first keeps them).
 */
import type { Row, Scalar } from '../data/event.js';
import type { MvexpandCommand } from '../spl/commands/mvexpand.js';
import { FIELD_COMMAND_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import { streaming, type CommandImpl } from './types.js';

export const mvexpandCommand: CommandImpl<MvexpandCommand> = {
  kind: 'mvexpand',
  needsOrder: false,
  compile(cmd) {
    const opts = new OptionReader('mvexpand', cmd.options, ['limit'], FIELD_COMMAND_OPTION_RULES);
    const limit = opts.integer('limit', 0);
    const field = cmd.field.name;
    return streaming((row, next) => {
      const v = row.fields.get(field);
      if (v === undefined) return;
      if (!Array.isArray(v)) return next.push(row);
      const values = v as readonly Scalar[];
      const n = limit === 0 ? values.length : Math.min(limit, values.length);
      for (let i = 0; i < n; i++) next.push(withValue(row, field, values[i]!));
    });
  },
};

/** A copy of the row whose `field` holds one value, in the field's place. */
function withValue(row: Row, field: string, value: Scalar): Row {
  const fields = new Map(row.fields);
  fields.set(field, value);
  return { fields, seq: row.seq };
}

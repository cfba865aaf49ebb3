/**
 * `lookup [local=<bool>] [update=<bool>] <lookup> (<field> [AS <event field>])...
 * [OUTPUT|OUTPUTNEW (<field> [AS <event field>])...]`: adds the fields of matching lookup rows to
 * each result (Search Reference, lookup). Without an output clause every column other than the
 * inputs is output, as OUTPUT. Matching rules come from the lookup's definition (src/lookups/).
 */
import { SplError } from '../errors/spl-error.js';
import { openLookup, withoutStore } from '../lookups/bind.js';
import { enrichRow, type EnrichPlan } from '../lookups/enrich.js';
import { compileMatcher } from '../lookups/match.js';
import type { LookupTable } from '../lookups/table.js';
import type { LookupCommand, LookupFieldMapping } from '../spl/commands/lookup.js';
import { LOOKUP_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import { streaming, type CommandImpl } from './types.js';

export const lookupCommand: CommandImpl<LookupCommand> = {
  kind: 'lookup',
  needsOrder: false,
  compile(cmd, ctx) {
    const options = new OptionReader('lookup', cmd.options, ['local', 'update'], LOOKUP_OPTION_RULES);
    options.boolean('local', false);
    options.boolean('update', false);
    const store = ctx.services.lookups;
    if (!store) return withoutStore(cmd.lookup, 'lookup', { ordersOutput: false, transforms: false });
    const { lookup, table } = openLookup(store, cmd.lookup, 'lookup');
    checkColumns(table, cmd.inputs, 'B505', lookup.name);
    if (cmd.output) checkColumns(table, cmd.output.fields, 'B506', lookup.name);
    const inputColumns = cmd.inputs.map((m) => m.lookupField);
    const plan: EnrichPlan = {
      table,
      matcher: compileMatcher(table, inputColumns, lookup),
      inputs: cmd.inputs.map((m) => m.eventField ?? m.lookupField),
      outputs: outputsOf(cmd, table, inputColumns),
      overwrite: cmd.output?.mode !== 'OUTPUTNEW',
      minMatches: lookup.minMatches,
      defaultMatch: lookup.defaultMatch,
    };
    return streaming((row, next) => {
      enrichRow(row, plan);
      next.push(row);
    });
  },
};

/** Splunk's "Could not find all of the specified lookup/destination fields", at the first missing one. */
function checkColumns(table: LookupTable, fields: readonly LookupFieldMapping[], code: 'B505' | 'B506', name: string): void {
  const missing = fields.filter((m) => table.column(m.lookupField) < 0);
  if (missing.length === 0) return;
  const list = missing.map((m) => `'${m.lookupField}'`).join(', ');
  const notes = [`its columns: ${table.columns.join(', ')}`];
  throw new SplError(code, { fields: list, name }, { span: missing[0]!.span, notes });
}

function outputsOf(cmd: LookupCommand, table: LookupTable, inputs: readonly string[]): EnrichPlan['outputs'] {
  if (cmd.output) {
    return cmd.output.fields.map((m) => ({ column: table.column(m.lookupField), field: m.eventField ?? m.lookupField }));
  }
  return table.columns.flatMap((name, column) => (inputs.includes(name) ? [] : [{ column, field: name }]));
}

/**
 * `fields [+|-] <wc-field-list>`: keep only the listed fields, or remove them. Search Reference,
 * "fields": https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.1.2507/search-commands/fields
 * - internal fields (`_raw`, `_time`, ...) are kept unless removed explicitly (`fields - _raw`);
 *   a wildcard reaches them only when it starts with `_` ("use _*");
 * - kept fields come in list order (after the unlisted internal ones), so `fields` also orders
 *   the columns of a table.
 */
import type { FieldValue, Row } from '../data/event.js';
import { timeOrderOperator } from '../exec/time-order.js';
import type { FieldsCommand } from '../spl/commands/index.js';
import { compileFieldPattern, selectFields, type FieldPattern } from './shared/field-patterns.js';
import { streaming, type ColumnPlan, type CommandImpl, type CompiledCommand } from './types.js';

export const fieldsCommand: CommandImpl<FieldsCommand> = {
  kind: 'fields',
  needsOrder: false,
  compile(cmd, ctx) {
    const patterns = cmd.fields.map((f) => compileFieldPattern(f.name, true));
    const names = cmd.fields.map((f) => f.name);
    const step = { ...(cmd.remove ? removeStep(patterns) : keepStep(patterns)), columns: columnPlan(cmd.remove, names, patterns) };
    // Removing `_time` from events not yet ordered would leave the final newest-first step blind.
    if (!cmd.remove || ctx.order === 'ordered' || !patterns.some((p) => p.matches('_time'))) return step;
    return { ...step, operator: (next) => timeOrderOperator(step.operator(next)), perRow: false, ordersOutput: true };
  },
};

/**
 * On a table, kept fields take the listed order after the internal fields `fields` always keeps;
 * removed ones leave the declared columns.
 */
function columnPlan(remove: boolean, names: readonly string[], patterns: readonly FieldPattern[]): ColumnPlan {
  if (!remove) return () => ['_*', ...names];
  return (previous) => previous?.filter((c) => c.includes('*') || !patterns.some((p) => p.matches(c))) ?? null;
}

function keepStep(patterns: readonly FieldPattern[]): CompiledCommand {
  return streaming((row, next) => {
    const listed = selectFields(patterns, row.fields);
    const named = new Set(listed);
    const out = new Map<string, FieldValue>();
    for (const [name, v] of row.fields) if (name.startsWith('_') && !named.has(name)) out.set(name, v);
    for (const name of listed) out.set(name, row.fields.get(name)!);
    next.push({ fields: out, seq: row.seq });
  });
}

function removeStep(patterns: readonly FieldPattern[]): CompiledCommand {
  return streaming((row, next) => {
    const out: Row = { fields: new Map(row.fields), seq: row.seq };
    for (const name of selectFields(patterns, row.fields)) out.fields.delete(name);
    next.push(out);
  });
}

/**
 * `table <wc-field-list>`: the results as a table of only the listed fields, "in the same order
 * that fields are specified"; a wildcard adds the matching fields (internal ones included: Splunk's
 * `table *` shows `_time`, `_raw`...). A transforming command: the result is a table, its columns
 * in first-seen order of the rows' fields. Search Reference, "table":
 * https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/table
 */
import type { FieldValue } from '../data/event.js';
import type { TableCommand } from '../spl/commands/index.js';
import { compileFieldPattern, selectFields } from './shared/field-patterns.js';
import { streaming, type CommandImpl } from './types.js';

export const tableCommand: CommandImpl<TableCommand> = {
  kind: 'table',
  // Rows leave in search order; the newest-first step must run while `_time` is still there.
  needsOrder: true,
  compile(cmd) {
    const patterns = cmd.fields.map((f) => compileFieldPattern(f.name, false));
    const step = streaming((row, next) => {
      const out = new Map<string, FieldValue>();
      for (const name of selectFields(patterns, row.fields)) out.set(name, row.fields.get(name)!);
      next.push({ fields: out, seq: row.seq });
    });
    const columns = cmd.fields.map((f) => f.name);
    return { ...step, transforms: true, columns: () => columns };
  },
};

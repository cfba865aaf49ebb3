/**
 * `fillnull [value=<string>] [<field-list>]`: give null (absent) fields a value, default `0`.
 * Search Reference, "fillnull":
 * https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/fillnull
 * - with a field list it streams, and a listed field that exists nowhere is created;
 * - without one it fills every field of the result set, so it must see all results first; a
 *   field has to have "at least one non-null value in the event set" to exist, so fields absent
 *   everywhere stay absent. Internal `_` fields are not filled (a result lacking `_time` keeps
 *   lacking it); every result then lists its fields in the set's first-seen order, which keeps
 *   the columns of a table in place;
 * - a wildcard in the list (`fillnull count*`) fills the matching fields of the result set.
 */
import type { FieldValue, Row } from '../data/event.js';
import type { FillnullCommand } from '../spl/commands/index.js';
import { OptionReader } from './shared/options.js';
import { compileFieldPattern, type FieldPattern } from './shared/field-patterns.js';
import { streaming, type CommandImpl, type Sink } from './types.js';

export const fillnullCommand: CommandImpl<FillnullCommand> = {
  kind: 'fillnull',
  needsOrder: false,
  compile(cmd) {
    const value = new OptionReader('fillnull', cmd.options, ['value']).string('value', '0');
    const names = cmd.fields.map((f) => f.name);
    if (names.length > 0 && !names.some((n) => n.includes('*'))) {
      return streaming((row, next) => {
        for (const name of names) if (!row.fields.has(name)) row.fields.set(name, value);
        next.push(row);
      });
    }
    const patterns = names.length === 0 ? null : names.map((n) => compileFieldPattern(n, true));
    return { operator: (next) => fillAllSink(value, patterns, next), ordersOutput: false, transforms: false };
  },
};

/** Blocking: every field seen in any result (or matching a pattern) is filled where absent. */
function fillAllSink(value: string, patterns: readonly FieldPattern[] | null, next: Sink): Sink {
  const rows: Row[] = [];
  const order = new Set<string>();
  const fills = (name: string): boolean =>
    patterns ? patterns.some((p) => p.matches(name)) : !name.startsWith('_');
  return {
    push: (row) => {
      rows.push(row);
      for (const name of row.fields.keys()) order.add(name);
    },
    end: () => {
      const names = [...order];
      for (const row of rows) {
        const out = new Map<string, FieldValue>();
        for (const name of names) {
          const v = row.fields.get(name);
          if (v !== undefined) out.set(name, v);
          else if (fills(name)) out.set(name, value);
        }
        next.push({ fields: out, seq: row.seq });
      }
      next.end();
    },
  };
}

/**
 * `return [<count>] [<alias>=<field>...] [<field>...] [$<field>...]`: the first `count` results
 * (default 1) become one result whose `search` field holds `field="value"` pairs, `alias="value"`
 * pairs or bare values, space-separated within a result; several results are parenthesised and
 * joined with OR (`(ip="10.1.11.2") OR (ip="10.2.12.3")`). Absent fields are left out.
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/return
 */
import { newRow, valuesOf, type Row } from '../data/event.js';
import { scalarText } from '../eval/values.js';
import { quoteValue } from '../search/subsearch-format.js';
import type { ReturnCommand, ReturnItem } from '../spl/commands/return.js';
import { blocking } from './blocking.js';
import type { CommandImpl } from './types.js';

export const returnCommand: CommandImpl<ReturnCommand> = {
  kind: 'return',
  needsOrder: true,
  compile(cmd) {
    const count = cmd.count ?? 1;
    return {
      operator: blocking((rows, next) => {
        const row = newRow(0);
        row.fields.set('search', returnText(rows.slice(0, count), cmd.items));
        next.push(row);
      }),
      ordersOutput: true,
      transforms: true,
    };
  },
};

/** The `search` text of `return` over these results. */
export function returnText(rows: readonly Row[], items: readonly ReturnItem[]): string {
  const texts = rows.map((r) => items.map((i) => itemText(r, i)).filter((t) => t !== '').join(' ')).filter((t) => t !== '');
  return texts.length === 1 ? texts[0]! : texts.map((t) => `(${t})`).join(' OR ');
}

/** A multivalue field gives the values ORed, as `format` writes them; `$field` its values. */
function itemText(row: Row, item: ReturnItem): string {
  const values = valuesOf(row.fields.get(item.field)).map(scalarText);
  if (item.kind === 'value') return values.join(' ');
  const name = item.kind === 'alias' ? item.alias : item.field;
  const pairs = values.map((v) => `${name}=${quoteValue(v)}`);
  return pairs.length > 1 ? `( ${pairs.join(' OR ')} )` : (pairs[0] ?? '');
}

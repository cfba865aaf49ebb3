/**
 * `sort [N] [limit=N] [+|-]field, ... [desc]` (spec 03 T18): a stable sort with Splunk's per-pair
 * comparison (shared/sort-compare.ts); at most N results leave (default 10000, 0 = all). Equal
 * results keep their search order (newest first), so unordered input breaks ties on `_time` and
 * needs no time sort first. Only the best N are kept: the buffer is cut back to N whenever it
 * holds 2N.
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.0/search-commands/sort
 */
import type { Row } from '../data/event.js';
import type { SortCommand } from '../spl/commands/index.js';
import { OptionReader } from './shared/options.js';
import { compileSortComparator, thenSearchOrder, type RowComparator } from './shared/sort-compare.js';
import { rowLimit, type HoldLimit } from './limit-guard.js';
import type { CommandImpl, Sink } from './types.js';

const DEFAULT_LIMIT = 10_000;

export const sortCommand: CommandImpl<SortCommand> = {
  kind: 'sort',
  needsOrder: false,
  compile(cmd, ctx) {
    const options = new OptionReader('sort', cmd.options, ['limit']);
    const limit = cmd.count ?? options.integer('limit', DEFAULT_LIMIT);
    const compare = thenSearchOrder(compileSortComparator(cmd.keys, cmd.desc), ctx.order === 'input');
    const hold = (): HoldLimit => rowLimit(ctx.services.limits, 'sort', cmd.span);
    return { operator: (next) => sortingSink(compare, limit, next, hold()), ordersOutput: true, transforms: false };
  },
};

/**
 * A blocking sink that emits the first `limit` rows (0 = all) in `compare` order, renumbered;
 * what it holds counts against max_rows when `hold` is given.
 */
export function sortingSink(compare: RowComparator, limit: number, next: Sink, hold?: HoldLimit): Sink {
  let rows: Row[] = [];
  const cut = (): void => {
    rows.sort(compare);
    if (limit > 0 && rows.length > limit) {
      hold?.release(rows.length - limit);
      rows = rows.slice(0, limit);
    }
  };
  return {
    push: (row) => {
      hold?.add();
      rows.push(row);
      if (limit > 0 && rows.length >= 2 * limit) cut();
    },
    end: () => {
      cut();
      rows.forEach((row, i) => {
        row.seq = i;
        next.push(row);
      });
      next.end();
    },
  };
}

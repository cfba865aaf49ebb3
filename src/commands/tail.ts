/**
 * `tail [N]`: the last N results (default 10), "returned in reverse order, starting at the end of
 * the result set" (Search Reference, "tail"). Only the last N rows are held: in a ring, or, for
 * events still in reading order, as the N oldest.
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.2/search-commands/tail
 */
import type { Row } from '../data/event.js';
import type { TailCommand } from '../spl/commands/index.js';
import { searchOrder } from './shared/sort-compare.js';
import { sortingSink } from './sort.js';
import type { CommandImpl, Operator, Sink } from './types.js';

const DEFAULT_COUNT = 10;

export const tailCommand: CommandImpl<TailCommand> = {
  kind: 'tail',
  needsOrder: false,
  compile(cmd, ctx) {
    const count = cmd.count ?? DEFAULT_COUNT;
    const operator: Operator = ctx.order === 'ordered' || count === 0
      ? (next) => tailSink(count, next)
      : (next) => sortingSink((a, b) => searchOrder(b, a), count, next);
    return { operator, ordersOutput: true, transforms: false };
  },
};

function tailSink(count: number, next: Sink): Sink {
  const ring: Row[] = [];
  let pushed = 0;
  return {
    push: (row) => {
      if (count === 0) return;
      ring[pushed % count] = row;
      pushed++;
    },
    end: () => {
      const held = Math.min(pushed, count);
      for (let i = 0; i < held; i++) {
        const row = ring[(pushed - 1 - i) % count]!;
        row.seq = i;
        next.push(row);
      }
      next.end();
    },
  };
}

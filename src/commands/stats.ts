/**
 * `stats` (spec 03 T1-T15): aggregate the results into one row per group. Order-dependent
 * functions get each result's order key, so the input needs no sorting (07 O6).
 */
import { newRow, type Row } from '../data/event.js';
import type { StatsCommand } from '../spl/ast.js';
import { GroupTable, type Group, type GroupTableState } from '../stats/groups.js';
import { setResults } from '../stats/feed.js';
import { planAggregations, planStatsOptions, type PlannedAggregation } from '../stats/plan.js';
import { groupLimit } from './limit-guard.js';
import type { CommandImpl, MergingSink, PartialSink, Sink, StreamOrder } from './types.js';

/** Where a partial aggregation's output would go: nowhere (its state is taken instead). */
const NO_NEXT: Sink = { push: () => undefined, end: () => undefined };

export const statsCommand: CommandImpl<StatsCommand> = {
  kind: 'stats',
  needsOrder: false,
  compile(cmd, ctx) {
    const options = planStatsOptions('stats', cmd.options);
    const aggs = planAggregations('stats', cmd.aggregations, cmd.by, options, { clock: ctx.clock, command: 'stats' });
    const by = cmd.by.map((b) => b.name);
    const sink = (next: Sink): MergingSink & PartialSink => {
      const table = new GroupTable(by, aggs, options.dedupSplitvals, groupLimit(ctx.services.limits, 'stats', cmd.span));
      const key = { time: 0, seq: 0 };
      // earliest()/latest() read the result's own _time even when the stream is already ordered.
      const timeKey = { time: 0, seq: 0 };
      return {
        push: (row) => {
          key.time = orderTime(row, ctx.order);
          key.seq = timeKey.seq = row.seq;
          timeKey.time = rowTime(row);
          table.add(row, key, timeKey);
        },
        end: () => {
          table.sorted().forEach((g, i) => next.push(groupRow(g, by, aggs, i)));
          next.end();
        },
        state: () => table.state(),
        absorb: (state) => table.absorb(state as GroupTableState),
      };
    };
    // Parts of the events aggregate apart and merge exactly unless a sum is involved.
    const mergeable = aggs.every((a) => a.spec.inexactMerge !== true) ? { partial: () => sink(NO_NEXT), merging: sink } : undefined;
    // Columns: BY fields, then the aggregations as named (spec 03 T1, 07 O4).
    const columns = [...by, ...aggs.filter((a) => !a.wildcard).map((a) => a.output)];
    return { operator: sink, mergeable, ordersOutput: true, transforms: true, columns: () => columns };
  },
};

/** Events not yet sorted are ordered by `_time` (newest first), ties by input order. */
function orderTime(row: Row, order: StreamOrder): number {
  return order === 'ordered' ? 0 : rowTime(row);
}

function rowTime(row: Row): number {
  const t = row.fields.get('_time');
  return typeof t === 'number' ? t : -Infinity;
}

function groupRow(g: Group, by: readonly string[], aggs: readonly PlannedAggregation[], seq: number): Row {
  const row = newRow(seq);
  by.forEach((name, i) => row.fields.set(name, g.keys[i]!));
  setResults(row, g, aggs);
  return row;
}

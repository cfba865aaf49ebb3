/**
 * `stats` (spec 03 T1-T15): aggregate the results into one row per group. Order-dependent
 * functions get each result's order key, so the input needs no sorting (07 O6).
 */
import { newRow, type Row } from '../data/event.js';
import type { StatsCommand } from '../spl/ast.js';
import { compareBytes } from '../eval/values.js';
import { GroupTable, type Group } from '../stats/groups.js';
import type { Accumulator } from '../stats/types.js';
import { planAggregations, planStatsOptions, type PlannedAggregation } from '../stats/plan.js';
import type { CommandImpl, Sink, StreamOrder } from './types.js';

export const statsCommand: CommandImpl<StatsCommand> = {
  kind: 'stats',
  needsOrder: false,
  compile(cmd, ctx) {
    const options = planStatsOptions('stats', cmd.options);
    const aggs = planAggregations('stats', cmd.aggregations, cmd.by, options, { clock: ctx.clock, command: 'stats' });
    const by = cmd.by.map((b) => b.name);
    const operator = (next: Sink): Sink => {
      const table = new GroupTable(by, aggs, options.dedupSplitvals);
      const key = { time: 0, seq: 0 };
      return {
        push: (row) => {
          key.time = orderTime(row, ctx.order);
          key.seq = row.seq;
          table.add(row, key);
        },
        end: () => {
          table.sorted().forEach((g, i) => next.push(groupRow(g, by, aggs, i)));
          next.end();
        },
      };
    };
    return { operator, ordersOutput: true, transforms: true };
  },
};

/** Events not yet sorted are ordered by `_time` (newest first), ties by input order. */
function orderTime(row: Row, order: StreamOrder): number {
  if (order === 'ordered') return 0;
  const t = row.fields.get('_time');
  return typeof t === 'number' ? t : -Infinity;
}

function groupRow(g: Group, by: readonly string[], aggs: readonly PlannedAggregation[], seq: number): Row {
  const row = newRow(seq);
  by.forEach((name, i) => row.fields.set(name, g.keys[i]!));
  aggs.forEach((a, i) => {
    if (a.wildcard) return setWildcardOutputs(row, g.wild[i]!, a);
    const v = g.accs[i]!.result();
    if (v !== undefined) row.fields.set(a.output, v);
  });
  return row;
}

/** T15: one column per matching field, in byte order of the field names. */
function setWildcardOutputs(row: Row, accs: Map<string, Accumulator>, a: PlannedAggregation): void {
  for (const name of [...accs.keys()].sort(compareBytes)) {
    const v = accs.get(name)!.result();
    if (v !== undefined) row.fields.set(a.wildcard!.output(name), v);
  }
}

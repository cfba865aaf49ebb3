/**
 * `eventstats [allnum=<bool>] <aggregation>... [BY <fields>]` (spec 03 T16): stats per group, then
 * every result is passed on in its order with its group's aggregates added, whether or not it
 * contributed a value; a result without a BY field gets nothing. An aggregate with no value
 * removes a field of the same name (as eval does with null). A result in several groups (a
 * multivalue BY field, T2) gets each group's value, as a multivalue field (undocumented).
 * Search Reference, "eventstats".
 */
import type { FieldValue, Row } from '../data/event.js';
import type { EventstatsCommand } from '../spl/commands/index.js';
import { eventTime, orderTimeOf, setGroupResults, stateResults } from '../stats/feed.js';
import { GroupTable, type Group } from '../stats/groups.js';
import { planAggregations, planStatsOptions } from '../stats/plan.js';
import { groupLimit, rowLimit } from './limit-guard.js';
import type { CommandImpl, Sink } from './types.js';

export const eventstatsCommand: CommandImpl<EventstatsCommand> = {
  kind: 'eventstats',
  needsOrder: false,
  compile(cmd, ctx) {
    const options = planStatsOptions('eventstats', cmd.options);
    const aggs = planAggregations('eventstats', cmd.aggregations, cmd.by, options, { clock: ctx.clock, command: 'eventstats' });
    const by = cmd.by.map((b) => b.name);
    const ordered = ctx.order === 'ordered';
    const operator = (next: Sink): Sink => {
      const table = new GroupTable(by, aggs, options.dedupSplitvals, groupLimit(ctx.services.limits, 'eventstats', cmd.span));
      const held: { row: Row; groups: readonly Group[] }[] = [];
      const holding = rowLimit(ctx.services.limits, 'eventstats', cmd.span);
      return {
        push: (row) => {
          holding.add();
          const key = { time: orderTimeOf(row, ordered), seq: row.seq };
          const timeKey = { time: eventTime(row) ?? -Infinity, seq: row.seq };
          held.push({ row, groups: table.add(row, key, timeKey) });
        },
        end: () => {
          const results = new Map<Group, Map<string, FieldValue>>();
          const of = (g: Group) => results.get(g) ?? results.set(g, new Map(stateResults(g, aggs))).get(g)!;
          for (const { row, groups } of held) {
            if (groups.length > 0) setGroupResults(row, groups.map(of), aggs);
            next.push(row);
          }
          next.end();
        },
      };
    };
    return { operator, ordersOutput: false, transforms: false };
  },
};


/**
 * `dedup [N] fields... [keepevents=] [keepempty=] [consecutive=] [sortby ...]`: keep the first N
 * results (search order, so newest first) of each combination of the fields' values. Rules from
 * the Search Reference, "dedup":
 * https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/dedup
 * - a result missing any of the fields is dropped, or kept untouched with keepempty=true;
 * - keepevents=true keeps every result but removes the fields from the duplicates;
 * - consecutive=true only removes duplicates that follow each other;
 * - multivalue fields must match all their values;
 * - sortby sorts the kept results (SPL2 spells it `dedup host | sort -_size`).
 */
import type { FieldValue, Row } from '../data/event.js';
import { scalarText } from '../eval/values.js';
import type { DedupCommand } from '../spl/commands/index.js';
import { OptionReader } from './shared/options.js';
import { compileSortComparator } from './shared/sort-compare.js';
import { sortingSink } from './sort.js';
import { rowLimit, type HoldLimit } from './limit-guard.js';
import type { CommandImpl, Sink } from './types.js';

interface DedupPlan {
  readonly fields: readonly string[];
  readonly count: number;
  readonly keepEvents: boolean;
  readonly keepEmpty: boolean;
  readonly consecutive: boolean;
}

export const dedupCommand: CommandImpl<DedupCommand> = {
  kind: 'dedup',
  needsOrder: true,
  compile(cmd, ctx) {
    const options = new OptionReader('dedup', cmd.options, ['keepevents', 'keepempty', 'consecutive']);
    if (cmd.count === 0) {
      const o = { name: 'count', value: '0', quoted: false, span: cmd.span };
      throw options.invalid(o, 'a count greater than 0');
    }
    const plan: DedupPlan = {
      fields: cmd.fields.map((f) => f.name),
      count: cmd.count ?? 1,
      keepEvents: options.boolean('keepevents', false),
      keepEmpty: options.boolean('keepempty', false),
      consecutive: options.boolean('consecutive', false),
    };
    const hold = (): HoldLimit => rowLimit(ctx.services.limits, 'dedup', cmd.span);
    if (cmd.sortBy.length === 0) return { operator: (next) => dedupSink(plan, next, hold()), ordersOutput: false, transforms: false };
    const compare = compileSortComparator(cmd.sortBy);
    return { operator: (next) => dedupSink(plan, sortingSink(compare, 0, next, hold()), hold()), ordersOutput: true, transforms: false };
  },
};

/** `hold` counts the combinations remembered (one per distinct key) against max_rows. */
function dedupSink(plan: DedupPlan, next: Sink, hold: HoldLimit): Sink {
  const seen = new Map<string, number>();
  let run = { key: '', count: 0 };
  const admit = (key: string): boolean => {
    if (plan.consecutive) {
      run = run.key === key && run.count > 0 ? { key, count: run.count + 1 } : { key, count: 1 };
      return run.count <= plan.count;
    }
    const seenBefore = seen.get(key);
    if (seenBefore === undefined) hold.add();
    const n = (seenBefore ?? 0) + 1;
    seen.set(key, n);
    return n <= plan.count;
  };
  return {
    push: (row) => {
      const key = combinationKey(row, plan.fields);
      if (key === undefined) {
        if (plan.keepEmpty || plan.keepEvents) next.push(row);
        return;
      }
      if (admit(key)) return next.push(row);
      if (plan.keepEvents) next.push(withoutFields(row, plan.fields));
    },
    end: () => next.end(),
  };
}

/** The values of the fields as one key (every value of a multivalue field, in order); undefined if one is missing. */
function combinationKey(row: Row, fields: readonly string[]): string | undefined {
  const parts: string[] = [];
  for (const name of fields) {
    const v: FieldValue | undefined = row.fields.get(name);
    if (v === undefined) return undefined;
    parts.push(JSON.stringify(Array.isArray(v) ? v.map(scalarText) : scalarText(v as string | number)));
  }
  return parts.join('\u0000');
}

function withoutFields(row: Row, fields: readonly string[]): Row {
  const out = new Map(row.fields);
  for (const name of fields) out.delete(name);
  return { fields: out, seq: row.seq };
}

/**
 * `top [N] [options] fields [BY fields]`: the most common value combinations with a count and a
 * percentage; `rare` (rare.ts) is the same with the least common first. Search Reference, "top":
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/top
 * - output: BY fields, the fields, `count` (countfield=, showcount=), `percent` (percentfield=,
 *   showperc=), printed with six decimals as Splunk shows it (`806` of 2643 -> `30.495649`);
 * - limit (or N) per BY group, default 10, 0 = all; useother=true adds one row whose fields hold
 *   otherstr (default `OTHER`) with the count of the values left out;
 * - results missing a field are not counted; multivalue fields count every value combination.
 * Undocumented, chosen: percentages are of the counted combinations in the BY group; BY groups
 * come in byte order of their values (as stats, spec 03 T3) and equal counts in byte order of the
 * values (what `stats count BY` followed by a stable sort on count gives).
 */
import { newRow, valuesOf, type Row, type Scalar } from '../data/event.js';
import { compareBytes, scalarText } from '../eval/values.js';
import type { CommandOption, FieldRef } from '../spl/ast.js';
import type { TopCommand } from '../spl/commands/index.js';
import { OptionReader } from './shared/options.js';
import { groupLimit, type HoldLimit } from './limit-guard.js';
import type { CommandImpl, CompiledCommand, Sink } from './types.js';

export interface TopPlan {
  readonly fields: readonly string[];
  readonly by: readonly string[];
  readonly limit: number;
  readonly countField: string | null;
  readonly percentField: string | null;
  readonly other: string | null;
  /** 1: most common first (top); -1: least common first (rare). */
  readonly direction: 1 | -1;
}

interface Combination {
  readonly values: readonly Scalar[];
  count: number;
}

interface ByGroup {
  readonly keys: readonly Scalar[];
  readonly combos: Map<string, Combination>;
  total: number;
}

const OPTIONS = ['countfield', 'limit', 'otherstr', 'percentfield', 'showcount', 'showperc', 'useother'];

export const topCommand: CommandImpl<TopCommand> = {
  kind: 'top',
  needsOrder: false,
  compile: (cmd, ctx) => compileTop(planTop('top', cmd, 1), () => groupLimit(ctx.services.limits, 'top', cmd.span)),
};

export interface TopLike {
  readonly count?: number | null;
  readonly options: readonly CommandOption[];
  readonly fields: readonly FieldRef[];
  readonly by: readonly FieldRef[];
}

export function planTop(command: string, cmd: TopLike, direction: 1 | -1): TopPlan {
  const o = new OptionReader(command, cmd.options, OPTIONS);
  return {
    fields: cmd.fields.map((f) => f.name),
    by: cmd.by.map((f) => f.name),
    limit: o.get('limit') ? o.integer('limit', 10) : (cmd.count ?? 10),
    countField: o.boolean('showcount', true) ? o.string('countfield', 'count') : null,
    percentField: o.boolean('showperc', true) ? o.string('percentfield', 'percent') : null,
    other: o.boolean('useother', false) ? o.string('otherstr', 'OTHER') : null,
    direction,
  };
}

/** `hold` makes the guard that counts distinct combinations against max_groups. */
export function compileTop(plan: TopPlan, hold: () => HoldLimit): CompiledCommand {
  return { operator: (next) => topSink(plan, next, hold()), ordersOutput: true, transforms: true };
}

function topSink(plan: TopPlan, next: Sink, limit: HoldLimit): Sink {
  const groups = new Map<string, ByGroup>();
  return {
    push: (row) => {
      const fieldLists = listsOf(row, plan.fields);
      const byLists = listsOf(row, plan.by);
      if (!fieldLists || !byLists) return;
      for (const keys of crossProduct(byLists)) {
        const id = keyId(keys);
        let g = groups.get(id);
        if (!g) groups.set(id, (g = { keys, combos: new Map(), total: 0 }));
        for (const values of crossProduct(fieldLists)) count(g, values, limit);
      }
    },
    end: () => {
      let seq = 0;
      for (const g of [...groups.values()].sort((a, b) => compareValues(a.keys, b.keys))) {
        for (const row of groupRows(plan, g)) {
          row.seq = seq++;
          next.push(row);
        }
      }
      next.end();
    },
  };
}

function count(g: ByGroup, values: readonly Scalar[], limit: HoldLimit): void {
  const id = keyId(values);
  const c = g.combos.get(id);
  if (c) c.count++;
  else {
    limit.add();
    g.combos.set(id, { values, count: 1 });
  }
  g.total++;
}

function groupRows(plan: TopPlan, g: ByGroup): Row[] {
  const ranked = [...g.combos.values()].sort(
    (a, b) => plan.direction * (b.count - a.count) || compareValues(a.values, b.values),
  );
  const kept = plan.limit > 0 ? ranked.slice(0, plan.limit) : ranked;
  const rows = kept.map((c) => resultRow(plan, g, c.values.map(scalarText), c.count));
  const rest = ranked.length - kept.length;
  if (plan.other !== null && rest > 0) {
    const others = ranked.slice(kept.length).reduce((n, c) => n + c.count, 0);
    rows.push(resultRow(plan, g, plan.fields.map(() => plan.other!), others));
  }
  return rows;
}

function resultRow(plan: TopPlan, g: ByGroup, values: readonly string[], n: number): Row {
  const row = newRow(0);
  plan.by.forEach((name, i) => row.fields.set(name, g.keys[i]!));
  plan.fields.forEach((name, i) => row.fields.set(name, values[i]!));
  if (plan.countField !== null) row.fields.set(plan.countField, n);
  if (plan.percentField !== null) row.fields.set(plan.percentField, ((n / g.total) * 100).toFixed(6));
  return row;
}

function listsOf(row: Row, names: readonly string[]): (readonly Scalar[])[] | undefined {
  const lists: (readonly Scalar[])[] = [];
  for (const name of names) {
    const list = valuesOf(row.fields.get(name));
    if (list.length === 0) return undefined;
    lists.push(list);
  }
  return lists;
}

function keyId(values: readonly Scalar[]): string {
  return values.map(scalarText).join('\u0000');
}

function compareValues(a: readonly Scalar[], b: readonly Scalar[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareBytes(scalarText(a[i]!), scalarText(b[i]!));
    if (c !== 0) return c;
  }
  return 0;
}

function* crossProduct(lists: readonly (readonly Scalar[])[]): Generator<readonly Scalar[]> {
  if (lists.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = lists;
  for (const v of first!) for (const tail of crossProduct(rest)) yield [v, ...tail];
}

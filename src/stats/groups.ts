/**
 * Grouping for stats: a result joins one group per combination of its BY values (multivalue BY
 * fields fan out, spec 03 T2); a result missing a BY field joins none. Groups are keyed by the
 * exact strings of their BY values and come out in byte order of those values (T3).
 */
import type { Row, Scalar } from '../data/event.js';
import { compareBytes, scalarText } from '../eval/values.js';
import type { OrderKey } from './types.js';
import type { Accumulator } from './types.js';
import type { PlannedAggregation } from './plan.js';
import type { EvalValue } from '../eval/types.js';

export interface Group {
  readonly keys: readonly Scalar[];
  readonly accs: Accumulator[];
  /** Per wildcard aggregation (T15): an accumulator per matching field, created on first sight. */
  readonly wild: (Map<string, Accumulator> | undefined)[];
}

const SEP = '\u0000';

export class GroupTable {
  private readonly groups = new Map<string, Group>();

  constructor(
    private readonly by: readonly string[],
    private readonly aggs: readonly PlannedAggregation[],
    private readonly dedupSplitvals: boolean,
  ) {}

  add(row: Row, order: OrderKey): void {
    if (this.by.length === 0) return this.feed(this.group([], ''), row, order);
    const lists: (readonly Scalar[])[] = [];
    for (const name of this.by) {
      const v = row.fields.get(name);
      if (v === undefined) return;
      const list = Array.isArray(v) ? (v as readonly Scalar[]) : [v as Scalar];
      if (list.length === 0) return;
      lists.push(this.dedupSplitvals ? dedupe(list) : list);
    }
    for (const combo of crossProduct(lists)) this.feed(this.group(combo, combo.map(scalarText).join(SEP)), row, order);
  }

  private group(keys: readonly Scalar[], id: string): Group {
    let g = this.groups.get(id);
    if (!g) {
      g = { keys, accs: this.aggs.map((a) => a.spec.create(a.param)), wild: this.aggs.map((a) => (a.wildcard ? new Map() : undefined)) };
      this.groups.set(id, g);
    }
    return g;
  }

  private feed(g: Group, row: Row, order: OrderKey): void {
    this.aggs.forEach((a, i) => {
      if (a.wildcard) return this.feedWildcard(g.wild[i]!, a, row, order);
      if (a.expr) return feedExpression(g.accs[i]!, a.expr(row), order);
      if (a.field === null) return g.accs[i]!.add(EMPTY, order);
      const v = row.fields.get(a.field);
      if (v === undefined) return;
      g.accs[i]!.add(Array.isArray(v) ? (v as readonly Scalar[]) : [v as Scalar], order);
    });
  }

  private feedWildcard(accs: Map<string, Accumulator>, a: PlannedAggregation, row: Row, order: OrderKey): void {
    for (const [name, v] of row.fields) {
      if (!a.wildcard!.matches(name)) continue;
      let acc = accs.get(name);
      if (!acc) accs.set(name, (acc = a.spec.create(a.param)));
      acc.add(Array.isArray(v) ? (v as readonly Scalar[]) : [v as Scalar], order);
    }
  }

  /** Groups in output order; without BY, exactly one group even for no input (T2). */
  sorted(): Group[] {
    if (this.by.length === 0) return [this.group([], '')];
    return [...this.groups.values()].sort((a, b) => compareKeys(a.keys, b.keys));
  }
}

const EMPTY: readonly Scalar[] = [];

/**
 * `count(eval(status="404"))` counts the results where the expression is true (spec 03 T5): true
 * adds one value, false and null add none; other values aggregate as they are.
 */
function feedExpression(acc: Accumulator, v: EvalValue, order: OrderKey): void {
  if (v === null || v === false) return;
  if (v === true) return acc.add(ONE, order);
  acc.add(Array.isArray(v) ? (v as readonly Scalar[]) : [v as Scalar], order);
}

const ONE: readonly Scalar[] = ['1'];

function compareKeys(a: readonly Scalar[], b: readonly Scalar[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareBytes(scalarText(a[i]!), scalarText(b[i]!));
    if (c !== 0) return c;
  }
  return 0;
}

function dedupe(list: readonly Scalar[]): readonly Scalar[] {
  return [...new Map(list.map((v) => [scalarText(v), v])).values()];
}

function* crossProduct(lists: readonly (readonly Scalar[])[]): Generator<Scalar[]> {
  const idx = lists.map(() => 0);
  while (true) {
    yield lists.map((l, i) => l[idx[i]!]!);
    let k = lists.length - 1;
    while (k >= 0 && ++idx[k]! === lists[k]!.length) idx[k--] = 0;
    if (k < 0) return;
  }
}

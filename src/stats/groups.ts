/**
 * Grouping for stats: a result joins one group per combination of its BY values (multivalue BY
 * fields fan out, spec 03 T2); a result missing a BY field joins none. Groups are keyed by the
 * exact strings of their BY values and come out in byte order of those values (T3).
 */
import type { Row, Scalar } from '../data/event.js';
import { compareBytes, scalarText } from '../eval/values.js';
import { feedRow, newAggState, wildcardAccumulator, type AggState } from './feed.js';
import { accumulatorState, restoreAccumulator } from './transfer.js';
import type { Accumulator, AggScope, OrderKey } from './types.js';
import type { PlannedAggregation } from './plan.js';
import type { HoldLimit } from '../commands/limit-guard.js';

export interface Group extends AggState {
  readonly keys: readonly Scalar[];
}

/** Per group: its id, BY values, accumulator states, and per wildcard aggregation the field states. */
export type GroupTableState = Array<[string, readonly Scalar[], unknown[], (Array<[string, unknown]> | null)[]]>;

function wildState(accs: Map<string, Accumulator> | undefined): Array<[string, unknown]> | null {
  return accs === undefined ? null : [...accs].map(([name, acc]) => [name, accumulatorState(acc)]);
}

const SEP = '\u0000';
const NONE: readonly Group[] = [];

export class GroupTable {
  private readonly groups = new Map<string, Group>();
  /** Shared by the accumulators of all groups (sparklines' common time axis). */
  private readonly scope: AggScope = new Map();
  private single: readonly Group[] | undefined;

  constructor(
    private readonly by: readonly string[],
    private readonly aggs: readonly PlannedAggregation[],
    private readonly dedupSplitvals: boolean,
    /** Counts each new group against max_groups (R701). */
    private readonly limit?: HoldLimit,
  ) {}

  /** Feed a result to its groups (see feedRow for `timeOrder`); returns them (none without a BY field). */
  add(row: Row, order: OrderKey, timeOrder = order): readonly Group[] {
    const groups = this.groupsOf(row);
    for (const g of groups) feedRow(g, this.aggs, row, order, timeOrder);
    return groups;
  }

  /** The groups a result belongs to, created on first sight, without feeding it. */
  groupsOf(row: Row): readonly Group[] {
    if (this.by.length === 0) return (this.single ??= [this.group([], '')]);
    const one = this.singleValued(row);
    if (one !== undefined) return one;
    const combos = byCombinations(row, this.by, this.dedupSplitvals);
    if (combos === null) return NONE;
    return combos.map((combo) => this.group(combo, groupId(combo)));
  }

  /**
   * The hot path: every BY field has one value, so the result joins one group, found by its id
   * without building the combinations; undefined when some BY value is missing or multivalue.
   */
  private singleValued(row: Row): Group[] | undefined {
    const by = this.by;
    // A tree of maps, one level per BY field, keyed by value text: no key string is built.
    let node: Map<string, unknown> = this.tree;
    for (let i = 0; i < by.length; i++) {
      const v = row.fields.get(by[i]!);
      if (v === undefined || Array.isArray(v)) return undefined;
      const text = scalarText(v as Scalar);
      let next = node.get(text);
      if (next === undefined) {
        if (i === by.length - 1) break;
        node.set(text, (next = new Map<string, unknown>()));
      }
      if (i === by.length - 1) return next as Group[];
      node = next as Map<string, unknown>;
    }
    const keys = by.map((name) => row.fields.get(name) as Scalar);
    const found = [this.group(keys, groupId(keys))];
    node.set(scalarText(keys[keys.length - 1]!), found);
    return found;
  }

  /** Single-valued BY combinations -> their group (as a one-element list), see singleValued. */
  private readonly tree = new Map<string, unknown>();

  private group(keys: readonly Scalar[], id: string): Group {
    let g = this.groups.get(id);
    if (!g) {
      this.limit?.add();
      g = { keys, ...newAggState(this.aggs, this.scope) };
      this.groups.set(id, g);
    }
    return g;
  }

  /** Every group's keys and accumulator states, as structured-clonable data (see absorb). */
  state(): GroupTableState {
    return [...this.groups].map(([id, g]) => [id, g.keys, g.accs.map(accumulatorState), g.wild.map(wildState)]);
  }

  /** Merge the groups of another table over a part of the input that comes after this one's. */
  absorb(state: GroupTableState): void {
    for (const [id, keys, accs, wild] of state) {
      const g = this.group(keys, id);
      this.aggs.forEach((a, i) => {
        const part = accs[i];
        if (part !== undefined) g.accs[i]!.merge(restoreAccumulator(a.spec.create(a.param), part));
        for (const [name, st] of wild[i] ?? []) wildcardAccumulator(g.wild[i]!, a, name).merge(restoreAccumulator(a.spec.create(a.param), st));
      });
    }
  }

  /** Groups in output order; without BY, exactly one group even for no input (T2). */
  sorted(): Group[] {
    if (this.by.length === 0) return [this.group([], '')];
    return [...this.groups.values()].sort((a, b) => compareKeys(a.keys, b.keys));
  }
}

/** The identity of a combination of BY values: their exact texts. */
export function groupId(keys: readonly Scalar[]): string {
  return keys.length === 1 ? scalarText(keys[0]!) : keys.map(scalarText).join(SEP);
}

/**
 * Every combination of a result's BY values (T2: multivalue fields fan out as a cross product),
 * or null when a BY field is missing or empty.
 */
export function byCombinations(row: Row, by: readonly string[], dedupSplitvals: boolean): Scalar[][] | null {
  const lists: (readonly Scalar[])[] = [];
  for (const name of by) {
    const v = row.fields.get(name);
    if (v === undefined) return null;
    const list = Array.isArray(v) ? (v as readonly Scalar[]) : [v as Scalar];
    if (list.length === 0) return null;
    lists.push(dedupSplitvals ? dedupe(list) : list);
  }
  return [...crossProduct(lists)];
}

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

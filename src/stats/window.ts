/**
 * The sliding windows of streamstats (`window=N`, `time_window=T`): the last results, kept as
 * snapshots of the values each aggregation takes from them (later commands may change the rows).
 * Accumulators cannot remove a value, so a window's aggregate is recomputed from its entries for
 * every result: O(window) per result, fine for the usual small windows and bounded by Splunk's
 * own `max_stream_window` (10000).
 */
import type { Row, Scalar } from '../data/event.js';
import { feedValues, inputOf, newAggState, TIME_FUNCTIONS, wildcardAccumulator, wildcardInputs, type AggState } from './feed.js';
import type { PlannedAggregation } from './plan.js';

export interface WindowEntry {
  /** `_time` of the result (undefined without one). */
  readonly time: number | undefined;
  /** Position in the stream: the order key of first/last/list. */
  readonly seq: number;
  /** The groups (BY value combinations) the result belongs to. */
  readonly groups: readonly string[];
  /** Per aggregation: its values (null: none), or for a wildcard aggregation its fields' values. */
  readonly inputs: readonly (readonly Scalar[] | null | [string, readonly Scalar[]][])[];
}

export function snapshot(
  aggs: readonly PlannedAggregation[],
  row: Row,
  time: number | undefined,
  seq: number,
  groups: readonly string[],
): WindowEntry {
  return { time, seq, groups, inputs: aggs.map((a) => (a.wildcard ? wildcardInputs(a, row) : inputOf(a, row))) };
}

export class EventWindow {
  private entries: WindowEntry[] = [];
  private head = 0;

  /** `size` 0 = no count limit; `seconds` undefined = no time limit. */
  constructor(
    private readonly size: number,
    private readonly seconds: number | undefined,
  ) {}

  push(e: WindowEntry): void {
    this.entries.push(e);
    if (this.size > 0 && this.entries.length - this.head > this.size) this.head++;
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  /** Drop the entries `time_window` or more away from `time` (the oldest come first). */
  evict(time: number | undefined): void {
    if (this.seconds === undefined || time === undefined) return;
    while (this.head < this.entries.length) {
      const t = this.entries[this.head]!.time;
      if (t !== undefined && Math.abs(t - time) < this.seconds) break;
      this.head++;
    }
  }

  clear(): void {
    this.entries = [];
    this.head = 0;
  }

  /** A fresh state fed with the entries of `group` (every entry when null), oldest first. */
  state(aggs: readonly PlannedAggregation[], group: string | null): AggState {
    const state = newAggState(aggs);
    for (let k = this.head; k < this.entries.length; k++) {
      const e = this.entries[k]!;
      if (group !== null && !e.groups.includes(group)) continue;
      feedEntry(state, aggs, e);
    }
    return state;
  }
}

function feedEntry(state: AggState, aggs: readonly PlannedAggregation[], e: WindowEntry): void {
  const order = { time: 0, seq: e.seq };
  const timeOrder = { time: e.time ?? -Infinity, seq: e.seq };
  aggs.forEach((a, i) => {
    const key = TIME_FUNCTIONS.has(a.spec.name) ? timeOrder : order;
    const input = e.inputs[i]!;
    if (!a.wildcard) return feedValues(state.accs[i]!, input as readonly Scalar[] | null, key);
    for (const [name, values] of input as [string, readonly Scalar[]][]) wildcardAccumulator(state.wild[i]!, a, name).add(values, key);
  });
}

/**
 * The aggregation state of one group, shared by the stats family (stats, eventstats, streamstats,
 * chart, timechart): one accumulator per planned aggregation (a map of them for wildcard
 * arguments, spec 03 T15), how a result feeds it, and how its results become output fields.
 */
import type { FieldValue, Row, Scalar } from '../data/event.js';
import { compareBytes, toNumber } from '../eval/values.js';
import type { EvalValue } from '../eval/types.js';
import type { PlannedAggregation } from './plan.js';
import type { Accumulator, AggScope, OrderKey } from './types.js';

export interface AggState {
  readonly accs: Accumulator[];
  /** Per wildcard aggregation (T15): an accumulator per matching field, created on first sight. */
  readonly wild: (Map<string, Accumulator> | undefined)[];
}

/** `scope`: what the accumulators of one table share (see AggregationSpec.create). */
export function newAggState(aggs: readonly PlannedAggregation[], scope?: AggScope): AggState {
  return { accs: aggs.map((a) => a.spec.create(a.param, scope)), wild: aggs.map((a) => (a.wildcard ? new Map() : undefined)) };
}

/**
 * Feed one result to every aggregation of a state. `timeOrder` is the key of the functions that
 * choose by `_time` (earliest, latest, rate): a stream already in its final order passes time 0
 * in `order`, so those need the result's real `_time` (default: the same key).
 */
export function feedRow(state: AggState, aggs: readonly PlannedAggregation[], row: Row, order: OrderKey, timeOrder = order): void {
  for (let i = 0; i < aggs.length; i++) {
    const a = aggs[i]!;
    const key = TIME_FUNCTIONS.has(a.spec.name) ? timeOrder : order;
    if (a.wildcard) feedWildcard(state.wild[i]!, a, row, key);
    else feedValues(state.accs[i]!, inputOf(a, row), key);
  }
}

/** The functions whose choice depends on `_time` rather than on stream order. */
export const TIME_FUNCTIONS: ReadonlySet<string> = new Set(['earliest', 'latest', 'earliest_time', 'latest_time', 'rate', 'sparkline']);

/**
 * The values one (non-wildcard) aggregation takes from a result: `[]` for `count` without an
 * argument, null when the result gives it nothing. Windowed commands keep these snapshots.
 */
export function inputOf(a: PlannedAggregation, row: Row): readonly Scalar[] | null {
  if (a.expr) return expressionValues(a.expr(row));
  if (a.field === null) return EMPTY;
  return listOf(row.fields.get(a.field));
}

/** The fields a wildcard aggregation takes from a result, with their values. */
export function wildcardInputs(a: PlannedAggregation, row: Row): [string, readonly Scalar[]][] {
  const out: [string, readonly Scalar[]][] = [];
  for (const [name, v] of row.fields) if (a.wildcard!.matches(name)) out.push([name, listOf(v)!]);
  return out;
}

export function feedValues(acc: Accumulator, values: readonly Scalar[] | null, order: OrderKey): void {
  if (values !== null) acc.add(values, order);
}

export function feedWildcard(accs: Map<string, Accumulator>, a: PlannedAggregation, row: Row, order: OrderKey): void {
  for (const [name, v] of row.fields) {
    if (!a.wildcard!.matches(name)) continue;
    wildcardAccumulator(accs, a, name).add(listOf(v)!, order);
  }
}

export function wildcardAccumulator(accs: Map<string, Accumulator>, a: PlannedAggregation, name: string): Accumulator {
  let acc = accs.get(name);
  if (!acc) accs.set(name, (acc = a.spec.create(a.param)));
  return acc;
}

/** The output fields of a state, in aggregation order; wildcard outputs in byte order of field names. */
export function stateResults(state: AggState, aggs: readonly PlannedAggregation[]): [string, FieldValue][] {
  const out: [string, FieldValue][] = [];
  aggs.forEach((a, i) => {
    if (a.wildcard) {
      const accs = state.wild[i]!;
      for (const name of [...accs.keys()].sort(compareBytes)) {
        const v = accs.get(name)!.result();
        if (v !== undefined) out.push([a.wildcard.output(name), v]);
      }
      return;
    }
    const v = state.accs[i]!.result();
    if (v !== undefined) out.push([a.output, v]);
  });
  return out;
}

/**
 * Add the results of a result's groups to it (eventstats, streamstats): an output with no value
 * removes a field of that name; a result in several groups (multivalue BY field) gets each
 * group's value, joined as a multivalue field.
 */
export function setGroupResults(row: Row, results: readonly ReadonlyMap<string, FieldValue>[], aggs: readonly PlannedAggregation[]): void {
  if (results.length === 1) return setOneGroup(row, results[0]!, aggs);
  const names = new Set<string>();
  for (const a of aggs) if (!a.wildcard) names.add(a.output);
  for (const r of results) for (const name of r.keys()) names.add(name);
  for (const name of names) {
    const values = results.map((r) => r.get(name)).filter((v) => v !== undefined);
    if (values.length === 0) row.fields.delete(name);
    else row.fields.set(name, values.length === 1 ? values[0]! : (values.flat() as Scalar[]));
  }
}

function setOneGroup(row: Row, result: ReadonlyMap<string, FieldValue>, aggs: readonly PlannedAggregation[]): void {
  for (const a of aggs) if (!a.wildcard && !result.has(a.output)) row.fields.delete(a.output);
  for (const [name, v] of result) row.fields.set(name, v);
}

/** Write a state's results into a row (after its existing fields). */
export function setResults(row: Row, state: AggState, aggs: readonly PlannedAggregation[]): void {
  for (const [name, v] of stateResults(state, aggs)) row.fields.set(name, v);
}

const EMPTY: readonly Scalar[] = [];
const ONE: readonly Scalar[] = ['1'];

function listOf(v: FieldValue | undefined): readonly Scalar[] | null {
  if (v === undefined) return null;
  return Array.isArray(v) ? (v as readonly Scalar[]) : [v as Scalar];
}

/**
 * `count(eval(status="404"))` counts the results where the expression is true (spec 03 T5): true
 * adds one value, false and null add none; other values aggregate as they are.
 */
function expressionValues(v: EvalValue): readonly Scalar[] | null {
  if (v === null || v === false) return null;
  if (v === true) return ONE;
  return Array.isArray(v) ? (v as readonly Scalar[]) : [v as Scalar];
}

/**
 * The order key time of a result (spec 07 O6): its `_time` while events are still in reading order
 * (newest first is then decided by time), 0 once the stream is in its final order (seq decides).
 */
export function orderTimeOf(row: Row, streamOrdered: boolean): number {
  if (streamOrdered) return 0;
  return eventTime(row) ?? -Infinity;
}

/** A result's `_time` as a number, or undefined when it has none. */
export function eventTime(row: Row): number | undefined {
  const t = row.fields.get('_time');
  if (typeof t === 'number') return t;
  if (typeof t === 'string') return toNumber(t);
  return undefined;
}

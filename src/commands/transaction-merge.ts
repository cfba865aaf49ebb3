/**
 * One transaction as one result (Search Reference: transaction, Description and rendering
 * options): `_raw` is the members' `_raw` oldest first, joined by newlines (a multivalue list
 * with mvraw=true); `_time` is the earliest member's; every other field is the union of the
 * members' values: by default the distinct values in lexicographic order (one value stays
 * single), with mvlist (for all fields or the fields listed) every value in event order, oldest
 * first, a member without the field contributing `nullstr` ("NULL"). Internal fields other than
 * `_raw` and `_time` keep the earliest member's value. `duration` (newest minus earliest `_time`)
 * and `eventcount` are added, and with keepevicted=true `closed_txn`: 1 for a complete transaction
 * a condition closed, 0 for an evicted one or one still open at the end of the input.
 */
import type { FieldValue, Row, Scalar } from '../data/event.js';
import { compareBytes, scalarText } from '../eval/values.js';
import { isComplete, type Transaction } from './transaction-group.js';

export interface RenderRules {
  /** true: every field as a list; a set: those fields; false: distinct sorted values. */
  readonly mvlist: boolean | ReadonlySet<string>;
  readonly mvraw: boolean;
  readonly nullstr: string;
  readonly closedField: boolean;
}

export function transactionRow(t: Transaction, rules: RenderRules, seq: number): Row {
  const events = [...t.events].reverse();
  const names = fieldNames(events);
  const fields = new Map<string, FieldValue>();
  for (const name of names) {
    const value = mergedValue(name, events, rules);
    if (value !== undefined) fields.set(name, value);
  }
  const first = events[0]!;
  if (first.fields.has('_time')) fields.set('_time', first.fields.get('_time')!);
  const raws = events.map((e) => e.fields.get('_raw')).filter((r): r is FieldValue => r !== undefined).map(text);
  if (raws.length > 0) fields.set('_raw', rules.mvraw ? single(raws) : raws.join('\n'));
  // Times carry microseconds: round away the floating-point noise of the subtraction.
  fields.set('duration', Math.round((t.newest - t.oldest) * 1e6) / 1e6);
  fields.set('eventcount', events.length);
  if (rules.closedField) fields.set('closed_txn', t.closed && isComplete(t) ? 1 : 0);
  return { fields, seq };
}

function fieldNames(events: readonly Row[]): string[] {
  const names = new Set<string>();
  for (const e of events) for (const k of e.fields.keys()) names.add(k);
  return [...names];
}

function mergedValue(name: string, events: readonly Row[], rules: RenderRules): FieldValue | undefined {
  if (name === '_raw' || name === '_time') return undefined;
  if (name.startsWith('_')) return events.find((e) => e.fields.has(name))?.fields.get(name);
  const asList = rules.mvlist === true || (rules.mvlist !== false && rules.mvlist.has(name));
  if (asList) return single(events.flatMap((e) => listOf(e.fields.get(name), rules.nullstr)));
  const distinct = new Map<string, Scalar>();
  for (const e of events) for (const v of listOf(e.fields.get(name), null)) distinct.set(scalarText(v), v);
  const sorted = [...distinct.keys()].sort(compareBytes).map((k) => distinct.get(k)!);
  return sorted.length === 0 ? undefined : single(sorted);
}

function listOf(v: FieldValue | undefined, nullstr: string | null): Scalar[] {
  if (v === undefined) return nullstr === null ? [] : [nullstr];
  return Array.isArray(v) ? [...(v as readonly Scalar[])] : [v as Scalar];
}

function single(values: Scalar[]): FieldValue {
  return values.length === 1 ? values[0]! : values;
}

function text(v: FieldValue): string {
  return Array.isArray(v) ? (v as readonly Scalar[]).map(scalarText).join('\n') : scalarText(v as Scalar);
}

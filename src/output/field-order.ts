/**
 * Field order of event results (no transforming command): the union of the rows' fields in
 * lexicographic byte order, which puts `_`-prefixed fields first (spec 07 O4). Internal fields
 * other than `_raw` and `_time` are hidden unless a command names them (spec 06 J7).
 */
import type { FieldValue } from '../data/event.js';
import { compareBytes } from '../eval/values.js';
import type { ResultSet } from './result-set.js';

/** Internal fields that event results show without being named. */
const SHOWN_INTERNAL: ReadonlySet<string> = new Set(['_raw', '_time']);

/** Whether an event result lists this field by default (J7: `_indextime`, `_cd`... are hidden). */
export function isShownEventField(name: string): boolean {
  return !name.startsWith('_') || SHOWN_INTERNAL.has(name);
}

/**
 * The output field list of event results: every shown field present in any row, byte-ordered.
 * Example: rows with `{ status, _time, _raw, host, _indextime }` → `['_raw', '_time', 'host', 'status']`.
 */
export function eventFieldOrder(rows: Iterable<ReadonlyMap<string, FieldValue>>): string[] {
  const names = new Set<string>();
  for (const row of rows) {
    for (const name of row.keys()) {
      if (isShownEventField(name)) names.add(name);
    }
  }
  return [...names].sort(compareBytes);
}

/** A result set for event results: fields from {@link eventFieldOrder}. */
export function eventResults(rows: readonly ReadonlyMap<string, FieldValue>[]): ResultSet {
  return { fields: eventFieldOrder(rows), rows, kind: 'events' };
}

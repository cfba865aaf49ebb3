/**
 * The comparator of `sort` and `dedup ... sortby` (spec 03 T18, Search Reference "sort"): two
 * values compare as numbers when both are numbers, else as text in byte order, decided per pair;
 * `num()`, `str()`, `ip()` force a reading; `auto()` is the default. Results missing the field
 * sort last whether ascending or descending ("treated as having the smallest or largest possible
 * value of that field if the order is descending or ascending"). A multivalue field sorts by its
 * first value (undocumented; the choice eval makes where one value is needed).
 */
import type { FieldValue, Row, Scalar } from '../../data/event.js';
import { compareBytes, scalarText, toNumber } from '../../eval/values.js';
import type { SortKey, SortType } from '../../spl/commands/sort.js';

export type RowComparator = (a: Row, b: Row) => number;

type ValueComparator = (a: Scalar, b: Scalar) => number;

/** Rows ordered by the keys in turn; 0 when all keys tie (callers sort stably). */
export function compileSortComparator(keys: readonly SortKey[], reverse = false): RowComparator {
  const steps = keys.map((k) => ({ field: k.field, sign: k.descending !== reverse ? -1 : 1, compare: valueComparator(k.type) }));
  return (a, b) => {
    for (const s of steps) {
      const x = firstValue(a.fields.get(s.field));
      const y = firstValue(b.fields.get(s.field));
      if (x === undefined || y === undefined) {
        if (x !== y) return x === undefined ? 1 : -1;
        continue;
      }
      const c = s.compare(x, y);
      if (c !== 0) return s.sign * c;
    }
    return 0;
  };
}

function firstValue(v: FieldValue | undefined): Scalar | undefined {
  if (v === undefined) return undefined;
  return Array.isArray(v) ? (v as readonly Scalar[])[0] : (v as Scalar);
}

export function valueComparator(type: SortType | null): ValueComparator {
  switch (type) {
    case 'str': return (a, b) => compareBytes(scalarText(a), scalarText(b));
    case 'num': return readingFirst(toNumber);
    case 'ip': return readingFirst(ipNumber);
    case 'auto':
    case null: return compareAuto;
  }
}

/** T18: `sort - n` over 10, 9, 100 gives 100, 10, 9; "10" vs "abc" compares as text. */
export function compareAuto(a: Scalar, b: Scalar): number {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x !== undefined && y !== undefined) return x === y ? 0 : x < y ? -1 : 1;
  return compareBytes(scalarText(a), scalarText(b));
}

/** Values that read (as numbers, as IP addresses) sort before those that do not, which sort as text. */
function readingFirst(read: (v: Scalar) => number | undefined): ValueComparator {
  return (a, b) => {
    const x = read(a);
    const y = read(b);
    if (x !== undefined && y !== undefined) return x === y ? 0 : x < y ? -1 : 1;
    if (x !== undefined || y !== undefined) return x !== undefined ? -1 : 1;
    return compareBytes(scalarText(a), scalarText(b));
  };
}

const IPV4 = /^\s*(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\s*$/;

/** A dotted IPv4 address as a number (`10.0.0.9` < `10.0.0.10`); undefined otherwise. */
export function ipNumber(v: Scalar): number | undefined {
  const m = IPV4.exec(scalarText(v));
  if (!m) return undefined;
  const parts = m.slice(1, 5).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256 + p, 0);
}

/**
 * Search order for rows not yet ordered: newest `_time` first, ties in reading order (spec 07 O6,
 * the order exec/time-order.ts produces). Lets `sort`, `head N` and `tail N` keep only N rows
 * instead of waiting for a full time sort.
 */
export function searchOrder(a: Row, b: Row): number {
  const ta = timeOf(a);
  const tb = timeOf(b);
  return ta !== tb ? (tb > ta ? 1 : -1) : a.seq - b.seq;
}

function timeOf(row: Row): number {
  const t = row.fields.get('_time');
  return typeof t === 'number' ? t : -Infinity;
}

/** `compare`, then search order for ties when the input is still in reading order. */
export function thenSearchOrder(compare: RowComparator, unordered: boolean): RowComparator {
  return unordered ? (a, b) => compare(a, b) || searchOrder(a, b) : compare;
}

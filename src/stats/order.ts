/**
 * first, last, earliest, latest, earliest_time, latest_time, list, rate (spec 03 T12-T14).
 * Every choice is made from the order keys, never from the order of `add` calls, so inputs may
 * arrive in any order and partial accumulators merge exactly. Search Reference, "Event order
 * functions" and "Multivalue stats and chart functions".
 */
import type { FieldValue, Scalar } from '../data/event.js';
import { toNumber } from '../eval/values.js';
import { comesBefore, type Accumulator, type AggregationSpec, type OrderKey } from './types.js';

/** True when a candidate at (time, seq) should replace the kept one at (keptTime, keptSeq). */
type Prefer = (time: number, seq: number, keptTime: number, keptSeq: number) => boolean;

/** The result that comes first in stream order. */
const preferFirst: Prefer = comesBefore;
/** The result that comes last in stream order. */
const preferLast: Prefer = (t, s, kt, ks) => comesBefore(kt, ks, t, s);
/** Smallest `_time`; ties go to the result that comes first in order (T13 recommendation). */
const preferEarliest: Prefer = (t, s, kt, ks) => t < kt || (t === kt && s < ks);
/** Largest `_time`; ties go to the first in order, which is exactly `preferFirst`. */
const preferLatest: Prefer = comesBefore;

/** Keeps the value of the one result chosen by `prefer`: the whole multivalue when it has several. */
class PickAccumulator implements Accumulator {
  time = 0;
  seq = 0;
  value: FieldValue | undefined;

  constructor(
    private readonly prefer: Prefer,
    private readonly output: 'value' | 'time',
  ) {}

  add(values: readonly Scalar[], order: OrderKey): void {
    if (values.length === 0) return;
    this.offer(values.length === 1 ? values[0] : values, order.time, order.seq);
  }

  offer(value: FieldValue, time: number, seq: number): void {
    if (this.value !== undefined && !this.prefer(time, seq, this.time, this.seq)) return;
    this.value = value;
    this.time = time;
    this.seq = seq;
  }

  merge(other: Accumulator): void {
    const o = other as PickAccumulator;
    if (o.value !== undefined) this.offer(o.value, o.time, o.seq);
  }

  result(): FieldValue | undefined {
    if (this.value === undefined) return undefined;
    return this.output === 'time' ? this.time : this.value;
  }
}

function pick(name: string, prefer: Prefer, output: 'value' | 'time' = 'value'): AggregationSpec {
  return { name, needsArg: true, orderSensitive: true, create: () => new PickAccumulator(prefer, output) };
}

export const first = pick('first', preferFirst);
export const last = pick('last', preferLast);
export const earliest = pick('earliest', preferEarliest);
export const latest = pick('latest', preferLatest);
export const earliestTime = pick('earliest_time', preferEarliest, 'time');
export const latestTime = pick('latest_time', preferLatest, 'time');

/** `list_maxsize` (limits.conf [stats], default 100): list keeps the first 100 values in order. */
export const LIST_MAX_SIZE = 100;

/** One value of a list, with its result's key and its position inside a multivalue. */
interface ListEntry {
  readonly time: number;
  readonly seq: number;
  readonly index: number;
  readonly value: Scalar;
}

function compareEntries(a: ListEntry, b: ListEntry): number {
  if (a.time !== b.time) return a.time > b.time ? -1 : 1;
  if (a.seq !== b.seq) return a.seq - b.seq;
  return a.index - b.index;
}

/**
 * Values in stream order, duplicates kept, the first `LIST_MAX_SIZE` only (T14). Entries are
 * appended and, when out of order or over twice the cap, sorted and cut back to the cap. Inputs
 * already in order cost nothing once the list is full: later results cannot enter it.
 */
class ListAccumulator implements Accumulator {
  private entries: ListEntry[] = [];
  private sorted = true;

  add(values: readonly Scalar[], order: OrderKey): void {
    const { time, seq } = order;
    const n = this.entries.length;
    if (n > 0) {
      const tail = this.entries[n - 1];
      if (comesBefore(time, seq, tail.time, tail.seq)) this.sorted = false;
      else if (this.sorted && n >= LIST_MAX_SIZE) return;
    }
    for (let index = 0; index < values.length; index++) {
      this.entries.push({ time, seq, index, value: values[index] });
    }
    if (this.entries.length > 2 * LIST_MAX_SIZE) this.compact();
  }

  private compact(): void {
    if (!this.sorted) this.entries.sort(compareEntries);
    if (this.entries.length > LIST_MAX_SIZE) this.entries.length = LIST_MAX_SIZE;
    this.sorted = true;
  }

  merge(other: Accumulator): void {
    const o = other as ListAccumulator;
    if (o.entries.length === 0) return;
    for (const e of o.entries) this.entries.push(e);
    this.sorted = false;
    this.compact();
  }

  result(): FieldValue | undefined {
    if (this.entries.length === 0) return undefined;
    this.compact();
    return this.entries.map((e) => e.value);
  }
}

export const list: AggregationSpec = {
  name: 'list',
  needsArg: true,
  orderSensitive: true,
  create: () => new ListAccumulator(),
};

/**
 * `(latest(x) - earliest(x)) / (latest_time(x) - earliest_time(x))`, as Search Reference defines
 * rate; absent unless both values are single numbers and the two times differ.
 */
class RateAccumulator implements Accumulator {
  private readonly lo = new PickAccumulator(preferEarliest, 'value');
  private readonly hi = new PickAccumulator(preferLatest, 'value');

  add(values: readonly Scalar[], order: OrderKey): void {
    this.lo.add(values, order);
    this.hi.add(values, order);
  }

  merge(other: Accumulator): void {
    const o = other as RateAccumulator;
    this.lo.merge(o.lo);
    this.hi.merge(o.hi);
  }

  result(): FieldValue | undefined {
    const { lo, hi } = this;
    if (lo.value === undefined || hi.value === undefined || hi.time === lo.time) return undefined;
    if (Array.isArray(lo.value) || Array.isArray(hi.value)) return undefined;
    const a = toNumber(lo.value as Scalar);
    const b = toNumber(hi.value as Scalar);
    return a === undefined || b === undefined ? undefined : (b - a) / (hi.time - lo.time);
  }
}

export const rate: AggregationSpec = {
  name: 'rate',
  needsArg: true,
  orderSensitive: true,
  create: () => new RateAccumulator(),
};

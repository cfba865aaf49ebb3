/**
 * How transaction groups events (Search Reference: transaction). Events arrive newest first, as
 * Splunk feeds them, so a transaction grows backwards in time:
 * - an event joins the open transaction that agrees with it on every grouping field both have
 *   (connected=true, the default, also needs one shared value; connected=false does not), the one
 *   touched last when several do; an event with none of the fields belongs to none (an orphan);
 * - before it joins, the transaction closes when the event lies more than maxspan before its
 *   newest event or more than maxpause before its oldest, or when the event matches endswith
 *   (an end event always opens a new transaction);
 * - after it joins, the transaction closes when the event matches startswith or it holds
 *   maxevents events. What is still open at the end is flushed.
 * A transaction is complete when its oldest event matches startswith and its newest endswith
 * (each when given); others are evicted. `closed` says whether a condition closed it before the
 * end of the input (the closed_txn field of keepevicted=true).
 */
import type { Row, Scalar } from '../data/event.js';
import { scalarText } from '../eval/values.js';

export interface GroupRules {
  readonly fields: readonly string[];
  readonly maxspan: number;
  readonly maxpause: number;
  readonly maxevents: number;
  readonly connected: boolean;
  readonly startswith: ((row: Row) => boolean) | null;
  readonly endswith: ((row: Row) => boolean) | null;
}

export interface Transaction {
  /** Newest first, as they arrived. */
  readonly events: Row[];
  readonly keys: Map<string, string>;
  newest: number;
  oldest: number;
  /** The newest event matched endswith (or none is required). */
  endOk: boolean;
  /** The oldest event matched startswith (or none is required). */
  startOk: boolean;
  closed: boolean;
  touched: number;
  readonly created: number;
}

export function isComplete(t: Transaction): boolean {
  return t.startOk && t.endOk;
}

export class TransactionGrouper {
  private readonly open = new Set<Transaction>();
  private readonly index = new Map<string, Set<Transaction>>();
  private clock = 0;

  constructor(
    private readonly rules: GroupRules,
    private readonly emit: (t: Transaction) => void,
    private readonly orphan: (row: Row) => void,
  ) {}

  push(row: Row): void {
    const keys = this.keysOf(row);
    if (keys === null) return this.orphan(row);
    const time = timeOf(row);
    const isEnd = this.rules.endswith?.(row) ?? false;
    let t = this.find(keys);
    if (t && (isEnd || t.newest - time > this.rules.maxspan || t.oldest - time > this.rules.maxpause)) {
      this.close(t, true);
      t = undefined;
    }
    t ??= this.start(time, isEnd);
    this.add(t, row, keys, time);
    const isStart = this.rules.startswith?.(row) ?? false;
    t.startOk = this.rules.startswith === null || isStart;
    if (isStart || t.events.length >= this.rules.maxevents) this.close(t, true);
  }

  /** Flush what is still open, oldest-created first. */
  end(): void {
    for (const t of [...this.open]) this.close(t, false);
  }

  /** The grouping values of a row, or null when it has none of the fields. */
  private keysOf(row: Row): Map<string, string> | null {
    const keys = new Map<string, string>();
    for (const f of this.rules.fields) {
      const v = row.fields.get(f);
      const first = Array.isArray(v) ? (v as readonly Scalar[])[0] : (v as Scalar | undefined);
      if (first !== undefined) keys.set(f, scalarText(first));
    }
    return this.rules.fields.length > 0 && keys.size === 0 ? null : keys;
  }

  private find(keys: Map<string, string>): Transaction | undefined {
    const pool = this.rules.fields.length === 0 || !this.rules.connected ? this.open : this.candidates(keys);
    let best: Transaction | undefined;
    for (const t of pool) {
      if (agrees(t, keys, this.rules.connected) && (!best || t.touched > best.touched)) best = t;
    }
    return best;
  }

  private candidates(keys: Map<string, string>): Set<Transaction> {
    const out = new Set<Transaction>();
    for (const [f, v] of keys) for (const t of this.index.get(indexKey(f, v)) ?? []) out.add(t);
    return out;
  }

  private start(time: number, isEnd: boolean): Transaction {
    const t: Transaction = {
      events: [], keys: new Map(), newest: time, oldest: time, endOk: this.rules.endswith === null || isEnd,
      startOk: this.rules.startswith === null, closed: false, touched: 0, created: this.clock++,
    };
    this.open.add(t);
    return t;
  }

  private add(t: Transaction, row: Row, keys: Map<string, string>, time: number): void {
    t.events.push(row);
    t.oldest = Math.min(t.oldest, time);
    t.newest = Math.max(t.newest, time);
    t.touched = this.clock++;
    for (const [f, v] of keys) {
      if (t.keys.has(f)) continue;
      t.keys.set(f, v);
      const k = indexKey(f, v);
      let set = this.index.get(k);
      if (!set) this.index.set(k, (set = new Set()));
      set.add(t);
    }
  }

  private close(t: Transaction, byCondition: boolean): void {
    this.open.delete(t);
    for (const [f, v] of t.keys) this.index.get(indexKey(f, v))?.delete(t);
    t.closed = byCondition;
    this.emit(t);
  }
}

function agrees(t: Transaction, keys: Map<string, string>, connected: boolean): boolean {
  let shared = false;
  for (const [f, v] of keys) {
    const mine = t.keys.get(f);
    if (mine === undefined) continue;
    if (mine !== v) return false;
    shared = true;
  }
  return shared || !connected || keys.size === 0;
}

const indexKey = (field: string, value: string): string => `${field}\u0000${value}`;

export function timeOf(row: Row): number {
  const t = row.fields.get('_time');
  return typeof t === 'number' ? t : typeof t === 'string' && t.trim() !== '' && Number.isFinite(Number(t)) ? Number(t) : 0;
}

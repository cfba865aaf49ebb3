/**
 * transaction grouping (src/commands/transaction-group.ts) and rendering (transaction-merge.ts):
 * events are pushed newest first, as bind feeds them.
 */
import { describe, expect, it } from 'vitest';
import type { FieldValue, Row } from '../../../src/data/event.js';
import { isComplete, TransactionGrouper, type GroupRules, type Transaction } from '../../../src/commands/transaction-group.js';
import { transactionRow } from '../../../src/commands/transaction-merge.js';

const RULES: GroupRules = { fields: [], maxspan: Infinity, maxpause: Infinity, maxevents: 1000, connected: true, startswith: null, endswith: null };

function row(time: number, fields: Record<string, FieldValue>, seq = 0): Row {
  return { fields: new Map<string, FieldValue>([['_time', time], ['_raw', `e${time}`], ...Object.entries(fields)]), seq };
}

/** Group rows given oldest first; returns each transaction's member times, oldest first. */
function group(rules: Partial<GroupRules>, rows: Row[]): { times: number[]; complete: boolean; closed: boolean }[] {
  const out: Transaction[] = [];
  const g = new TransactionGrouper({ ...RULES, ...rules }, (t) => out.push(t), () => undefined);
  [...rows].reverse().forEach((r) => g.push(r));
  g.end();
  return out.map((t) => ({ times: t.events.map((e) => e.fields.get('_time') as number).reverse(), complete: isComplete(t), closed: t.closed }));
}

describe('transaction grouping', () => {
  it('joins events transitively over several fields; a conflicting value starts another transaction', () => {
    // Newest first: 4 opens {host b, cookie c}, 3 joins it on cookie, 2 conflicts on host, 1 joins 2.
    const rows = [row(1, { host: 'a' }), row(2, { host: 'a', cookie: 'c' }), row(3, { cookie: 'c' }), row(4, { host: 'b', cookie: 'c' })];
    expect(group({ fields: ['host', 'cookie'] }, rows).map((t) => t.times)).toEqual([[3, 4], [1, 2]]);
  });

  it('connected=false lets an event join a transaction it shares no value with', () => {
    const rows = [row(1, { host: 'a' }), row(2, { cookie: 'c' })];
    expect(group({ fields: ['host', 'cookie'], connected: true }, rows).map((t) => t.times)).toEqual([[2], [1]]);
    expect(group({ fields: ['host', 'cookie'], connected: false }, rows).map((t) => t.times)).toEqual([[1, 2]]);
  });

  it('maxevents closes a transaction, counting from the newest event', () => {
    const rows = [1, 2, 3, 4, 5].map((t) => row(t, {}));
    expect(group({ maxevents: 2 }, rows).map((t) => [t.times, t.closed])).toEqual([[[4, 5], true], [[2, 3], true], [[1], false]]);
  });

  it('an end event always opens a new transaction; without a start event it is evicted', () => {
    const isEnd = (r: Row) => r.fields.get('a') === 'end';
    const isStart = (r: Row) => r.fields.get('a') === 'start';
    const rows = [row(1, { a: 'start' }), row(2, { a: 'x' }), row(3, { a: 'end' }), row(4, { a: 'end' }), row(5, { a: 'x' })];
    expect(group({ startswith: isStart, endswith: isEnd }, rows)).toEqual([
      { times: [5], complete: false, closed: true },
      { times: [4], complete: false, closed: true },
      { times: [1, 2, 3], complete: true, closed: true },
    ]);
  });
});

describe('transaction rendering', () => {
  const t = (rows: Row[]): Transaction => {
    let out: Transaction | undefined;
    const g = new TransactionGrouper(RULES, (x) => (out = x), () => undefined);
    [...rows].reverse().forEach((r) => g.push(r));
    g.end();
    return out!;
  };
  const render = { mvlist: false, mvraw: false, nullstr: 'NULL', closedField: false } as const;

  it('unions values (distinct, byte order), keeps the earliest internal fields and rounds duration', () => {
    const r = transactionRow(t([row(1.1, { v: ['b', 'a'], _cd: 'first' }), row(2.3, { v: 'B', n: 10 }), row(3.3, { n: 9 })]), render, 0);
    expect(Object.fromEntries(r.fields)).toMatchObject({ v: ['B', 'a', 'b'], n: [10, 9], _cd: 'first', _time: 1.1, duration: 2.2, eventcount: 3, _raw: 'e1.1\ne2.3\ne3.3' });
  });

  it('mvlist as a field list and mvraw', () => {
    const r = transactionRow(t([row(1, { a: 'x', b: 'y' }), row(2, { a: 'x' })]), { ...render, mvlist: new Set(['a']), mvraw: true }, 0);
    expect(Object.fromEntries(r.fields)).toMatchObject({ a: ['x', 'x'], b: 'y', _raw: ['e1', 'e2'] });
  });
});

/**
 * Search expression -> row predicate, compiled once per query (spec 01). Field comparisons look
 * at extracted values; bare terms look at `_raw` (term-match.ts); `earliest`/`latest` terms bound
 * `_time` (S15).
 */
import { valuesOf, type Row } from '../data/event.js';
import { scalarText } from '../eval/values.js';
import { SplError } from '../errors/spl-error.js';
import type { SearchExpr, SearchValue } from '../spl/ast.js';
import type { Clock } from '../time/clock.js';
import { resolveTimeModifier } from '../time/relative.js';
import { compileComparison } from './field-match.js';
import { compileTermMatcher } from './term-match.js';

export type RowPredicate = (row: Row) => boolean;

export interface SearchCompileContext {
  readonly clock: Clock;
  /** A subsearch's predicate: the caller has its results (they ran before the search was bound). */
  readonly onSubsearch: (expr: Extract<SearchExpr, { kind: 'Subsearch' }>) => RowPredicate;
}

export function compileSearch(expr: SearchExpr, ctx: SearchCompileContext): RowPredicate {
  switch (expr.kind) {
    case 'And': return compileConjunction(expr.items, ctx);
    case 'Or': return anyOf(expr.items.map((e) => compileSearch(e, ctx)));
    case 'Not': return negate(compileSearch(expr.operand, ctx));
    case 'Term': return compileTerm(expr.value);
    case 'Compare': return compileConjunction([expr], ctx);
    case 'In': return compileIn(expr);
    case 'Subsearch': return ctx.onSubsearch(expr);
  }
}

/**
 * ANDed items. An `earliest` without a `latest` beside it ends at `now`, exclusive (S15 "Without
 * latest, latest is now"; TM3): `earliest=-1h@h` at 11:00 drops an event stamped 11:00:00.
 */
function compileConjunction(items: readonly SearchExpr[], ctx: SearchCompileContext): RowPredicate {
  const preds = items.map((e) =>
    e.kind === 'Compare' ? (timeBound(e, ctx) ?? compileComparison(e.field, e.op, e.value)) : compileSearch(e, ctx),
  );
  const terms = items.map((e) => (e.kind === 'Compare' && e.op === '=' ? TIME_TERMS.get(e.field) : undefined));
  if (terms.includes('earliest') && !terms.includes('latest')) {
    const now = ctx.clock.now;
    preds.push((row) => timeOf(row) < now);
  }
  return allOf(preds);
}

/**
 * `f IN (a, b, ...)` is `f=a OR f=b ...` (S9). Plain values are looked up in a set (the same
 * case-insensitive whole-value test as `f=a`), so a subsearch of thousands of values stays fast;
 * wildcard, CIDR and CASE() values are tested one by one.
 */
function compileIn(expr: Extract<SearchExpr, { kind: 'In' }>): RowPredicate {
  const plain = new Set<string>();
  const others: RowPredicate[] = [];
  for (const v of expr.values) {
    if (v.caseSensitive || v.text.includes('*') || v.text.includes('/')) others.push(compileComparison(expr.field, '=', v));
    else plain.add(v.text.toLowerCase());
  }
  if (plain.size > 0) others.unshift(inSet(expr.field, plain));
  return anyOf(others);
}

function inSet(field: string, lowered: ReadonlySet<string>): RowPredicate {
  const test = (v: string): boolean => {
    const lower = v.toLowerCase();
    return lower.length === v.length && lowered.has(lower);
  };
  return (row) => {
    const v = row.fields.get(field);
    if (v === undefined) return false;
    for (const x of valuesOf(v)) if (test(scalarText(x))) return true;
    return false;
  };
}

function allOf(preds: RowPredicate[]): RowPredicate {
  if (preds.length === 1) return preds[0]!;
  return (row) => {
    for (const p of preds) if (!p(row)) return false;
    return true;
  };
}

function anyOf(preds: RowPredicate[]): RowPredicate {
  if (preds.length === 1) return preds[0]!;
  return (row) => {
    for (const p of preds) if (p(row)) return true;
    return false;
  };
}

function negate(pred: RowPredicate): RowPredicate {
  return (row) => !pred(row);
}

/** A bare `*` keeps every result, even table rows without `_raw` (`| search *` filter macros). */
function compileTerm(value: SearchValue): RowPredicate {
  if (/^\*+$/.test(value.text) && !value.quoted) return () => true;
  const match = compileTermMatcher(value);
  let lastRaw = '';
  let lastLower = '';
  const lower = (): string => lastLower;
  return (row) => {
    const raw = row.fields.get('_raw');
    if (typeof raw !== 'string') return false; // S16: no _raw after a transforming command
    if (raw !== lastRaw) {
      lastRaw = raw;
      lastLower = raw.toLowerCase();
    }
    return match(raw, lower);
  };
}

// A Map, not an object literal: a field named `__proto__` or `constructor` is no time term (06 J2).
const TIME_TERMS: ReadonlyMap<string, 'earliest' | 'latest'> = new Map([
  ['earliest', 'earliest'],
  ['latest', 'latest'],
  ['starttime', 'earliest'],
  ['endtime', 'latest'],
]);

/** `earliest=<t>` keeps `_time >= t`; `latest=<t>` keeps `_time < t` (spec 01 S15, 04 TM3). */
function timeBound(expr: Extract<SearchExpr, { kind: 'Compare' }>, ctx: SearchCompileContext): RowPredicate | undefined {
  const term = TIME_TERMS.get(expr.field);
  if (!term || expr.op !== '=') return undefined;
  const at = resolveTimeModifier(expr.value.text, ctx.clock);
  if (at === undefined) throw new SplError('B005', { value: expr.value.text, term: expr.field }, { span: expr.value.span });
  return term === 'earliest'
    ? (row) => timeOf(row) >= at
    : (row) => timeOf(row) < at;
}

function timeOf(row: Row): number {
  const t = row.fields.get('_time');
  return typeof t === 'number' ? t : typeof t === 'string' ? Number(t) : NaN;
}

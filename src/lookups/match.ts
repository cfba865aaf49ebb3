/**
 * Which rows of a lookup table match a set of input values. Exact fields use a hash index built
 * at first use; WILDCARD (`*` = any run of characters) and CIDR (`10.0.0.0/8`, or one address)
 * fields are tested row by row. Matches come in file order, at most `maxMatches` (transforms.conf:
 * "the first <integer> entries, in file order"). `caseSensitive: false` folds case everywhere.
 */
import { anchoredWildcard, backtrackingRuns, escapeRegex } from '../search/wildcard.js';
import { parseCidr, parseIp } from '../search/cidr.js';
import type { MatchType } from './definition.js';
import type { Cell, LookupTable } from './table.js';

export interface MatchRules {
  readonly matchTypes: ReadonlyMap<string, MatchType>;
  readonly caseSensitive: boolean;
  readonly maxMatches: number;
}

/** Row indexes matching one value per input field, in file order. */
export type RowMatcher = (values: readonly string[]) => readonly number[];

/** An input value, with its address bits parsed once per lookup (for CIDR fields). */
interface Probe {
  readonly norm: string;
  bits(): readonly number[] | undefined;
}

type CellTest = (probe: Probe) => boolean;

const CACHE_LIMIT = 10_000;

export function compileMatcher(table: LookupTable, inputs: readonly string[], rules: MatchRules): RowMatcher {
  const fold = rules.caseSensitive ? (s: string) => s : (s: string) => s.toLowerCase();
  const cols = inputs.map((f) => table.column(f));
  const kinds = inputs.map((f) => rules.matchTypes.get(f) ?? 'exact');
  const exact = kinds.flatMap((k, i) => (k === 'exact' ? [i] : []));
  const scanned = kinds.flatMap((k, i) => (k === 'exact' ? [] : [i]));
  let index: Map<string, number | number[]> | undefined;
  const candidates = (values: readonly string[]): readonly number[] => {
    if (exact.length === 0) return allRows(table);
    index ??= buildIndex(table, exact.map((i) => cols[i]!), fold);
    const rows = index.get(exact.map((i) => fold(values[i]!)).join('\u0000'));
    return rows === undefined ? [] : typeof rows === 'number' ? [rows] : rows;
  };
  if (scanned.length === 0) return (values) => candidates(values).slice(0, rules.maxMatches);
  const tests = scanned.map((i) => cellTests(table, cols[i]!, kinds[i]!, fold));
  const cache = new Map<string, readonly number[]>();
  return (values) => {
    const key = values.join('\u0000');
    const hit = cache.get(key);
    if (hit) return hit;
    const probes = scanned.map((i) => probe(values[i]!, fold));
    const out: number[] = [];
    for (const row of candidates(values)) {
      if (tests.every((t, j) => t(row)(probes[j]!))) out.push(row);
      if (out.length >= rules.maxMatches) break;
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, out);
    return out;
  };
}

const allRowsCache = new WeakMap<LookupTable, number[]>();

function allRows(table: LookupTable): number[] {
  let rows = allRowsCache.get(table);
  if (!rows) allRowsCache.set(table, (rows = table.rows.map((_, i) => i)));
  return rows;
}

/**
 * Key → row, or rows in file order, over every value combination of the exact fields (multivalue
 * cells give several keys). A lone row is kept as a number: most keys of a large table are unique.
 */
function buildIndex(table: LookupTable, cols: readonly number[], fold: (s: string) => string): Map<string, number | number[]> {
  const index = new Map<string, number | number[]>();
  const add = (key: string, r: number): void => {
    const rows = index.get(key);
    if (rows === undefined) index.set(key, r);
    else if (typeof rows === 'number') rows !== r && index.set(key, [rows, r]);
    else if (rows[rows.length - 1] !== r) rows.push(r);
  };
  table.rows.forEach((row, r) => {
    if (cols.length === 1 && typeof row[cols[0]!] === 'string') return add(fold(row[cols[0]!] as string), r);
    let keys = [''];
    for (const [j, c] of cols.entries()) {
      const values = cellValues(row[c]);
      keys = keys.flatMap((k) => values.map((v) => (j === 0 ? fold(v) : `${k}\u0000${fold(v)}`)));
    }
    for (const k of keys) add(k, r);
  });
  return index;
}

function cellValues(cell: Cell): readonly string[] {
  if (cell === undefined) return [];
  return typeof cell === 'string' ? [cell] : cell;
}

/** Per row, a test of the input value against that row's cell, compiled at first use. */
function cellTests(table: LookupTable, col: number, kind: MatchType, fold: (s: string) => string) {
  const compiled: (CellTest | undefined)[] = new Array(table.rows.length);
  return (row: number): CellTest => {
    let test = compiled[row];
    if (!test) {
      const patterns = cellValues(table.rows[row]![col]);
      const each = patterns.map((p) => (kind === 'cidr' ? cidrTest(p, fold) : wildcardTest(p, fold)));
      test = compiled[row] = each.length === 1 ? each[0]! : (probe) => each.some((t) => t(probe));
    }
    return test;
  };
}

function probe(value: string, fold: (s: string) => string): Probe {
  let bits: readonly number[] | undefined | null = null;
  return { norm: fold(value), bits: () => (bits === null ? (bits = parseIp(value)) : bits) };
}

/**
 * A WILDCARD cell as a test of the folded input: `*` runs of any characters. The common shapes
 * (`*x`, `x*`, `*x*`, no `*`) are string tests; others a regular expression.
 */
function wildcardTest(pattern: string, fold: (s: string) => string): CellTest {
  const p = fold(pattern);
  const parts = p.split('*');
  if (parts.length === 1) return (v) => v.norm === p;
  const inner = parts.slice(1, -1);
  const [head, tail] = [parts[0]!, parts[parts.length - 1]!];
  if (inner.length === 0) return (v) => v.norm.length >= head.length + tail.length && v.norm.startsWith(head) && v.norm.endsWith(tail);
  if (inner.length === 1 && head === '' && tail === '') return (v) => v.norm.includes(inner[0]!);
  const re = anchoredWildcard(parts.map(escapeRegex).join('[\\s\\S]*'), '', backtrackingRuns(parts));
  return (v) => re.test(v.norm);
}

/** A subnet, a single address (all bits), or else plain text compared exactly. */
function cidrTest(cell: string, fold: (s: string) => string): CellTest {
  const text = cell.trim();
  const net = text.includes('/') ? parseCidr(text) : undefined;
  const single = net ? undefined : parseIp(text);
  const bits = net?.bits ?? single;
  if (!bits) {
    const norm = fold(cell);
    return (p) => p.norm === norm;
  }
  const prefix = net ? net.prefix : bits.length;
  return (p) => {
    const v = p.bits();
    if (!v || v.length !== bits.length) return false;
    for (let i = 0; i < prefix; i++) if (v[i] !== bits[i]) return false;
    return true;
  };
}


/**
 * Judging a test's results. Without `expect`, contentctl's rule: at least one result. With it:
 * `none: true` = no results; `min_results`/`max_results` bound the count; `rows` = the results are
 * exactly these rows in any order, each compared only on the fields it lists (values as the REST
 * API shows them: text, a list for multivalue, null for an absent field).
 */
import type { FieldValue } from '../data/event.js';
import { valueRenderer, type RestValue } from '../output/index.js';
import type { ResultSet } from '../output/result-set.js';
import type { Expectation, ExpectedRow, ExpectedValue } from './types.js';

export interface Verdict {
  readonly pass: boolean;
  readonly reason?: string;
  readonly details?: readonly string[];
}

/** A result row rendered for comparison and messages: field -> REST value (absent = missing). */
export type RenderedRow = ReadonlyMap<string, RestValue>;

export function renderRows(results: ResultSet, zone: string): RenderedRow[] {
  const render = valueRenderer({ zone });
  return results.rows.map((row) => {
    const out = new Map<string, RestValue>();
    for (const field of results.fields) {
      const v = render(field, row.get(field) as FieldValue | undefined);
      if (v !== undefined) out.set(field, v);
    }
    return out;
  });
}

export function judge(rows: readonly RenderedRow[], expect: Expectation | undefined): Verdict {
  const n = rows.length;
  if (!expect) return n >= 1 ? { pass: true } : { pass: false, reason: 'expected at least 1 result (contentctl rule), got 0' };
  if (expect.none && n > 0) return { pass: false, reason: `expected no results (none: true), got ${n}`, details: rows.slice(0, 5).map(rowText) };
  if (expect.minResults !== undefined && n < expect.minResults) return { pass: false, reason: `expected at least ${expect.minResults} results, got ${n}` };
  if (expect.maxResults !== undefined && n > expect.maxResults) return { pass: false, reason: `expected at most ${expect.maxResults} results, got ${n}` };
  if (expect.rows) return compareRows(rows, expect.rows);
  return { pass: true };
}

/** Exactly the expected rows, in any order: a maximum matching of expected rows to results. */
function compareRows(rows: readonly RenderedRow[], expected: readonly ExpectedRow[]): Verdict {
  const match = matchRows(rows, expected);
  const missing = expected.filter((_, i) => match[i] === -1);
  const used = new Set(match);
  const unexpected = rows.filter((_, j) => !used.has(j));
  if (missing.length === 0 && unexpected.length === 0) return { pass: true };
  const details = [
    ...missing.map((r) => `missing:    ${expectedText(r)}`),
    ...unexpected.map((r) => `unexpected: ${rowText(r)}`),
  ];
  const reason = `expected ${expected.length} row${expected.length === 1 ? '' : 's'}, got ${rows.length}: ${missing.length} missing, ${unexpected.length} unexpected`;
  return { pass: false, reason, details };
}

/** For each expected row, the index of the result it is matched to, or -1 (augmenting paths). */
export function matchRows(rows: readonly RenderedRow[], expected: readonly ExpectedRow[]): number[] {
  const fits = expected.map((e) => rows.map((r, j) => (rowMatches(r, e) ? j : -1)).filter((j) => j >= 0));
  const owner = new Array<number>(rows.length).fill(-1);
  const assign = (i: number, seen: Set<number>): boolean => {
    for (const j of fits[i]!) {
      if (seen.has(j)) continue;
      seen.add(j);
      if (owner[j] === -1 || assign(owner[j]!, seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < expected.length; i++) assign(i, new Set());
  const match = new Array<number>(expected.length).fill(-1);
  owner.forEach((i, j) => {
    if (i !== -1) match[i] = j;
  });
  return match;
}

export function rowMatches(row: RenderedRow, expected: ExpectedRow): boolean {
  return Object.entries(expected).every(([field, want]) => valueEquals(row.get(field), want));
}

function valueEquals(actual: RestValue | undefined, want: ExpectedValue): boolean {
  if (want === null) return actual === undefined;
  if (actual === undefined) return false;
  // A one-value list is a single value, as Splunk shows it (spec 07 O3).
  if (typeof want !== 'string' && want.length === 1) want = want[0]!;
  if (typeof want === 'string' || typeof actual === 'string') return want === actual;
  return want.length === actual.length && want.every((v, i) => v === actual[i]);
}

export function rowText(row: RenderedRow): string {
  return [...row].map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
}

function expectedText(row: ExpectedRow): string {
  return Object.entries(row).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
}

/**
 * The difference between two result sets of the same search (a base run and a run with macro
 * overrides): rows only in the base run, rows only with the override, and rows whose key is in
 * both but whose other fields changed.
 *
 * The key: for a table made by a grouping command, its group fields (stats/tstats/mstats BY
 * fields; top/rare's fields and BY fields; timechart's `_time`) that the results still have; else
 * the whole row, so an event either is in both runs or only in one. Rows with equal keys pair up
 * in order.
 */
import type { RestValue } from '../output/index.js';
import type { Command, Pipeline } from '../spl/ast.js';
import type { RenderedRow } from '../testing/judge.js';

export interface ChangedRow {
  readonly key: RenderedRow;
  readonly base: RenderedRow;
  readonly override: RenderedRow;
  /** Fields whose values differ, in the order they appear in either row. */
  readonly fields: readonly string[];
}

export interface ResultDiff {
  /** Empty: rows are compared whole. */
  readonly key: readonly string[];
  readonly onlyBase: readonly RenderedRow[];
  readonly onlyOverride: readonly RenderedRow[];
  readonly changed: readonly ChangedRow[];
  readonly unchanged: number;
}

/** The group fields of the last grouping command, or [] (events, or no grouping command). */
export function groupFields(pipeline: Pipeline): string[] {
  for (let i = pipeline.commands.length - 1; i >= 0; i--) {
    const found = groupFieldsOf(pipeline.commands[i]!);
    if (found) return found;
  }
  return [];
}

function groupFieldsOf(cmd: Command): string[] | undefined {
  switch (cmd.kind) {
    case 'stats':
    case 'tstats':
    case 'mstats':
      return cmd.by.map((f) => f.name);
    case 'top':
    case 'rare':
      return [...cmd.fields, ...cmd.by].map((f) => f.name);
    case 'timechart':
      return ['_time'];
    default:
      return undefined;
  }
}

export function diffResults(base: readonly RenderedRow[], override: readonly RenderedRow[], groupBy: readonly string[]): ResultDiff {
  const present = new Set([...base, ...override].flatMap((r) => [...r.keys()]));
  const key = groupBy.filter((f) => present.has(f));
  const keyOf = (row: RenderedRow) => (key.length > 0 ? JSON.stringify(key.map((f) => row.get(f) ?? null)) : rowKey(row));
  const waiting = new Map<string, RenderedRow[]>();
  for (const row of base) {
    const k = keyOf(row);
    waiting.set(k, [...(waiting.get(k) ?? []), row]);
  }
  const onlyOverride: RenderedRow[] = [];
  const changed: ChangedRow[] = [];
  let unchanged = 0;
  for (const row of override) {
    const k = keyOf(row);
    const match = waiting.get(k)?.shift();
    if (!match) onlyOverride.push(row);
    else {
      const fields = changedFields(match, row);
      if (fields.length === 0) unchanged++;
      else changed.push({ key: new Map(key.map((f) => [f, row.get(f)!] as const).filter(([, v]) => v !== undefined)), base: match, override: row, fields });
    }
  }
  // What is still waiting had no partner: base order is kept.
  const remaining = new Set([...waiting.values()].flat());
  const onlyBase = base.filter((r) => remaining.has(r));
  return { key, onlyBase, onlyOverride, changed, unchanged };
}

function changedFields(a: RenderedRow, b: RenderedRow): string[] {
  const names = [...new Set([...a.keys(), ...b.keys()])];
  return names.filter((f) => !sameValue(a.get(f), b.get(f)));
}

function sameValue(a: RestValue | undefined, b: RestValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function rowKey(row: RenderedRow): string {
  return JSON.stringify([...row].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

/**
 * A ResultDiff for people (text) and for programs (JSON). Rows show as `field="value"` pairs in
 * result field order; JSON rows are objects in field order with REST values (text, or a list for
 * multivalue).
 */
import type { RestValue } from '../output/index.js';
import type { RenderedRow } from '../testing/judge.js';
import type { ResultDiff } from './diff.js';

export interface MacroChange {
  readonly macro: string;
  /** Where the definition came from in each run ("file:line (layer)"); null = not used. */
  readonly base: string | null;
  readonly override: string | null;
}

export interface ComparedRuns {
  readonly baseResults: number;
  readonly overrideResults: number;
  readonly macros: readonly MacroChange[];
  readonly diff: ResultDiff;
}

export function renderCompareText(c: ComparedRuns): string {
  const { diff } = c;
  const lines = [`base: ${c.baseResults} results; with override: ${c.overrideResults} results; rows matched by ${diff.key.length > 0 ? diff.key.join(', ') : 'the whole row'}`];
  for (const m of c.macros) lines.push(`macro ${m.macro}: ${m.base ?? '(not used)'} -> ${m.override ?? '(not used)'}`);
  lines.push('', `only in base (${diff.onlyBase.length}):`, ...diff.onlyBase.map((r) => `  - ${rowText(r)}`));
  lines.push('', `only with override (${diff.onlyOverride.length}):`, ...diff.onlyOverride.map((r) => `  + ${rowText(r)}`));
  lines.push('', `changed (${diff.changed.length}):`);
  for (const ch of diff.changed) {
    lines.push(`  ~ ${rowText(ch.key)}`);
    for (const f of ch.fields) lines.push(`      ${f}: ${valueText(ch.base.get(f))} -> ${valueText(ch.override.get(f))}`);
  }
  lines.push('', `unchanged: ${diff.unchanged}`);
  return lines.join('\n') + '\n';
}

export function renderCompareJson(c: ComparedRuns): string {
  const { diff } = c;
  const rows = (list: readonly RenderedRow[]) => (list.length === 0 ? '[]' : `[\n    ${list.map(rowJson).join(',\n    ')}\n  ]`);
  const changed = diff.changed.map(
    (ch) => `{"key":${rowJson(ch.key)},"fields":${JSON.stringify(ch.fields)},"base":${rowJson(ch.base)},"override":${rowJson(ch.override)}}`,
  );
  const parts = [
    `"key":${JSON.stringify(diff.key)}`,
    `"base":{"results":${c.baseResults}}`,
    `"override":{"results":${c.overrideResults}}`,
    `"macros":${JSON.stringify(c.macros)}`,
    `"only_base":${rows(diff.onlyBase)}`,
    `"only_override":${rows(diff.onlyOverride)}`,
    `"changed":${changed.length === 0 ? '[]' : `[\n    ${changed.join(',\n    ')}\n  ]`}`,
    `"unchanged":${diff.unchanged}`,
  ];
  return `{\n  ${parts.join(',\n  ')}\n}\n`;
}

/** Built by hand: JSON.stringify of an object would move integer-like field names first. */
function rowJson(row: RenderedRow): string {
  return `{${[...row].map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
}

function rowText(row: RenderedRow): string {
  return [...row].map(([k, v]) => `${k}=${valueText(v)}`).join(' ');
}

function valueText(v: RestValue | undefined): string {
  return v === undefined ? '(absent)' : JSON.stringify(v);
}

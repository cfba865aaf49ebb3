/**
 * JSON and NDJSON output: one object per result, keys in field order, absent fields omitted,
 * every value a string or an array of strings (spec 07 O1, O3) — the `results` objects of the
 * REST API's `output_mode=json`.
 */
import type { OutputOptions, ResultSet } from './result-set.js';
import { valueRenderer, type ValueRenderer } from './render-value.js';

/**
 * One result as JSON text. Built by hand, not with JSON.stringify of an object, because JavaScript
 * objects list integer-like keys first: a field named `404` would jump ahead of `host`.
 */
function resultJson(
  fields: readonly string[],
  row: ResultSet['rows'][number],
  render: ValueRenderer,
): string {
  const members: string[] = [];
  for (const field of fields) {
    const value = render(field, row.get(field));
    if (value !== undefined) members.push(`${JSON.stringify(field)}:${JSON.stringify(value)}`);
  }
  return `{${members.join(',')}}`;
}

function resultLines(rs: ResultSet, opts: OutputOptions): string[] {
  const render = valueRenderer(opts);
  return rs.rows.map((row) => resultJson(rs.fields, row, render));
}

/**
 * A JSON array of results, one object per line so diffs stay readable:
 * `[\n{"host":"a"},\n{"host":"b"}\n]\n`; `[]\n` when there are none.
 */
export function renderJson(rs: ResultSet, opts: OutputOptions): string {
  const lines = resultLines(rs, opts);
  return lines.length === 0 ? '[]\n' : `[\n${lines.join(',\n')}\n]\n`;
}

/** One JSON object per line (newline-terminated); empty text when there are no results. */
export function renderNdjson(rs: ResultSet, opts: OutputOptions): string {
  return resultLines(rs, opts)
    .map((line) => `${line}\n`)
    .join('');
}

/**
 * Output formats: the FORMATS table maps a format name (the CLI's `--format`) to its renderer.
 * Every renderer takes a ResultSet and returns the complete text, newline-terminated.
 */
import { renderCsv } from './csv.js';
import { renderJson, renderNdjson } from './json.js';
import type { OutputOptions, ResultSet } from './result-set.js';
import { renderTable } from './table.js';

export type { OutputOptions, ResultSet } from './result-set.js';
export { eventFieldOrder, eventResults, isShownEventField } from './field-order.js';
export { formatEventTime, valueRenderer, type RestValue } from './render-value.js';

export type Renderer = (rs: ResultSet, opts: OutputOptions) => string;

export const FORMATS = {
  table: renderTable,
  csv: renderCsv,
  json: renderJson,
  ndjson: renderNdjson,
} as const satisfies Record<string, Renderer>;

export type OutputFormat = keyof typeof FORMATS;

/** The format names, in registry order (for option validation and help text). */
export const OUTPUT_FORMATS = Object.keys(FORMATS) as readonly OutputFormat[];

export function isOutputFormat(name: string): name is OutputFormat {
  return Object.hasOwn(FORMATS, name);
}

/** Render results in a format; throws SplError U002 when `opts.zone` is not a known zone. */
export function renderResults(format: OutputFormat, rs: ResultSet, opts: OutputOptions): string {
  return FORMATS[format](rs, opts);
}

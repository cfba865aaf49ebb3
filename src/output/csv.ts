/**
 * CSV output (RFC 4180 quoting, `\n` line ends): a header row of the field names, then one line
 * per result; absent fields are empty cells; a multivalue is its values joined with `\n` inside
 * one quoted cell (spec 07 O3 recommendation).
 */
import type { OutputOptions, ResultSet } from './result-set.js';
import { restValueLines, valueRenderer } from './render-value.js';

const NEEDS_QUOTES = /[",\r\n]/;

/** A cell quoted when it contains a quote, comma, CR or LF; inner quotes are doubled. */
export function csvCell(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The results as CSV text; empty text when there are no fields at all. */
export function renderCsv(rs: ResultSet, opts: OutputOptions): string {
  if (rs.fields.length === 0) return '';
  const render = valueRenderer(opts);
  const lines = [rs.fields.map(csvCell).join(',')];
  for (const row of rs.rows) {
    const cells = rs.fields.map((field) =>
      csvCell(restValueLines(render(field, row.get(field))).join('\n')),
    );
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

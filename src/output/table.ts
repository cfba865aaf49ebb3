/**
 * Aligned text table for terminals: header, a rule of dashes, then the results. Multivalue values
 * (and text with line breaks) take one line each inside their cell, so a result may span several
 * lines while columns stay aligned. Widths count code points; nothing is truncated.
 */
import type { OutputOptions, ResultSet } from './result-set.js';
import { restValueLines, valueRenderer } from './render-value.js';

const GAP = '  ';
const NO_RESULTS = '(no results)\n';
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

/** A cell's lines: a row of cells is as tall as its tallest cell. */
type Cell = readonly string[];

/** Display width in code points (`'😀'` is one, though two UTF-16 units). */
export function textWidth(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function cellLines(text: readonly string[]): Cell {
  return text.flatMap((line) => line.split(/\r\n|\r|\n/));
}

function columnWidths(fields: readonly string[], grid: readonly Cell[][]): number[] {
  const widths = fields.map(textWidth);
  for (const cells of grid) {
    cells.forEach((cell, i) => {
      for (const line of cell) widths[i] = Math.max(widths[i], textWidth(line));
    });
  }
  return widths;
}

/** One output line: every column but the last padded to its width; no trailing blanks. */
function formatLine(texts: readonly string[], widths: readonly number[]): string {
  const padded = texts.map((t, i) =>
    i === texts.length - 1 ? t : t + ' '.repeat(widths[i] - textWidth(t)),
  );
  return padded.join(GAP).replace(/ +$/, '');
}

function rowLines(cells: readonly Cell[], widths: readonly number[]): string[] {
  const height = Math.max(1, ...cells.map((c) => c.length));
  const lines: string[] = [];
  for (let k = 0; k < height; k++) {
    lines.push(formatLine(cells.map((c) => c[k] ?? ''), widths));
  }
  return lines;
}

/** The results as an aligned table; `(no results)` when there is nothing to show. */
export function renderTable(rs: ResultSet, opts: OutputOptions): string {
  if (rs.rows.length === 0 || rs.fields.length === 0) return NO_RESULTS;
  const render = valueRenderer(opts);
  const grid = rs.rows.map((row) =>
    rs.fields.map((field) => cellLines(restValueLines(render(field, row.get(field))))),
  );
  const widths = columnWidths(rs.fields, grid);
  const header = formatLine(rs.fields, widths);
  const lines = [
    opts.color ? `${BOLD}${header}${RESET}` : header,
    formatLine(widths.map((w) => '-'.repeat(w)), widths),
    ...grid.flatMap((cells) => rowLines(cells, widths)),
  ];
  return `${lines.join('\n')}\n`;
}

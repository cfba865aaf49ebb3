/**
 * Subsearch results as Splunk's `format` command sees them: one conjunction per result, fields in
 * name order, internal (`_*`) fields left out, `search` and `query` fields taken as search text
 * rather than `field="value"` pairs. The `format` command renders this model as text; a subsearch
 * in a search turns it into a SearchExpr (subsearch-expr.ts), so both agree by construction.
 * https://help.splunk.com/en/splunk-enterprise/search/search-manual/9.2/subsearches/change-the-format-of-subsearch-results
 */
import { valuesOf, type Row } from '../data/event.js';
import { compareBytes, scalarText } from '../eval/values.js';

export type FormatCell =
  /** `field="v"`, or `( field="a" OR field="b" )` for a multivalue field. */
  | { readonly kind: 'pair'; readonly field: string; readonly values: readonly string[] }
  /** A `search` field: its first value is inserted as search text. */
  | { readonly kind: 'raw'; readonly text: string }
  /** A `query` field: its first value is searched as a quoted phrase, in any field. */
  | { readonly kind: 'phrase'; readonly text: string };

export type FormatRow = readonly FormatCell[];

export interface FormatLayout {
  readonly rowPrefix: string;
  readonly columnPrefix: string;
  readonly columnSeparator: string;
  readonly columnEnd: string;
  readonly rowSeparator: string;
  readonly rowEnd: string;
}

export const DEFAULT_LAYOUT: FormatLayout = {
  rowPrefix: '(',
  columnPrefix: '(',
  columnSeparator: 'AND',
  columnEnd: ')',
  rowSeparator: 'OR',
  rowEnd: ')',
};

/** What `format` outputs for no results (or results with internal fields only). */
export const EMPTY_SEARCH = 'NOT ()';

/**
 * The cells of each result, at most `maxResults` results (0 = all). Fields are sorted by name, as
 * in the format docs' example (`source, sourcetype, host` come out `host AND source AND
 * sourcetype`). A result left with no cells contributes nothing.
 */
export function formatRows(rows: readonly Row[], maxResults = 0): FormatRow[] {
  const limited = maxResults > 0 ? rows.slice(0, maxResults) : rows;
  const out: FormatRow[] = [];
  for (const row of limited) {
    const cells = rowCells(row);
    if (cells.length > 0) out.push(cells);
  }
  return out;
}

function rowCells(row: Row): FormatCell[] {
  const names = [...row.fields.keys()].filter((n) => !n.startsWith('_')).sort(compareBytes);
  const cells: FormatCell[] = [];
  for (const name of names) {
    const values = valuesOf(row.fields.get(name)).map(scalarText);
    if (values.length === 0) continue;
    // "When you use search, the first value of the field is used as the actual search term."
    if (name === 'search') cells.push({ kind: 'raw', text: values[0]! });
    else if (name === 'query') cells.push({ kind: 'phrase', text: values[0]! });
    else cells.push({ kind: 'pair', field: name, values });
  }
  return cells;
}

export interface FormatTextOptions {
  readonly layout?: FormatLayout;
  readonly mvsep?: string;
  readonly emptystr?: string;
}

/** `( ( a="1" AND b="2" ) OR ( a="3" AND ( b="4" OR b="5" ) ) )` with the default layout. */
export function formatText(rows: readonly FormatRow[], options: FormatTextOptions = {}): string {
  if (rows.length === 0) return options.emptystr ?? EMPTY_SEARCH;
  const l = options.layout ?? DEFAULT_LAYOUT;
  const mvsep = options.mvsep ?? 'OR';
  const rowTexts = rows.map((cells) =>
    words(l.columnPrefix, cells.map((c) => cellText(c, mvsep)).join(spaced(l.columnSeparator)), l.columnEnd),
  );
  return words(l.rowPrefix, rowTexts.join(spaced(l.rowSeparator)), l.rowEnd);
}

function cellText(cell: FormatCell, mvsep: string): string {
  switch (cell.kind) {
    case 'raw': return cell.text;
    case 'phrase': return quoteValue(cell.text);
    case 'pair': {
      const pairs = cell.values.map((v) => `${cell.field}=${quoteValue(v)}`);
      return pairs.length === 1 ? pairs[0]! : words('(', pairs.join(spaced(mvsep)), ')');
    }
  }
}

/** Values are double-quoted with `\` and `"` escaped, so the text parses back to the same value. */
export function quoteValue(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/** Space-separated, skipping empty layout strings (`format "" "" ...` adds no stray spaces). */
function words(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(' ');
}

function spaced(sep: string): string {
  return sep === '' ? ' ' : ` ${sep} `;
}

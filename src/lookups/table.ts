/**
 * A lookup table in memory: its columns in file order and its rows, read once. Empty cells are
 * absent values. A `__mv_<field>` column (Splunk's multivalue encoding, `$v1$;$v2$`, written by
 * `outputlookup output_format=splunk_mv_csv`) makes `<field>` multivalue and is not a column.
 */
import { parseCsv } from './csv.js';

/** A cell: absent (empty), one value, or several (from a `__mv_` column). */
export type Cell = string | readonly string[] | undefined;

export interface LookupTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** The index of a column, or -1; the first of duplicate names wins. */
  column(name: string): number;
}

const MV_PREFIX = '__mv_';

export function tableFromCsv(text: string): LookupTable {
  const { header, records } = parseCsv(text);
  const plain = header.flatMap((name, i) => (name.startsWith(MV_PREFIX) ? [] : [{ name, i }]));
  const mvOf = new Map<string, number>();
  header.forEach((name, i) => name.startsWith(MV_PREFIX) && mvOf.set(name.slice(MV_PREFIX.length), i));
  const sources = plain.map(({ name, i }) => ({ i, mv: mvOf.get(name) }));
  const rows = records.map((rec) => sources.map(({ i, mv }) => cellOf(rec[i], mv === undefined ? undefined : rec[mv])));
  const columns = plain.map((p) => p.name);
  const index = new Map<string, number>();
  columns.forEach((c, i) => index.has(c) || index.set(c, i));
  return { columns, rows, column: (name) => index.get(name) ?? -1 };
}

function cellOf(text: string | undefined, mvText: string | undefined): Cell {
  if (mvText) {
    const values = decodeMultivalue(mvText);
    if (values) return values.length === 1 ? values[0] : values;
  }
  return text === undefined || text === '' ? undefined : text;
}

/** `$a$;$b$$c$` → `['a', 'b$c']`; undefined when the text is not in that form. */
export function decodeMultivalue(text: string): string[] | undefined {
  const values: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '$') return undefined;
    let value = '';
    let j = i + 1;
    for (;;) {
      const d = text.indexOf('$', j);
      if (d === -1) return undefined;
      value += text.slice(j, d);
      if (text[d + 1] === '$') {
        value += '$';
        j = d + 2;
        continue;
      }
      i = d + 1;
      break;
    }
    values.push(value);
    if (i < text.length && text[i++] !== ';') return undefined;
  }
  return values;
}

/** The `__mv_` form of several values: each wrapped in `$`, inner `$` doubled, joined by `;`. */
export function encodeMultivalue(values: readonly string[]): string {
  return values.map((v) => `$${v.replaceAll('$', () => '$$')}$`).join(';');
}

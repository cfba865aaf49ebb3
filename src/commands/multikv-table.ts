/**
 * Reading one table-formatted text for `multikv` (Search Reference, "multikv"; multikv.conf.spec
 * `_tokenize_`): the header row, its column names and the body rows split into cells.
 * - rows are the non-empty lines ("Does not include empty lines in the count");
 * - a header row holding a comma makes a comma-separated table (cells trimmed, empty cells kept
 *   as gaps), otherwise cells are whitespace-separated runs; the last column takes the rest of
 *   the line, as `_tokenize_` with the header's token count does (`ps` output's COMMAND);
 * - names are the header cells with CLEAN_KEYS applied (`"c_ip"` -> `c_ip_`, which is what
 *   security_content's detect_gcp_storage_access_from_a_new_ip reads); an unnamed column, and
 *   every column with noheader=true, is `Column_<n>`;
 * - without forceheader the header is the first row none of whose cells is a number ("Auto-
 *   detection of header rows favors rows that are text"), else the first row. UNVERIFIED: the
 *   docs do not give the detection rule, nor how comma tables are told apart.
 */
import { isNumericText } from '../eval/values.js';
import { cleanKey } from './extract-kv.js';

export interface TableOptions {
  /** 1-based header row among the non-empty lines; undefined = detect. */
  readonly forceheader: number | undefined;
  readonly noheader: boolean;
}

export interface TableRow {
  readonly line: string;
  /** [column name, cell text] for each non-empty cell. */
  readonly cells: readonly (readonly [string, string])[];
}

export function readTable(text: string, options: TableOptions): TableRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  const headerAt = options.noheader ? -1 : headerIndex(lines, options.forceheader);
  if (headerAt >= lines.length) return [];
  const model = headerAt < 0 ? lines[0]! : lines[headerAt]!;
  const comma = model.includes(',');
  const width = splitCells(model, comma, Infinity).length;
  const names = headerAt < 0 ? columnNames(width) : splitCells(model, comma, Infinity).map((c, i) => cleanKey(c) || `Column_${i + 1}`);
  return lines.slice(headerAt + 1).map((line) => ({ line, cells: cellsOf(line, comma, names) }));
}

function headerIndex(lines: readonly string[], forced: number | undefined): number {
  if (forced !== undefined) return forced - 1;
  const found = lines.findIndex((l) => splitCells(l, l.includes(','), Infinity).every((c) => !isNumericText(unquoted(c))));
  return found < 0 ? 0 : found;
}

function unquoted(cell: string): string {
  return cell.replace(/^"(.*)"$/s, '$1');
}

function columnNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `Column_${i + 1}`);
}

function cellsOf(line: string, comma: boolean, names: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  splitCells(line, comma, names.length).forEach((cell, i) => {
    if (cell !== '') out.push([names[i]!, cell]);
  });
  return out;
}

/** At most `max` cells; the last one runs to the end of the line. */
export function splitCells(line: string, comma: boolean, max: number): string[] {
  if (comma) {
    const parts = line.split(',');
    const head = parts.slice(0, max - 1);
    const rest = parts.slice(max - 1);
    return (rest.length > 0 ? [...head, rest.join(',')] : head).map((c) => c.trim());
  }
  const out: string[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    if (out.length === max - 1) {
      out.push(line.slice(m.index).trimEnd());
      break;
    }
    out.push(m[0]);
  }
  return out;
}

/**
 * CSV lookup files (RFC 4180): a header row, then records; `"` quotes a cell, `""` is a quote
 * inside one, quoted cells may hold commas and line breaks. Read leniently, as Splunk reads
 * lookup files: a UTF-8 BOM is dropped, CRLF, LF and lone CR end records, empty lines are
 * skipped, text after a closing quote joins the cell, an unterminated quote runs to the end.
 */

export interface CsvData {
  readonly header: readonly string[];
  /** Records in file order; a short record has fewer cells than the header. */
  readonly records: readonly (readonly string[])[];
}

/**
 * Parse CSV text. Example: `a,b\r\n1,"x,""y"""\n` → header `[a, b]`, one record `[1, x,"y"]`.
 */
export function parseCsv(text: string): CsvData {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records = readRecords(body);
  const header = records.shift() ?? [];
  return { header, records };
}

function readRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const { cell, next } = text[i] === '"' ? quotedCell(text, i + 1) : plainCell(text, i);
    record.push(cell);
    i = next;
    if (i >= n) break;
    if (text[i] === ',') {
      i++;
      if (i >= n) record.push('');
      continue;
    }
    // A line break ends the record (CRLF counts once).
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    if (!isBlank(record)) records.push(record);
    record = [];
  }
  if (record.length > 0 && !isBlank(record)) records.push(record);
  return records;
}

/** An empty line yields one empty cell; it is no record. */
function isBlank(record: readonly string[]): boolean {
  return record.length === 1 && record[0] === '';
}

function plainCell(text: string, from: number): { cell: string; next: number } {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 44 /* , */ || c === 10 /* \n */ || c === 13 /* \r */) break;
    i++;
  }
  return { cell: text.slice(from, i), next: i };
}

/** From just after the opening quote; text between the closing quote and the next delimiter is kept. */
function quotedCell(text: string, from: number): { cell: string; next: number } {
  let cell = '';
  let i = from;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q === -1) return { cell: cell + text.slice(i), next: text.length };
    cell += text.slice(i, q);
    if (text[q + 1] === '"') {
      cell += '"';
      i = q + 2;
      continue;
    }
    const rest = plainCell(text, q + 1);
    return { cell: cell + rest.cell, next: rest.next };
  }
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One cell as written: quoted when it holds a quote, comma, line break or edge whitespace. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Header and records as CSV text, `\n` line ends, a final line end. */
export function formatCsv(header: readonly string[], records: readonly (readonly string[])[]): string {
  const lines = [header, ...records].map((r) => r.map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}

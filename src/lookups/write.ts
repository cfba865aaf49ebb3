/**
 * Results → a CSV lookup file (`outputlookup`). Columns: the results' fields in first-seen order
 * (internal fields other than `_raw` and `_time` are left out); a multivalue cell holds its values
 * joined by newlines, and with `splunk_mv_csv` a `__mv_<field>` column keeps them exactly
 * (`$a$;$b$`), which inputlookup and lookup read back as multivalue. `append` keeps the existing
 * header and writes only its fields (Search Reference: outputlookup, outputcsv).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { valuesOf, type FieldValue, type Row } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import { scalarText } from '../eval/values.js';
import { isShownEventField } from '../output/field-order.js';
import { formatCsv, parseCsv } from './csv.js';
import { encodeMultivalue } from './table.js';

export interface WriteOptions {
  readonly append: boolean;
  /** `splunk_mv_csv` adds `__mv_` columns. */
  readonly multivalueColumns: boolean;
  /** With no results: delete an existing file (override_if_empty, default true). */
  readonly overrideIfEmpty: boolean;
  /** With no results: leave a zero-length file (create_empty, default false). */
  readonly createEmpty: boolean;
}

export function writeLookupFile(file: string, rows: readonly Row[], opts: WriteOptions): void {
  try {
    if (rows.length === 0) return writeEmpty(file, opts);
    const existing = opts.append ? existingHeader(file) : undefined;
    const header = existing ?? headerOf(rows, opts.multivalueColumns);
    const records = rows.map((r) => header.map((f) => cellText(f, r.fields)));
    if (existing) {
      if (/\.gz$/i.test(file)) throw new Error('cannot append to a .gz file');
      const text = readFileSync(file, 'utf8');
      const body = formatCsv(header, records).split('\n').slice(1).join('\n');
      appendFileSync(file, (text.endsWith('\n') || text === '' ? '' : '\n') + body);
      return;
    }
    replaceFile(file, formatCsv(header, records));
  } catch (e) {
    if (e instanceof SplError) throw e;
    throw new SplError('R501', { file, reason: (e as Error).message });
  }
}

function writeEmpty(file: string, opts: WriteOptions): void {
  if (opts.append || !opts.overrideIfEmpty) return;
  if (existsSync(file)) rmSync(file);
  if (opts.createEmpty) replaceFile(file, '');
}

/**
 * Write through a temporary file, so a reader never sees half a table. The temporary file is
 * created afresh (`wx`): a link left at its name is removed, never written through. The rename
 * replaces a link at `file` itself rather than following it.
 */
function replaceFile(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  writeFileSync(tmp, /\.gz$/i.test(file) ? gzipSync(text) : text, { flag: 'wx' });
  renameSync(tmp, file);
}

/** The header of a non-empty existing file; undefined when there is none to append to. */
function existingHeader(file: string): readonly string[] | undefined {
  if (!existsSync(file)) return undefined;
  const bytes = readFileSync(file);
  const { header } = parseCsv((/\.gz$/i.test(file) ? gunzipSync(bytes) : bytes).toString('utf8'));
  return header.length > 0 ? header : undefined;
}

function headerOf(rows: readonly Row[], multivalueColumns: boolean): string[] {
  const fields = new Set<string>();
  const multi = new Set<string>();
  for (const row of rows) {
    for (const [name, value] of row.fields) {
      if (!isShownEventField(name)) continue;
      fields.add(name);
      if (Array.isArray(value) && value.length > 1) multi.add(name);
    }
  }
  const mv = multivalueColumns ? [...fields].filter((f) => multi.has(f)).map((f) => `__mv_${f}`) : [];
  return [...fields, ...mv];
}

function cellText(field: string, fields: ReadonlyMap<string, FieldValue>): string {
  if (field.startsWith('__mv_')) {
    const values = valuesOf(fields.get(field.slice(5)));
    return values.length > 1 ? encodeMultivalue(values.map(scalarText)) : '';
  }
  return valuesOf(fields.get(field)).map(scalarText).join('\n');
}

/**
 * What the lookup commands share at bind time: the store from the services, the lookup a command
 * names resolved and read, errors pointing at the name; and rows built from table rows.
 * Without a store (`splq validate`, which reports undefined lookups as warnings of its own) the
 * commands bind without reading any table and fail only if they run.
 */
import type { CompiledCommand } from '../commands/types.js';
import { newRow, type FieldValue, type Row } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import type { LookupRef } from '../spl/commands/lookup.js';
import { LookupStore, type ResolvedLookup } from './store.js';
import type { LookupTable } from './table.js';

/** Where an unconfigured search looked: nowhere (the message says to give --lookups). */
const NO_STORE = LookupStore.load({ paths: [] });

/**
 * A command bound where no lookups are configured: it fails when results reach it, with the
 * error binding would have given (B501 for reading, B507 for writing).
 */
export function withoutStore(ref: LookupRef, command: string, flags: Omit<CompiledCommand, 'operator'>): CompiledCommand {
  const fail = (): never => {
    throw command === 'outputlookup'
      ? new SplError('B507', { name: ref.name }, { span: ref.span })
      : new SplError('B501', { command, name: ref.name, where: NO_STORE.where() }, { span: ref.span });
  };
  return { ...flags, operator: () => ({ push: fail, end: fail }) };
}

export interface OpenedLookup {
  readonly lookup: ResolvedLookup;
  readonly table: LookupTable;
}

/** Resolve and read the lookup a command names; errors carry the name's span. */
export function openLookup(store: LookupStore, ref: LookupRef, command: string): OpenedLookup {
  try {
    const lookup = store.resolve(ref.name, command);
    return { lookup, table: store.table(lookup.file) };
  } catch (e) {
    throw e instanceof SplError ? e.withSpan(ref.span) : e;
  }
}

/** One table row as a result: its non-empty cells, in column order. */
export function rowOfTable(table: LookupTable, index: number, seq: number): Row {
  const row = newRow(seq);
  const cells = table.rows[index]!;
  table.columns.forEach((name, i) => {
    const cell = cells[i];
    if (cell !== undefined && !row.fields.has(name)) row.fields.set(name, cell as FieldValue);
  });
  return row;
}

/**
 * `| inputlookup [append=<bool>] [strict=<bool>] [start=<int>] [max=<int>] <lookup> [WHERE <search>]`:
 * the rows of a lookup table as results, fields in column order, empty cells absent (Search
 * Reference, inputlookup). `start` (0-based) and `max` pick the rows read from the file; WHERE
 * then keeps the rows its search expression matches. With `append=t` the rows follow the incoming
 * results instead of replacing them.
 */
import type { Row } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import { openLookup, rowOfTable, withoutStore } from '../lookups/bind.js';
import { compileSearch, type RowPredicate } from '../search/compile.js';
import type { InputlookupCommand } from '../spl/commands/inputlookup.js';
import type { Span } from '../spl/ast.js';
import { LOOKUP_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import type { CommandImpl } from './types.js';

const OPTIONS = ['append', 'strict', 'start', 'max'];

const noSubsearch = (sub: { readonly span: Span }): never => {
  throw new SplError('B008', { command: 'inputlookup', reason: 'a WHERE clause cannot hold a subsearch' }, { span: sub.span });
};

/** Splunk's default `max`: rows read from the file. */
const DEFAULT_MAX = 1_000_000_000;

const readOptions = (cmd: InputlookupCommand): OptionReader =>
  new OptionReader('inputlookup', cmd.options, OPTIONS, LOOKUP_OPTION_RULES);

export const inputlookupCommand: CommandImpl<InputlookupCommand> = {
  kind: 'inputlookup',
  needsOrder: true,
  generating: true,
  appends: (cmd) => readOptions(cmd).boolean('append', false),
  compile(cmd, ctx) {
    const options = readOptions(cmd);
    const append = options.boolean('append', false);
    options.boolean('strict', false);
    const start = options.integer('start', 0);
    const max = options.integer('max', DEFAULT_MAX);
    const store = ctx.services.lookups;
    if (!store) return withoutStore(cmd.lookup, 'inputlookup', { ordersOutput: true, transforms: true });
    const { table } = openLookup(store, cmd.lookup, 'inputlookup');
    const where: RowPredicate = cmd.where ? compileSearch(cmd.where, { clock: ctx.clock, onSubsearch: noSubsearch }) : () => true;
    const emit = (seq: number, push: (row: Row) => void): void => {
      const end = Math.min(table.rows.length, start + max);
      for (let i = start; i < end; i++) {
        const row = rowOfTable(table, i, seq++);
        if (where(row)) push(row);
      }
    };
    return {
      operator: (next) => {
        let seq = 0;
        return {
          push: (row) => {
            if (!append) return;
            seq = Math.max(seq, row.seq + 1);
            next.push(row);
          },
          end: () => {
            emit(seq, (row) => next.push(row));
            next.end();
          },
        };
      },
      ordersOutput: true,
      transforms: true,
    };
  },
};

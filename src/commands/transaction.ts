/**
 * `transaction [<field-list>] [maxspan=] [maxpause=] [maxevents=] [startswith=] [endswith=]
 * [connected=] [keepevicted=] [keeporphans=] [mvlist=] [mvraw=] [delim=] [nullstr=]`
 * (Search Reference: transaction). Needs its input newest first (bind inserts the sort); groups
 * as transaction-group.ts describes and renders as transaction-merge.ts does. Results come out
 * newest first by their `_time` (the earliest member's). Evicted transactions (not complete) are
 * dropped unless keepevicted=true; events with none of the fields are dropped unless
 * keeporphans=true, which passes them on with `_txn_orphan=1`. Memory options are accepted and
 * have no effect; `name=` (transactiontypes.conf) is not supported.
 */
import type { Row } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import type { TransactionCommand } from '../spl/commands/transaction.js';
import { FIELD_COMMAND_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import { spanValue } from './option-values.js';
import { compileTransactionFilter } from './transaction-filter.js';
import { isComplete, TransactionGrouper, type GroupRules, type Transaction } from './transaction-group.js';
import { transactionRow, type RenderRules } from './transaction-merge.js';
import { rowLimit, type HoldLimit } from './limit-guard.js';
import type { BindContext, CommandImpl, CompiledCommand, Sink } from './types.js';

const OPTIONS = [
  'maxspan', 'maxpause', 'maxevents', 'connected', 'unifyends', 'keepevicted', 'keeporphans',
  'mvlist', 'mvraw', 'delim', 'nullstr', 'maxopentxn', 'maxopenevents', 'name',
];

interface Plan {
  readonly group: GroupRules;
  readonly render: RenderRules;
  readonly keepEvicted: boolean;
  readonly keepOrphans: boolean;
}

export const transactionCommand: CommandImpl<TransactionCommand> = {
  kind: 'transaction',
  needsOrder: true,
  compile(cmd, ctx) {
    const hold = (): HoldLimit => rowLimit(ctx.services.limits, 'transaction', cmd.span);
    return { operator: (next) => transactionSink(plan(cmd, ctx), next, hold()), ordersOutput: true, transforms: false } satisfies CompiledCommand;
  },
};

function plan(cmd: TransactionCommand, ctx: BindContext): Plan {
  const o = new OptionReader('transaction', cmd.options, OPTIONS, FIELD_COMMAND_OPTION_RULES);
  const name = o.get('name');
  if (name) throw new SplError('B408', { reason: 'name= needs transactiontypes.conf, which splq does not read' }, { span: name.span });
  const keepEvicted = o.boolean('keepevicted', false);
  return {
    group: {
      fields: cmd.fields.map((f) => f.name),
      maxspan: spanValue('transaction', o.get('maxspan')),
      maxpause: spanValue('transaction', o.get('maxpause')),
      maxevents: positiveOrUnlimited(o),
      connected: o.boolean('connected', true),
      startswith: cmd.startswith ? compileTransactionFilter(cmd.startswith, ctx.clock) : null,
      endswith: cmd.endswith ? compileTransactionFilter(cmd.endswith, ctx.clock) : null,
    },
    render: {
      mvlist: mvlistValue(o),
      mvraw: o.boolean('mvraw', false),
      nullstr: o.get('nullstr')?.value ?? 'NULL',
      closedField: keepEvicted,
    },
    keepEvicted,
    keepOrphans: o.boolean('keeporphans', false),
  };
}

/** maxevents: default 1000; a negative value means no limit. */
function positiveOrUnlimited(options: OptionReader): number {
  const o = options.get('maxevents');
  if (o && /^\s*-\d+\s*$/.test(o.value)) return Infinity;
  return options.integer('maxevents', 1000, 1);
}

/** mvlist=<bool> or a comma- or space-separated list of fields rendered as lists. */
function mvlistValue(options: OptionReader): boolean | ReadonlySet<string> {
  const o = options.get('mvlist');
  if (!o) return false;
  const asBool = /^(t|true|f|false|1|0|yes|no)$/i.test(o.value.trim());
  if (asBool) return options.boolean('mvlist', false);
  return new Set(o.value.split(/[\s,]+/).filter((x) => x !== ''));
}

/** Every event is held until the end (in a transaction or as an orphan): `hold` counts them (max_rows). */
function transactionSink(p: Plan, next: Sink, hold: HoldLimit): Sink {
  const done: Transaction[] = [];
  const orphans: Row[] = [];
  const grouper = new TransactionGrouper(
    p.group,
    (t) => {
      if (p.keepEvicted || isComplete(t)) done.push(t);
    },
    (row) => {
      if (p.keepOrphans) orphans.push(row);
    },
  );
  return {
    push: (row) => {
      hold.add();
      grouper.push(row);
    },
    end: () => {
      grouper.end();
      emit(p, done, orphans, next);
      next.end();
    },
  };
}

/** Transactions and orphans newest first by `_time`; ties keep the order they were formed. */
function emit(p: Plan, done: Transaction[], orphans: Row[], next: Sink): void {
  const rows = done.map((t, i) => ({ time: t.oldest, order: i, row: transactionRow(t, p.render, 0) }));
  orphans.forEach((row, i) => {
    row.fields.set('_txn_orphan', 1);
    rows.push({ time: orderTime(row), order: done.length + i, row });
  });
  rows.sort((a, b) => b.time - a.time || a.order - b.order);
  rows.forEach((r, i) => {
    r.row.seq = i;
    next.push(r.row);
  });
}

function orderTime(row: Row): number {
  const t = row.fields.get('_time');
  return typeof t === 'number' ? t : -Infinity;
}

/**
 * `join [type=inner|left|outer] [usetime=<bool>] [earlier=<bool>] [overwrite=<bool>] [max=<int>]
 * [<field>, ...] [subsearch]`: each result is merged with the subsearch results whose join-field
 * values equal its own (exactly, case-sensitively); no fields = the fields both result sets have.
 * inner drops results without a match, left/outer keep them unchanged; max (default 1, 0 = all)
 * caps the matches per result; overwrite (default true) lets subsearch values replace the result's.
 * The subsearch gives at most limits.conf [join] subsearch_maxout (50,000) rows.
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/join
 */
import { valuesOf, type Row } from '../data/event.js';
import { scalarText } from '../eval/values.js';
import type { JoinCommand } from '../spl/commands/join.js';
import { blocking } from './blocking.js';
import { rowLimit } from './limit-guard.js';
import { SUBSEARCH_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import type { CommandImpl, Sink } from './types.js';

interface JoinSpec {
  readonly inner: boolean;
  readonly max: number;
  readonly overwrite: boolean;
  /** usetime: which subsearch results a result may match by time; undefined = any. */
  readonly timeOk?: (sub: Row, main: Row) => boolean;
}

const OPTIONS = ['type', 'usetime', 'earlier', 'overwrite', 'max'];

export const joinCommand: CommandImpl<JoinCommand> = {
  kind: 'join',
  needsOrder: true,
  subsearches: (cmd) => [cmd.subsearch],
  compile(cmd, ctx) {
    const opts = new OptionReader('join', cmd.options, OPTIONS, SUBSEARCH_OPTION_RULES);
    const spec: JoinSpec = {
      inner: opts.choice('type', ['inner', 'left', 'outer'], 'inner') === 'inner',
      max: opts.integer('max', 1),
      overwrite: opts.boolean('overwrite', true),
      timeOk: opts.boolean('usetime', false) ? timeFilter(opts.boolean('earlier', true)) : undefined,
    };
    const subRows = ctx.services.subsearchResults(cmd.subsearch).slice(0, ctx.services.limits.joinSubsearchMaxResults);
    const named = cmd.fields.map((f) => f.name);
    const operator = named.length > 0
      ? streamingJoin(named, subRows, spec)
      : blocking((rows, next) => {
          const join = joinRow(sharedFields(rows, subRows), subRows, spec);
          for (const row of rows) join(row, next);
        }, () => rowLimit(ctx.services.limits, 'join', cmd.span));
    return { operator, ordersOutput: true, transforms: false };
  },
};

function streamingJoin(fields: readonly string[], subRows: readonly Row[], spec: JoinSpec) {
  return (next: Sink): Sink => {
    const join = joinRow(fields, subRows, spec);
    return { push: (row) => join(row, next), end: () => next.end() };
  };
}

/** The join of one result: the subsearch is indexed by its join-field values once. */
function joinRow(fields: readonly string[], subRows: readonly Row[], spec: JoinSpec): (row: Row, next: Sink) => void {
  const index = new Map<string, Row[]>();
  for (const sub of subRows) {
    const key = keyOf(sub, fields);
    if (key === undefined) continue;
    const list = index.get(key);
    if (list) list.push(sub);
    else index.set(key, [sub]);
  }
  return (row, next) => {
    const key = keyOf(row, fields);
    let matches = key === undefined ? [] : (index.get(key) ?? []);
    if (spec.timeOk) matches = matches.filter((sub) => spec.timeOk!(sub, row));
    if (spec.max > 0) matches = matches.slice(0, spec.max);
    if (matches.length === 0) {
      if (!spec.inner) next.push(row);
      return;
    }
    for (const sub of matches) next.push(merge(row, sub, spec.overwrite));
  };
}

/** The join-field values; undefined when a field is missing (such results match nothing). */
function keyOf(row: Row, fields: readonly string[]): string | undefined {
  const parts: string[] = [];
  for (const f of fields) {
    const v = row.fields.get(f);
    if (v === undefined) return undefined;
    parts.push(valuesOf(v).map(scalarText).join('\n'));
  }
  return parts.join('\u0000');
}

function merge(row: Row, sub: Row, overwrite: boolean): Row {
  const fields = new Map(row.fields);
  for (const [k, v] of sub.fields) if (overwrite || !fields.has(k)) fields.set(k, v);
  return { fields, seq: row.seq };
}

/** "If no fields are specified, all of the fields that are common to both result sets are used." */
function sharedFields(main: readonly Row[], sub: readonly Row[]): string[] {
  const subNames = new Set<string>();
  for (const r of sub) for (const k of r.fields.keys()) subNames.add(k);
  const shared = new Set<string>();
  for (const r of main) for (const k of r.fields.keys()) if (subNames.has(k)) shared.add(k);
  return [...shared];
}

/**
 * usetime=true: earlier=true keeps subsearch results at or before the result's second, earlier=false
 * those at or after it ("results that occur at the same time (second) are not eliminated").
 */
function timeFilter(earlier: boolean): (sub: Row, main: Row) => boolean {
  return (sub, main) => {
    const s = Math.floor(timeOf(sub));
    const m = Math.floor(timeOf(main));
    return earlier ? s <= m : s >= m;
  };
}

function timeOf(row: Row): number {
  const t = row.fields.get('_time');
  return typeof t === 'number' ? t : typeof t === 'string' ? Number(t) : NaN;
}

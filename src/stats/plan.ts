/**
 * Bind-time plan of a stats-like command: each aggregation resolved in the registry with its
 * output name, checked against Splunk's rules (spec 03 T1, 08 E7/E8). Shared by stats and, later,
 * eventstats/streamstats/timechart.
 */
import { SplError } from '../errors/spl-error.js';
import type { Aggregation, CommandOption, FieldRef } from '../spl/ast.js';
import { lookupAggregation } from './aggregations.js';
import type { AggregationSpec } from './types.js';

export interface PlannedAggregation {
  readonly spec: AggregationSpec;
  readonly param: number | undefined;
  /** The field to aggregate; null for `count` with no argument. */
  readonly field: string | null;
  readonly output: string;
}

export interface StatsOptions {
  readonly dedupSplitvals: boolean;
}

export function planAggregations(command: string, aggs: readonly Aggregation[], by: readonly FieldRef[]): PlannedAggregation[] {
  const planned = aggs.map((a) => planOne(command, a));
  const byNames = new Set(by.map((b) => b.name));
  planned.forEach((p, i) => {
    if (byNames.has(p.output)) throw new SplError('B002', { command, name: p.output }, { span: aggs[i]!.span });
  });
  return planned;
}

function planOne(command: string, a: Aggregation): PlannedAggregation {
  const found = lookupAggregation(a.fn);
  const invalid = (): SplError => new SplError('B001', { arg: a.text }, { span: a.span });
  if (!found) throw invalid();
  if (a.arg?.kind === 'eval') {
    throw new SplError('B007', { command }, { span: a.arg.span, notes: ['eval(...) arguments need the eval evaluator, which is not built yet'] });
  }
  const field = a.arg?.name ?? null;
  if (field === null && found.spec.needsArg !== 'optional') throw invalid();
  if (field !== null && field.includes('*')) {
    throw new SplError('B008', { command, reason: `wildcard arguments such as '${a.text}' are not supported yet` }, { span: a.span });
  }
  return { spec: found.spec, param: found.param, field, output: a.as ?? a.text };
}

const BOOLEAN_TRUE = /^(true|t|1|yes|y)$/i;
const BOOLEAN_FALSE = /^(false|f|0|no|n)$/i;

export function planStatsOptions(command: string, options: readonly CommandOption[]): StatsOptions {
  let dedupSplitvals = false;
  for (const o of options) {
    const name = o.name.toLowerCase();
    if (name === 'dedup_splitvals') dedupSplitvals = parseBoolean(command, o);
    else if (name === 'allnum' || name === 'delim' || name === 'partitions') continue;
    else throw new SplError('B008', { command, reason: `unknown option '${o.name}'` }, { span: o.span });
  }
  return { dedupSplitvals };
}

function parseBoolean(command: string, o: CommandOption): boolean {
  if (BOOLEAN_TRUE.test(o.value)) return true;
  if (BOOLEAN_FALSE.test(o.value)) return false;
  throw new SplError('B008', { command, reason: `option '${o.name}' needs true or false, not '${o.value}'` }, { span: o.span });
}

/**
 * Binding `sparkline[(<fn>[(<field>)][, <span>])]` (Search Reference, "chart", Sparkline options):
 * the function must be a sparkline-func, "If the sparkline is not scoped to a field, only the
 * count aggregate function is permitted", and the span is a time span. Sparklines run in stats
 * only (the docs allow chart too, which cannot run them yet: B007).
 */
import { parseTimeSpan } from '../chart/timechart-span.js';
import { SplError } from '../errors/spl-error.js';
import type { CompileContext } from '../eval/types.js';
import type { Aggregation } from '../spl/ast.js';
import { lookupAggregation } from './aggregations.js';
import type { PlannedAggregation } from './plan.js';
import { SPARKLINE_FUNCTIONS, sparklineSpec } from './sparkline.js';

export function planSparkline(command: string, a: Aggregation, ctx: CompileContext): PlannedAggregation {
  if (command !== 'stats') throw new SplError('B007', { command }, { span: a.span, notes: [`sparkline() runs in stats only, not in ${command}`] });
  if (a.arg?.kind === 'eval') throw new SplError('B001', { arg: a.text }, { span: a.arg.span });
  const s = a.sparkline;
  // `sparkline` alone and `sparkline(count)`: the count of results.
  const fn = (s?.fn ?? 'count').toLowerCase();
  const field = s?.field ?? null;
  if (!SPARKLINE_FUNCTIONS.has(fn)) throw new SplError('B001', { arg: a.text }, { span: s?.fnSpan ?? a.span });
  if (field === null && fn !== 'count' && fn !== 'c') throw new SplError('B001', { arg: a.text }, { span: s!.fnSpan });
  if (field?.name.includes('*')) throw new SplError('B007', { command }, { span: field.span, notes: ['a wildcard field in sparkline() cannot execute yet'] });
  const span = s?.span ? parseTimeSpan(s.span.text) : null;
  if (s?.span && !span) throw new SplError('B001', { arg: s.span.text }, { span: s.span.span });
  const inner = field === null ? null : lookupAggregation(fn)!;
  const spec = sparklineSpec({ inner, span: span ?? null, zone: ctx.clock.zone });
  return { spec, param: undefined, field: field?.name ?? null, output: a.as ?? a.text, wildcard: null, expr: null };
}

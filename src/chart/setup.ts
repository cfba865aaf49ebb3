/**
 * The options chart and timechart share, read once at bind time: the column split's tc-options
 * (`usenull`, `nullstr`, `useother`, `otherstr`), series limiting (`limit`, `agg`, where clause),
 * output naming (`sep`, `format`) and `dedup_splitvals`. Defaults from Search Reference
 * "timechart"/"chart": usenull and useother true, NULL and OTHER, limit top10.
 */
import type { Aggregation, CommandOption } from '../spl/ast.js';
import type { ChartSplit, SeriesFilter } from '../spl/commands/chart.js';
import type { OptionReader } from '../commands/shared/options.js';
import type { SplitOptions } from './pivot.js';
import { checkScoring, parseLimit, type NamingOptions, type SeriesRule } from './series.js';

/** Options of both commands that are not bin options. */
export const SERIES_OPTIONS = [
  'usenull', 'nullstr', 'useother', 'otherstr', 'limit', 'sep', 'format', 'dedup_splitvals', 'cont',
] as const;

/** Bin options (`span=1h`, `bins=100`, ...). */
export const BIN_OPTIONS = ['span', 'bins', 'minspan', 'start', 'end', 'aligntime'] as const;

export interface SeriesSetup {
  readonly split: SplitOptions | null;
  readonly rule: SeriesRule;
  readonly naming: NamingOptions;
  readonly dedup: boolean;
  readonly cont: boolean;
}

export function readSeriesSetup(
  reader: OptionReader,
  column: ChartSplit | null,
  agg: Aggregation | null,
  where: SeriesFilter | null,
  prefixInternal: boolean,
): SeriesSetup {
  const dedup = reader.boolean('dedup_splitvals', false);
  const otherstr = reader.string('otherstr', 'OTHER');
  const split: SplitOptions | null = column && {
    field: column.field,
    usenull: reader.boolean('usenull', true),
    nullstr: reader.string('nullstr', 'NULL'),
    useother: reader.boolean('useother', true),
    otherstr,
    dedup,
  };
  const limitOption = reader.get('limit');
  const limit = limitOption ? parseLimit(limitOption.value) : { order: 'top' as const, n: 10 };
  if (!limit) throw reader.invalid(limitOption!, 'a count such as 10, top10 or bottom5');
  const rule: SeriesRule = { limit, agg, where };
  checkScoring(rule);
  const sep = reader.get('sep');
  const format = reader.string('format', sep ? `$AGG$${sep.value}$VAL$` : '$AGG$: $VAL$');
  return { split, rule, naming: { format, otherstr, prefixInternal }, dedup, cont: reader.boolean('cont', true) };
}

/** All options of a command and of its splits, as one list (a later one wins). */
export function allOptions(cmd: { readonly options: readonly CommandOption[] }, ...splits: (ChartSplit | null)[]): CommandOption[] {
  return [...cmd.options, ...splits.flatMap((s) => s?.options ?? [])];
}

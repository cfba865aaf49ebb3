/**
 * `timechart [sep=] [format=] [partial=] [cont=] [limit=] [agg=<stats-agg-term>] [<bin-options>...]
 * (<single-agg>... [BY <split-by-clause>] | eval(<expr>) BY <split-by-clause>) [dedup_splitvals=]`,
 * where the split-by clause is `<field> (<tc-options>)... [<where-clause>]`. Options may also come
 * among the aggregations. Splunk Search Reference, "timechart":
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/10.0/search-commands/timechart
 * The shared parts (terms, split field, where clause) are in chart.ts.
 */
import type { Aggregation, CommandOption, Span } from '../ast.js';
import { node, nodeSpan } from '../cst-access.js';
import type { CommandSyntax, Grammar } from '../syntax/types.js';
import { By, commandToken } from '../tokens.js';
import { isWordText } from './fields.js';
import {
  buildChartTerms, buildSeriesFilter, buildSplit, chartTerms, optionalSeriesFilter, printChartTerms, printSeriesFilter,
  printSplit, type ChartSplit, type SeriesFilter,
} from './chart.js';

export interface TimechartCommand {
  readonly kind: 'timechart';
  readonly span: Span;
  /**
   * Command options (`span=1h`, `limit=0`, `useother=f`...). Options written right after the split
   * field belong to it (`by host limit=0`: `by.options`), as Splunk's tc-options do.
   */
  readonly options: readonly CommandOption[];
  /** `agg=<stats-agg-term>`: how series are ranked for `limit`. */
  readonly agg: Aggregation | null;
  /** `eval(<expr>) AS name` is an Aggregation with fn `eval` and an eval argument. */
  readonly aggregations: readonly Aggregation[];
  /** The split-by field; options written after it are in its own `options`. */
  readonly by: ChartSplit | null;
  readonly where: SeriesFilter | null;
}

function grammar(g: Grammar): void {
  g.consume(1, timechartSyntax.token);
  chartTerms(g, () => isWordText(g.LA(1), 'where'));
  g.option(0, () => {
    g.consume(2, By);
    g.subrule(4, g.local('splitField'), 'split');
  });
  optionalSeriesFilter(g);
  g.many(2, () => g.subrule(8, g.rules.commandOption));
}

export const timechartSyntax: CommandSyntax<TimechartCommand> = {
  name: 'timechart',
  token: commandToken('timechart'),
  mode: 'search',
  wordRole: 'an aggregation such as count',
  evalArgs: true,
  grammar,
  build: (n, b) => ({
    kind: 'timechart',
    span: nodeSpan(n),
    ...buildChartTerms(n, b),
    by: buildSplit(node(n, 'split'), b),
    where: buildSeriesFilter(node(n, 'seriesFilter'), b),
  }),
  print: (c, p) => {
    const parts = ['timechart', ...printChartTerms(c, p)];
    if (c.by) parts.push('BY', printSplit(c.by, p));
    if (c.where) parts.push(printSeriesFilter(c.where, p));
    return parts.join(' ');
  },
};

/**
 * `chart [<chart-options>] [agg=<stats-agg-term>] (<stats-agg-term> | eval(<expr>) AS <name>)...
 * [BY <row-split> [<column-split>] | OVER <row-split> [BY <column-split>]] [<where-clause>]`.
 * A split is `<field> (<bin-options> | <tc-options>)...`; the where clause filters the series
 * (`where count in top5`, `where max > 10`). Splunk Search Reference, "chart":
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/chart
 * Also home of the parts timechart shares (chartTerm, aggOption, splitField, seriesFilter).
 */
import type { CstNode } from 'chevrotain';
import type { Aggregation, CommandOption, Span } from '../ast.js';
import { node, nodes, nodeSpan, token, tokenSpan } from '../cst-access.js';
import type { Builder, CommandSyntax, Grammar, Printer, SubruleSyntax } from '../syntax/types.js';
import { As, By, Comma, commandToken, Eq, Gt, Lt, QuotedString, Word } from '../tokens.js';
import { isIntegerWord, isWordText, printFieldAs } from './fields.js';

/** One split-by field with the options written after it (`_time span=1h`, `host useother=f`). */
export interface ChartSplit {
  readonly span: Span;
  readonly field: string;
  readonly options: readonly CommandOption[];
}

export type SeriesComparison =
  | { readonly kind: 'rank'; readonly negated: boolean; readonly order: 'top' | 'bottom'; readonly n: number }
  | { readonly kind: 'threshold'; readonly op: '<' | '>'; readonly value: number };

/** `where <agg> (in|notin) (top|bottom)<N>` or `where <agg> (<|>) <num>`: which series to keep. */
export interface SeriesFilter {
  readonly span: Span;
  readonly agg: Aggregation;
  readonly comparison: SeriesComparison;
}

export interface ChartCommand {
  readonly kind: 'chart';
  readonly span: Span;
  readonly options: readonly CommandOption[];
  /** `agg=<stats-agg-term>`: how series are ranked for `limit`. */
  readonly agg: Aggregation | null;
  /** `eval(<expr>) AS name` is an Aggregation with fn `eval` and an eval argument. */
  readonly aggregations: readonly Aggregation[];
  /** The x-axis (`OVER x`, or the first field after BY). */
  readonly rowSplit: ChartSplit | null;
  /** The series (`BY y` after OVER, or the second field after BY). */
  readonly columnSplit: ChartSplit | null;
  readonly where: SeriesFilter | null;
}

const isOption = (g: Grammar): boolean => g.LA(2).tokenType === Eq;
const isAggOption = (g: Grammar): boolean => isWordText(g.LA(1), 'agg') && isOption(g);
const isNumberWord = (g: Grammar): boolean => g.LA(1).tokenType === Word && /^-?(\d+\.?\d*|\.\d+)$/.test(g.LA(1).image);

/** An aggregation, or `eval(<expression>) [AS <name>]` (`chart eval(avg(size)/max(delay)) AS ratio`). */
function chartTerm(g: Grammar): void {
  g.or(0, [
    { ALT: () => g.subrule(0, g.rules.aggregation) },
    {
      ALT: () => {
        g.subrule(1, g.rules.evalArgument);
        g.option(0, () => {
          g.consume(0, As);
          g.subrule(2, g.rules.fieldName, 'alias');
        });
      },
    },
  ]);
}

function aggOption(g: Grammar): void {
  g.consume(0, Word);
  g.consume(1, Eq);
  g.subrule(0, g.rules.aggregation);
}

function splitField(g: Grammar): void {
  g.subrule(0, g.rules.fieldName);
  g.many(0, () => g.subrule(1, g.rules.commandOption), () => isOption(g));
}

function seriesFilter(g: Grammar): void {
  g.consume(0, Word);
  g.or(0, [{ GATE: () => g.LA(1).tokenType === Word, ALT: () => g.subrule(0, g.rules.aggregation) }]);
  g.subrule(1, g.local('seriesComparison'));
}

/** `top5`, or `top` followed by the count (`top 5`). */
const isRank = (g: Grammar): boolean =>
  /^(top|bottom)\d+$/i.test(g.LA(1).image) || (/^(top|bottom)$/i.test(g.LA(1).image) && isIntegerWord(g.LA(2)));

/** `in top5`, `notin bottom 3`, `> 100`. */
function seriesComparison(g: Grammar): void {
  g.or(0, [
    {
      GATE: () => isWordText(g.LA(1), 'in', 'notin'),
      ALT: () => {
        g.consume(0, Word, 'op');
        g.or(1, [{ GATE: () => isRank(g), ALT: () => g.consume(1, Word, 'rank') }]);
        g.option(0, () => g.consume(2, Word, 'rankCount'), () => /^(top|bottom)$/i.test(g.LA(0).image));
      },
    },
    {
      ALT: () => {
        g.or(2, [{ ALT: () => g.consume(3, Lt, 'op') }, { ALT: () => g.consume(4, Gt, 'op') }]);
        g.or(3, [{ GATE: () => isNumberWord(g), ALT: () => g.consume(5, Word, 'threshold') }]);
      },
    },
  ]);
}

export const CHART_SUBRULES: readonly SubruleSyntax[] = [
  { name: 'chartTerm', grammar: chartTerm, wordRole: 'an aggregation such as count' },
  { name: 'aggOption', grammar: aggOption, wordRole: 'an aggregation such as count' },
  { name: 'splitField', grammar: splitField, wordRole: 'a field name' },
  { name: 'seriesFilter', grammar: seriesFilter, wordRole: 'an aggregation such as count' },
  {
    name: 'seriesComparison',
    grammar: seriesComparison,
    expects: '"in top<N>", "notin bottom<N>", "<" or ">" and a number',
  },
];

/**
 * Leading options, then aggregations with options among them. Uses index 0..3 of subrule,
 * 0..1 of many, 0..2 of or, 0 of atLeastOne and consume(Comma).
 */
export function chartTerms(g: Grammar, stop: () => boolean): void {
  const optionAlts = (i: number) => [
    { GATE: () => isAggOption(g), ALT: () => g.subrule(i, g.local('aggOption')) },
    { GATE: () => isOption(g), ALT: () => g.subrule(i, g.rules.commandOption) },
  ];
  g.many(0, () => g.or(0, optionAlts(0)), () => isOption(g));
  g.atLeastOne(
    0,
    () =>
      g.or(1, [
        ...optionAlts(1),
        {
          ALT: () => {
            g.subrule(2, g.local('chartTerm'));
            g.many(1, () => g.consume(0, Comma));
          },
        },
      ]),
    () => !stop(),
  );
}

/** An optional `where` series filter. Uses option 9 and subrule 9. */
export function optionalSeriesFilter(g: Grammar): void {
  g.keywordOption(9, ['where'], () => g.subrule(9, g.local('seriesFilter')));
}

function buildTerm(n: CstNode, b: Builder): Aggregation {
  const agg = node(n, 'aggregation');
  if (agg) return b.aggregation(agg);
  const ev = node(n, 'evalArgument')!;
  const span = nodeSpan(ev);
  const alias = node(n, 'alias');
  const arg = { kind: 'eval' as const, expr: b.expression(node(ev, 'expression')!), span };
  const text = b.text.slice(span.start, span.end);
  const fnSpan = tokenSpan(token(ev, 'EvalFn')!);
  return { span: nodeSpan(n), fn: 'eval', fnSpan, arg, text, as: alias ? b.fieldName(alias) : null };
}

export function buildSplit(n: CstNode | undefined, b: Builder): ChartSplit | null {
  if (!n) return null;
  const field = b.fieldName(node(n, 'fieldName')!);
  return { span: nodeSpan(n), field, options: nodes(n, 'commandOption').map(b.option) };
}

function buildComparison(n: CstNode): SeriesComparison {
  const op = token(n, 'op')!;
  const rank = token(n, 'rank');
  if (!rank) return { kind: 'threshold', op: op.image as '<' | '>', value: Number(token(n, 'threshold')!.image) };
  const [, order, digits] = /^(top|bottom)(\d*)$/i.exec(rank.image)!;
  const count = token(n, 'rankCount');
  const negated = op.image.toLowerCase() === 'notin';
  const rankOrder = order!.toLowerCase() as 'top' | 'bottom';
  return { kind: 'rank', negated, order: rankOrder, n: Number(count ? count.image : digits) };
}

export function buildSeriesFilter(n: CstNode | undefined, b: Builder): SeriesFilter | null {
  if (!n) return null;
  const comparison = buildComparison(node(n, 'seriesComparison')!);
  return { span: nodeSpan(n), agg: b.aggregation(node(n, 'aggregation')!), comparison };
}

/** The options, `agg=` and aggregations of chart and timechart. */
export function buildChartTerms(n: CstNode, b: Builder): Pick<ChartCommand, 'options' | 'agg' | 'aggregations'> {
  const agg = node(n, 'aggOption');
  return {
    options: nodes(n, 'commandOption').map(b.option),
    agg: agg ? b.aggregation(node(agg, 'aggregation')!) : null,
    aggregations: nodes(n, 'chartTerm').map((t) => buildTerm(t, b)),
  };
}

/** Split fields quoted so they do not read as `over` or `where`. */
const RESERVED = /^(over|where)$/i;

export function printSplit(s: ChartSplit, p: Printer): string {
  return [printFieldAs(p, s.field, RESERVED), ...s.options.map(p.option)].join(' ');
}

export function printSeriesFilter(w: SeriesFilter, p: Printer): string {
  const c = w.comparison;
  const cmp = c.kind === 'rank' ? `${c.negated ? 'notin' : 'in'} ${c.order}${c.n}` : `${c.op} ${c.value}`;
  return `where ${p.aggregation(w.agg)} ${cmp}`;
}

export function printChartTerms(c: Pick<ChartCommand, 'options' | 'agg' | 'aggregations'>, p: Printer): string[] {
  const agg = c.agg ? [`agg=${p.aggregation(c.agg)}`] : [];
  return [...c.options.map(p.option), ...agg, ...c.aggregations.map(p.aggregation)];
}

/** After `BY x`, a second field is the column split (`chart count by x y`). */
const isSecondSplit = (g: Grammar): boolean =>
  (g.LA(1).tokenType === Word || g.LA(1).tokenType === QuotedString) && !isOption(g) && !isWordText(g.LA(1), 'where');

/**
 * `OVER x [BY y]` or `BY x [y]`. `over` is local to one invocation of the rule (the function runs
 * per parse of a chart command), so `over x by y z` leaves `z` unparsed.
 */
function grammar(g: Grammar): void {
  let over = false;
  g.consume(1, chartSyntax.token);
  chartTerms(g, () => isWordText(g.LA(1), 'over', 'where'));
  g.keywordOption(0, ['over'], () => {
    g.consume(2, Word, 'over');
    g.subrule(4, g.local('splitField'), 'overSplit');
    over = true;
  });
  g.option(1, () => {
    g.consume(3, By);
    g.subrule(5, g.local('splitField'), 'bySplit');
    g.many(3, () => g.consume(4, Comma));
    g.option(2, () => g.subrule(6, g.local('splitField'), 'secondSplit'), () => !over && isSecondSplit(g));
  });
  optionalSeriesFilter(g);
  g.many(2, () => g.subrule(8, g.rules.commandOption));
}

/** OVER names the row split; without it the first BY field is the row split. */
function buildSplits(n: CstNode, b: Builder): Pick<ChartCommand, 'rowSplit' | 'columnSplit'> {
  const over = node(n, 'overSplit');
  const by = node(n, 'bySplit');
  if (over) return { rowSplit: buildSplit(over, b), columnSplit: buildSplit(by, b) };
  return { rowSplit: buildSplit(by, b), columnSplit: buildSplit(node(n, 'secondSplit'), b) };
}

export const chartSyntax: CommandSyntax<ChartCommand> = {
  name: 'chart',
  token: commandToken('chart'),
  mode: 'search',
  wordRole: 'an aggregation such as count',
  evalArgs: true,
  subrules: CHART_SUBRULES,
  grammar,
  build: (n, b) => ({
    kind: 'chart',
    span: nodeSpan(n),
    ...buildChartTerms(n, b),
    ...buildSplits(n, b),
    where: buildSeriesFilter(node(n, 'seriesFilter'), b),
  }),
  print: (c, p) => {
    const parts = ['chart', ...printChartTerms(c, p)];
    if (c.rowSplit && c.columnSplit) parts.push('OVER', printSplit(c.rowSplit, p), 'BY', printSplit(c.columnSplit, p));
    else if (c.rowSplit) parts.push('BY', printSplit(c.rowSplit, p));
    if (c.where) parts.push(printSeriesFilter(c.where, p));
    return parts.join(' ');
  },
};

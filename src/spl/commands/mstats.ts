/**
 * `mstats [options] <aggregation>... [WHERE <search>] [span=<time>] [BY <field>... [span=<time>]]`
 * over metric indexes (Search Reference, mstats): `avg(cpu.usage)`, `avg(tcp.*) AS tcp.*`. The
 * WHERE search ends before `BY` and before `span=`, which Splunk writes either side of BY.
 */
import type { Aggregation, CommandOption, FieldRef, SearchExpr, Span } from '../ast.js';
import { node, nodes, nodeSpan } from '../cst-access.js';
import { Comma, commandToken, Eq } from '../tokens.js';
import type { CommandSyntax, Grammar, SearchStop } from '../syntax/types.js';
import { buildBy, buildWhere, byClauseWithSpan, isKeyword, isSpanOption, printClauses, whereClause } from './tstats.js';

export interface MstatsCommand {
  readonly kind: 'mstats';
  readonly span: Span;
  /** `prestats=`, `append=`, `chunk_size=`, ... written before or between the aggregations. */
  readonly options: readonly CommandOption[];
  readonly aggregations: readonly Aggregation[];
  readonly where: SearchExpr | null;
  readonly by: readonly FieldRef[];
  /** `span=<time>`, after WHERE or among the BY fields (the last one when repeated). */
  readonly timespan: CommandOption | null;
}

const MSTATS_STOP: SearchStop = { by: true, options: ['span'] };

function grammar(g: Grammar): void {
  g.consume(0, mstatsSyntax.token);
  g.many(0, () => g.subrule(0, g.rules.commandOption));
  g.atLeastOne(
    0,
    () => {
      g.subrule(0, g.rules.aggregation);
      g.many(1, () => g.consume(1, Comma));
      g.many(2, () => g.subrule(1, g.rules.commandOption));
    },
    () => g.LA(2).tokenType !== Eq && !isKeyword(g.LA(1), 'where'),
  );
  g.keywordOption(0, ['where'], () => g.subrule(0, g.local('mstatsWhere')));
  g.option(1, () => g.subrule(0, g.local('mstatsSpan')), () => isSpanOption(g));
  g.option(2, () => g.subrule(0, g.local('mstatsBy')));
}

/** `span=<time>` between WHERE and BY, or without BY. */
function spanClause(g: Grammar): void {
  g.many(0, () => g.consume(0, Comma));
  g.subrule(0, g.rules.commandOption);
}

export const mstatsSyntax: CommandSyntax<MstatsCommand> = {
  name: 'mstats',
  token: commandToken('mstats'),
  mode: 'search',
  wordRole: 'an aggregation such as avg(<metric>)',
  subrules: [
    { name: 'mstatsWhere', grammar: whereClause(MSTATS_STOP) },
    { name: 'mstatsSpan', grammar: spanClause },
    { name: 'mstatsBy', grammar: byClauseWithSpan, wordRole: 'a field name' },
  ],
  grammar,
  build: (n, b) => {
    const by = buildBy(node(n, 'mstatsBy'), b);
    const before = node(n, 'mstatsSpan');
    return {
      kind: 'mstats',
      span: nodeSpan(n),
      options: nodes(n, 'commandOption').map(b.option),
      aggregations: nodes(n, 'aggregation').map(b.aggregation),
      where: buildWhere(node(n, 'mstatsWhere'), b),
      by: by.by,
      timespan: by.timespan ?? (before ? b.option(node(before, 'commandOption')!) : null),
    };
  },
  print: (c, p) => {
    const parts = ['mstats', ...c.options.map(p.option), ...c.aggregations.map(p.aggregation)];
    return [...parts, ...printClauses(c, p, true)].join(' ');
  },
};

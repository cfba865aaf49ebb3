/** `stats [options] <aggregation>... [BY <fields>] [options]` (spec 03 T1). */
import type { Aggregation, CommandOption, FieldRef, Span } from '../ast.js';
import { node, nodes, nodeSpan } from '../cst-access.js';
import { Comma, commandToken, Eq } from '../tokens.js';
import type { CommandSyntax, Grammar } from '../syntax/types.js';

export interface StatsCommand {
  readonly kind: 'stats';
  readonly span: Span;
  readonly options: readonly CommandOption[];
  readonly aggregations: readonly Aggregation[];
  readonly by: readonly FieldRef[];
}

/** Options may also come last (`... by host dedup_splitvals=true`, where the docs put it). */
function grammar(g: Grammar): void {
  const notOption = (): boolean => g.LA(2).tokenType !== Eq;
  g.consume(0, statsSyntax.token);
  g.many(0, () => g.subrule(0, g.rules.commandOption));
  g.atLeastOne(
    0,
    () => {
      g.subrule(0, g.rules.aggregation);
      g.many(1, () => g.consume(1, Comma));
    },
    notOption,
  );
  g.option(0, () => g.subrule(0, g.rules.byClause));
  g.many(2, () => g.subrule(1, g.rules.commandOption));
}

export const statsSyntax: CommandSyntax<StatsCommand> = {
  name: 'stats',
  token: commandToken('stats'),
  mode: 'search',
  wordRole: 'an aggregation such as count',
  evalArgs: true,
  grammar,
  build: (n, b) => {
    const by = node(n, 'byClause');
    return {
      kind: 'stats',
      span: nodeSpan(n),
      options: nodes(n, 'commandOption').map(b.option),
      aggregations: nodes(n, 'aggregation').map(b.aggregation),
      by: by ? nodes(by, 'fieldName').map(b.fieldRef) : [],
    };
  },
  print: (c, p) => {
    const parts = ['stats', ...c.options.map(p.option), ...c.aggregations.map(p.aggregation)];
    if (c.by.length > 0) parts.push('BY', c.by.map((f) => p.field(f.name)).join(', '));
    return parts.join(' ');
  },
};

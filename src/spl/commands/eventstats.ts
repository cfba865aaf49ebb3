/**
 * `eventstats [allnum=<bool>] <stats-agg-term>... [BY <field-list>]` (spec 03 T16): stats whose
 * results are added to every event of their group. Options may also come between or after the
 * aggregations. Splunk Search Reference, "eventstats":
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.0/search-commands/eventstats
 * streamstats (streamstats.ts) shares this grammar.
 */
import type { CstNode } from 'chevrotain';
import type { Aggregation, CommandOption, FieldRef, Span } from '../ast.js';
import { node, nodes, nodeSpan } from '../cst-access.js';
import type { Builder, CommandSyntax, Grammar, Printer, Rule } from '../syntax/types.js';
import { Comma, commandToken, Eq } from '../tokens.js';

export interface EventstatsCommand {
  readonly kind: 'eventstats';
  readonly span: Span;
  readonly options: readonly CommandOption[];
  readonly aggregations: readonly Aggregation[];
  readonly by: readonly FieldRef[];
}

type StatsParts = Pick<EventstatsCommand, 'options' | 'aggregations' | 'by'>;

/**
 * Options, then aggregations (with options among them: `streamstats count current=f`), an
 * optional BY clause and trailing options; `option` is the rule of one option. Uses index 0..4
 * of subrule and 0..2 of many.
 */
export function statsArguments(g: Grammar, option: Rule): void {
  const isOption = (): boolean => g.LA(2).tokenType === Eq;
  g.many(0, () => g.subrule(0, option));
  g.atLeastOne(0, () =>
    g.or(0, [
      { GATE: isOption, ALT: () => g.subrule(1, option) },
      {
        ALT: () => {
          g.subrule(2, g.rules.aggregation);
          g.many(1, () => g.consume(0, Comma));
        },
      },
    ]),
  );
  g.option(0, () => g.subrule(3, g.rules.byClause));
  g.many(2, () => g.subrule(4, option));
}

/** The aggregations and BY fields of eventstats and streamstats. */
export function buildStatsParts(n: CstNode, b: Builder): Omit<StatsParts, 'options'> {
  const by = node(n, 'byClause');
  return {
    aggregations: nodes(n, 'aggregation').map(b.aggregation),
    by: by ? nodes(by, 'fieldName').map(b.fieldRef) : [],
  };
}

/** `name options aggregations BY fields`; `options` are printed already. */
export function printStatsParts(
  name: string,
  options: readonly string[],
  c: Omit<StatsParts, 'options'>,
  p: Printer,
): string {
  const parts = [name, ...options, ...c.aggregations.map(p.aggregation)];
  if (c.by.length > 0) parts.push('BY', c.by.map((f) => p.field(f.name)).join(', '));
  return parts.join(' ');
}

export const eventstatsSyntax: CommandSyntax<EventstatsCommand> = {
  name: 'eventstats',
  token: commandToken('eventstats'),
  mode: 'search',
  wordRole: 'an aggregation such as count',
  evalArgs: true,
  grammar: (g) => {
    g.consume(1, eventstatsSyntax.token);
    statsArguments(g, g.rules.commandOption);
  },
  build: (n, b) => ({
    kind: 'eventstats',
    span: nodeSpan(n),
    options: nodes(n, 'commandOption').map(b.option),
    ...buildStatsParts(n, b),
  }),
  print: (c, p) => printStatsParts('eventstats', c.options.map(p.option), c, p),
};

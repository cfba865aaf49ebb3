/**
 * `append [<subsearch-options>] <subsearch>`: extendtimerange, maxtime, maxout, timeout.
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/append
 */
import type { CommandOption, Pipeline, Span } from '../ast.js';
import { node, nodes, nodeSpan } from '../cst-access.js';
import { commandToken } from '../tokens.js';
import type { CommandSyntax } from '../syntax/types.js';
import { atOption, printSubsearch, subsearchPipeline } from './subsearch-parts.js';

export interface AppendCommand {
  readonly kind: 'append';
  readonly span: Span;
  readonly options: readonly CommandOption[];
  readonly subsearch: Pipeline;
}

export const appendSyntax: CommandSyntax<AppendCommand> = {
  name: 'append',
  token: commandToken('append'),
  mode: 'search',
  wordRole: 'an option such as maxout=<int>',
  grammar: (g) => {
    g.consume(0, appendSyntax.token);
    g.many(0, () => g.subrule(0, g.rules.commandOption), () => atOption(g));
    g.subrule(1, g.rules.subsearch);
  },
  build: (n, b) => ({
    kind: 'append',
    span: nodeSpan(n),
    options: nodes(n, 'commandOption').map(b.option),
    subsearch: subsearchPipeline(node(n, 'subsearch')!, b),
  }),
  print: (c, p) => ['append', ...c.options.map(p.option), printSubsearch(p, c.subsearch)].join(' '),
};

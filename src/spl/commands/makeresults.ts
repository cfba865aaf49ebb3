/**
 * `makeresults [count=<int>] [annotate=<bool>] [splunk_server=<str>] [splunk_server_group=<str>]...
 * [format=csv|json data=<str>]`: a generating command of options only.
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/makeresults
 */
import type { CommandOption, Span } from '../ast.js';
import { nodes, nodeSpan } from '../cst-access.js';
import { commandToken } from '../tokens.js';
import type { CommandSyntax } from '../syntax/types.js';
import { atOption } from './subsearch-parts.js';

export interface MakeresultsCommand {
  readonly kind: 'makeresults';
  readonly span: Span;
  readonly options: readonly CommandOption[];
}

export const makeresultsSyntax: CommandSyntax<MakeresultsCommand> = {
  name: 'makeresults',
  token: commandToken('makeresults'),
  mode: 'search',
  wordRole: 'an option such as count=<int>',
  grammar: (g) => {
    g.consume(0, makeresultsSyntax.token);
    g.many(0, () => g.subrule(0, g.rules.commandOption), () => atOption(g));
  },
  build: (n, b) => ({ kind: 'makeresults', span: nodeSpan(n), options: nodes(n, 'commandOption').map(b.option) }),
  print: (c, p) => ['makeresults', ...c.options.map(p.option)].join(' '),
};

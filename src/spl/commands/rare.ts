/**
 * `rare [<top-options>...] <field-list> [BY <field-list>]`: the least common value combinations;
 * the grammar of top (top.ts) without the leading N. Splunk Search Reference, "rare":
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/rare
 */
import type { CommandOption, FieldRef, Span } from '../ast.js';
import { nodeSpan } from '../cst-access.js';
import type { CommandSyntax } from '../syntax/types.js';
import { commandToken } from '../tokens.js';
import { buildTopParts, printTopParts, topArguments } from './top.js';

export interface RareCommand {
  readonly kind: 'rare';
  readonly span: Span;
  readonly options: readonly CommandOption[];
  readonly fields: readonly FieldRef[];
  readonly by: readonly FieldRef[];
}

export const rareSyntax: CommandSyntax<RareCommand> = {
  name: 'rare',
  token: commandToken('rare'),
  mode: 'search',
  wordRole: 'a field name',
  grammar: (g) => {
    g.consume(1, rareSyntax.token);
    topArguments(g);
  },
  build: (n, b) => ({ kind: 'rare', span: nodeSpan(n), ...buildTopParts(n, b) }),
  print: (c, p) => printTopParts('rare', null, c, p),
};

/**
 * `inputlookup [append=<bool>] [strict=<bool>] [start=<int>] [max=<int>] <lookup> [WHERE <search>]`
 * (Search Reference, inputlookup). Options may also follow the name: the corpus writes
 * `inputlookup previously_seen_running_windows_services append=t`.
 */
import type { CommandOption, SearchExpr, Span } from '../ast.js';
import { node, nodes, nodeSpan } from '../cst-access.js';
import { commandToken, Word } from '../tokens.js';
import type { CommandSyntax, Grammar } from '../syntax/types.js';
import { lookupName, lookupRef, type LookupRef } from './lookup.js';

export interface InputlookupCommand {
  readonly kind: 'inputlookup';
  readonly span: Span;
  /** Options before and after the lookup name, in written order. */
  readonly options: readonly CommandOption[];
  readonly lookup: LookupRef;
  readonly where: SearchExpr | null;
}

function grammar(g: Grammar): void {
  g.consume(0, inputlookupSyntax.token);
  g.many(0, () => g.subrule(0, g.rules.commandOption));
  g.subrule(0, g.local('inputlookupTable'));
  g.many(1, () => g.subrule(1, g.rules.commandOption));
  g.keywordOption(0, ['where'], () => g.subrule(0, g.local('inputlookupWhere')));
}

function whereClause(g: Grammar): void {
  g.consume(0, Word);
  g.subrule(0, g.rules.searchExpression);
}

export const inputlookupSyntax: CommandSyntax<InputlookupCommand> = {
  name: 'inputlookup',
  token: commandToken('inputlookup'),
  mode: 'search',
  wordRole: 'a lookup name',
  subrules: [
    { name: 'inputlookupTable', grammar: lookupName, wordRole: 'a lookup name' },
    { name: 'inputlookupWhere', grammar: whereClause },
  ],
  grammar,
  build: (n, b) => {
    const where = node(n, 'inputlookupWhere');
    return {
      kind: 'inputlookup',
      span: nodeSpan(n),
      options: nodes(n, 'commandOption').map(b.option),
      lookup: lookupRef(node(n, 'inputlookupTable')!, b),
      where: where ? b.searchExpression(node(where, 'searchExpression')!) : null,
    };
  },
  print: (c, p) => {
    const parts = ['inputlookup', ...c.options.map(p.option), p.field(c.lookup.name)];
    if (c.where) parts.push('WHERE', p.search(c.where));
    return parts.join(' ');
  },
};

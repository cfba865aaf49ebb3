/**
 * `outputlookup [append=<bool>] [create_empty=<bool>] [override_if_empty=<bool>] [max=<int>]
 * [key_field=<field>] [createinapp=<bool>] [output_format=<fmt>] <lookup>` (Search Reference,
 * outputlookup). Options may also follow the name.
 */
import type { CommandOption, Span } from '../ast.js';
import { node, nodes, nodeSpan } from '../cst-access.js';
import { commandToken } from '../tokens.js';
import type { CommandSyntax } from '../syntax/types.js';
import { lookupName, lookupRef, type LookupRef } from './lookup.js';

export interface OutputlookupCommand {
  readonly kind: 'outputlookup';
  readonly span: Span;
  /** Options before and after the lookup name, in written order. */
  readonly options: readonly CommandOption[];
  readonly lookup: LookupRef;
}

export const outputlookupSyntax: CommandSyntax<OutputlookupCommand> = {
  name: 'outputlookup',
  token: commandToken('outputlookup'),
  mode: 'search',
  wordRole: 'a lookup name',
  subrules: [{ name: 'outputlookupTable', grammar: lookupName, wordRole: 'a lookup name' }],
  grammar: (g) => {
    g.consume(0, outputlookupSyntax.token);
    g.many(0, () => g.subrule(0, g.rules.commandOption));
    g.subrule(0, g.local('outputlookupTable'));
    g.many(1, () => g.subrule(1, g.rules.commandOption));
  },
  build: (n, b) => ({
    kind: 'outputlookup',
    span: nodeSpan(n),
    options: nodes(n, 'commandOption').map(b.option),
    lookup: lookupRef(node(n, 'outputlookupTable')!, b),
  }),
  print: (c, p) => ['outputlookup', ...c.options.map(p.option), p.field(c.lookup.name)].join(' '),
};

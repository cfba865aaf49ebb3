/**
 * `fillnull [value=<string>] [<field-list>]`: replace null values (of the listed fields, or of
 * every field) with `value` (default 0). Splunk Search Reference, "fillnull":
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/fillnull
 */
import type { CommandOption, FieldRef, Span } from '../ast.js';
import { nodes, nodeSpan } from '../cst-access.js';
import type { CommandSyntax, Grammar } from '../syntax/types.js';
import { Comma, commandToken, Eq } from '../tokens.js';
import { buildFieldItems } from './fields.js';

export interface FillnullCommand {
  readonly kind: 'fillnull';
  readonly span: Span;
  /** `value=` (the only documented option). */
  readonly options: readonly CommandOption[];
  /** Empty = every field of the results. */
  readonly fields: readonly FieldRef[];
}

/**
 * Options and field names in any order (`fillnull value=0 a, b`, `fillnull a value=0`), inlined in
 * a command's rule; it uses occurrence index 0 of consume(Comma), subrule, many and or.
 */
export function optionsAndFields(g: Grammar): void {
  g.many(0, () => {
    g.or(0, [
      { GATE: () => g.LA(2).tokenType === Eq, ALT: () => g.subrule(0, g.rules.commandOption) },
      { ALT: () => g.subrule(1, g.local('fieldItem')) },
    ]);
    // `addtotals fieldname=Score, jndi, ...` (security_content): commas after options too.
    g.many(1, () => g.consume(0, Comma));
  });
}

export const fillnullSyntax: CommandSyntax<FillnullCommand> = {
  name: 'fillnull',
  token: commandToken('fillnull'),
  mode: 'search',
  wordRole: 'a field name',
  grammar: (g) => {
    g.consume(1, fillnullSyntax.token);
    optionsAndFields(g);
  },
  build: (n, b) => ({
    kind: 'fillnull',
    span: nodeSpan(n),
    options: nodes(n, 'commandOption').map(b.option),
    fields: buildFieldItems(n, b),
  }),
  print: (c, p) => ['fillnull', ...c.options.map(p.option), ...c.fields.map((f) => p.field(f.name))].join(' '),
};

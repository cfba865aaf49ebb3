/**
 * `bin [<bin-options>...] <field> [AS <newfield>]` (alias `bucket`); the options (span, minspan,
 * bins, start, end, aligntime) may also follow the field, as in `bucket _time span=1h`.
 * Splunk Search Reference, "bin":
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/bin
 */
import type { CommandOption, FieldRef, Span } from '../ast.js';
import { node, nodes, nodeSpan } from '../cst-access.js';
import type { CommandSyntax, Grammar } from '../syntax/types.js';
import { As, commandToken } from '../tokens.js';

export interface BinCommand {
  readonly kind: 'bin';
  readonly span: Span;
  readonly options: readonly CommandOption[];
  readonly field: FieldRef;
  /** The output field (`AS bin_time`); null = overwrite `field`. */
  readonly as: string | null;
}

function grammar(g: Grammar): void {
  g.consume(0, binSyntax.token);
  g.many(0, () => g.subrule(0, g.rules.commandOption));
  g.subrule(1, g.rules.fieldName, 'field');
  g.option(0, () => {
    g.consume(1, As);
    g.subrule(2, g.rules.fieldName, 'alias');
  });
  g.many(1, () => g.subrule(3, g.rules.commandOption));
}

export const binSyntax: CommandSyntax<BinCommand> = {
  name: 'bin',
  aliases: ['bucket'],
  token: commandToken('bin'),
  mode: 'search',
  wordRole: 'a field name',
  grammar,
  build: (n, b) => {
    const alias = node(n, 'alias');
    return {
      kind: 'bin',
      span: nodeSpan(n),
      options: nodes(n, 'commandOption').map(b.option),
      field: b.fieldRef(node(n, 'field')!),
      as: alias ? b.fieldName(alias) : null,
    };
  },
  print: (c, p) => {
    const parts = ['bin', ...c.options.map(p.option), p.field(c.field.name)];
    if (c.as !== null) parts.push('AS', p.field(c.as));
    return parts.join(' ');
  },
};

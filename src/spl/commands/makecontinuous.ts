/**
 * `makecontinuous [<field>] <bin-options>...`: bins=, span=, start=, end= around an optional
 * field (`makecontinuous span=1h _time` in security_content).
 * https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/makecontinuous
 */
import type { CommandOption, FieldRef, Span } from '../ast.js';
import { node, nodes, nodeSpan } from '../cst-access.js';
import { commandToken } from '../tokens.js';
import type { CommandSyntax } from '../syntax/types.js';
import { atOption } from './subsearch-parts.js';

export interface MakecontinuousCommand {
  readonly kind: 'makecontinuous';
  readonly span: Span;
  /** Optional: null when none is written. */
  readonly field: FieldRef | null;
  readonly options: readonly CommandOption[];
}

export const makecontinuousSyntax: CommandSyntax<MakecontinuousCommand> = {
  name: 'makecontinuous',
  token: commandToken('makecontinuous'),
  mode: 'search',
  wordRole: 'a field name or a bin option such as span=<span>',
  grammar: (g) => {
    g.consume(0, makecontinuousSyntax.token);
    g.many(0, () => g.subrule(0, g.rules.commandOption), () => atOption(g));
    g.option(0, () => {
      g.subrule(1, g.rules.fieldName);
      g.many(1, () => g.subrule(2, g.rules.commandOption), () => atOption(g));
    });
  },
  build: (n, b) => {
    const field = node(n, 'fieldName');
    return {
      kind: 'makecontinuous',
      span: nodeSpan(n),
      field: field ? b.fieldRef(field) : null,
      options: nodes(n, 'commandOption').map(b.option),
    };
  },
  print: (c, p) => {
    const field = c.field ? [p.field(c.field.name)] : [];
    return ['makecontinuous', ...field, ...c.options.map(p.option)].join(' ');
  },
};

/**
 * `apply <model> [as <output field>] [<options>]` (Splunk Machine Learning Toolkit): runs a model
 * saved by `fit ... into <model>` (`apply cmdline_pdfmodel threshold=0.01` in security_content).
 * https://docs.splunk.com/Documentation/MLApp/latest/User/Customsearchcommands
 */
import type { CommandOption, FieldRef, Span } from '../ast.js';
import { node, nodes, nodeSpan } from '../cst-access.js';
import { As, commandToken } from '../tokens.js';
import type { CommandSyntax } from '../syntax/types.js';
import { atOption } from './subsearch-parts.js';
import type { ModelRef } from './fit.js';

export interface ApplyCommand {
  readonly kind: 'apply';
  readonly span: Span;
  readonly model: ModelRef;
  /** `as <name>`: the output field (prefix) instead of the model's default. */
  readonly as: FieldRef | null;
  readonly options: readonly CommandOption[];
}

export const applySyntax: CommandSyntax<ApplyCommand> = {
  name: 'apply',
  token: commandToken('apply'),
  mode: 'search',
  wordRole: 'a model name',
  grammar: (g) => {
    g.consume(0, applySyntax.token);
    g.many(0, () => g.subrule(0, g.rules.commandOption), () => atOption(g));
    g.subrule(1, g.rules.fieldName, 'model');
    g.many(1, () => g.subrule(2, g.rules.commandOption), () => atOption(g));
    g.option(0, () => {
      g.consume(0, As);
      g.subrule(3, g.rules.fieldName, 'as');
      g.many(2, () => g.subrule(4, g.rules.commandOption), () => atOption(g));
    });
  },
  build: (n, b) => {
    const as = node(n, 'as');
    return {
      kind: 'apply',
      span: nodeSpan(n),
      model: b.fieldRef(node(n, 'model')!),
      as: as ? b.fieldRef(as) : null,
      options: nodes(n, 'commandOption').map(b.option),
    };
  },
  print: (c, p) => {
    const as = c.as ? ['as', p.field(c.as.name)] : [];
    return ['apply', p.field(c.model.name), ...as, ...c.options.map(p.option)].join(' ');
  },
};

/**
 * `summary <model> [<options>]` (Splunk Machine Learning Toolkit): describes a model saved by
 * `fit ... into <model>`; security_content runs it as a subsearch (`join ... [summary <model>]`).
 * https://docs.splunk.com/Documentation/MLApp/latest/User/Customsearchcommands
 */
import type { CommandOption, Span } from '../ast.js';
import { node, nodes, nodeSpan } from '../cst-access.js';
import { commandToken } from '../tokens.js';
import type { CommandSyntax } from '../syntax/types.js';
import { atOption } from './subsearch-parts.js';
import type { ModelRef } from './fit.js';

export interface SummaryCommand {
  readonly kind: 'summary';
  readonly span: Span;
  readonly model: ModelRef;
  readonly options: readonly CommandOption[];
}

export const summarySyntax: CommandSyntax<SummaryCommand> = {
  name: 'summary',
  token: commandToken('summary'),
  mode: 'search',
  wordRole: 'a model name',
  grammar: (g) => {
    g.consume(0, summarySyntax.token);
    g.many(0, () => g.subrule(0, g.rules.commandOption), () => atOption(g));
    g.subrule(1, g.rules.fieldName, 'model');
    g.many(1, () => g.subrule(2, g.rules.commandOption), () => atOption(g));
  },
  build: (n, b) => ({
    kind: 'summary',
    span: nodeSpan(n),
    model: b.fieldRef(node(n, 'model')!),
    options: nodes(n, 'commandOption').map(b.option),
  }),
  print: (c, p) => ['summary', p.field(c.model.name), ...c.options.map(p.option)].join(' '),
};

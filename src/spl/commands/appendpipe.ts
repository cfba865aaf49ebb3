/**
 * `appendpipe [run_in_preview=<bool>] [<subpipeline>]`: the brackets hold commands run over the
 * current results, so `[stats count]` needs no leading `search` or `|`.
 * https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/appendpipe
 */
import type { CommandOption, Pipeline, Span } from '../ast.js';
import { node, nodes, nodeSpan } from '../cst-access.js';
import { commandToken } from '../tokens.js';
import type { CommandSyntax } from '../syntax/types.js';
import { atOption, printSubsearch, subsearchPipeline } from './subsearch-parts.js';

export interface AppendpipeCommand {
  readonly kind: 'appendpipe';
  readonly span: Span;
  readonly options: readonly CommandOption[];
  /** The subpipeline; its first command reads the results piped into appendpipe. */
  readonly pipeline: Pipeline;
}

export const appendpipeSyntax: CommandSyntax<AppendpipeCommand> = {
  name: 'appendpipe',
  token: commandToken('appendpipe'),
  mode: 'search',
  bracketHoldsCommands: true,
  wordRole: 'the option run_in_preview=<bool>',
  grammar: (g) => {
    g.consume(0, appendpipeSyntax.token);
    g.many(0, () => g.subrule(0, g.rules.commandOption), () => atOption(g));
    g.subrule(1, g.rules.subsearch);
  },
  build: (n, b) => ({
    kind: 'appendpipe',
    span: nodeSpan(n),
    options: nodes(n, 'commandOption').map(b.option),
    pipeline: subsearchPipeline(node(n, 'subsearch')!, b),
  }),
  print: (c, p) => ['appendpipe', ...c.options.map(p.option), printSubsearch(p, c.pipeline)].join(' '),
};

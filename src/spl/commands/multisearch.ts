/**
 * `multisearch <subsearch> <subsearch> ...`: at least two streaming searches, run together.
 * https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/multisearch
 */
import type { Pipeline, Span } from '../ast.js';
import { nodes, nodeSpan } from '../cst-access.js';
import { commandToken } from '../tokens.js';
import type { CommandSyntax } from '../syntax/types.js';
import { printSubsearch, subsearchPipelines } from './subsearch-parts.js';

export interface MultisearchCommand {
  readonly kind: 'multisearch';
  readonly span: Span;
  /** Two or more. */
  readonly searches: readonly Pipeline[];
}

export const multisearchSyntax: CommandSyntax<MultisearchCommand> = {
  name: 'multisearch',
  token: commandToken('multisearch'),
  mode: 'search',
  grammar: (g) => {
    g.consume(0, multisearchSyntax.token);
    g.subrule(0, g.rules.subsearch);
    g.atLeastOne(0, () => g.subrule(1, g.rules.subsearch));
  },
  build: (n, b) => ({ kind: 'multisearch', span: nodeSpan(n), searches: subsearchPipelines(nodes(n, 'subsearch'), b) }),
  print: (c, p) => ['multisearch', ...c.searches.map((s) => printSubsearch(p, s))].join(' '),
};

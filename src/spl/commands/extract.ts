/**
 * `extract [<extract-options>...] [<extractor-name>...]` (Search Reference: extract; `kv` is its
 * synonym in the command quick reference). Options: auto, clean_keys, kvdelim, limit, maxchars,
 * mv_add, pairdelim, reload, segment; extractor names are transforms.conf stanzas.
 */
import type { CommandOption, FieldRef, Span } from '../ast.js';
import { nodes, nodeSpan } from '../cst-access.js';
import { Comma, commandToken } from '../tokens.js';
import type { CommandSyntax, Grammar } from '../syntax/types.js';
import { optionAhead } from './command-args.js';

export interface ExtractCommand {
  readonly kind: 'extract';
  readonly span: Span;
  readonly options: readonly CommandOption[];
  /** transforms.conf stanza names, in the order written. */
  readonly extractors: readonly FieldRef[];
}

/** Commas between the arguments are allowed: the docs write `extract pairdelim="|;", kvdelim="=:"`. */
function grammar(g: Grammar): void {
  g.consume(0, extractSyntax.token);
  g.many(0, () =>
    g.or(0, [
      { GATE: () => optionAhead(g), ALT: () => g.subrule(0, g.rules.commandOption) },
      { ALT: () => g.subrule(1, g.rules.fieldName) },
      { ALT: () => g.consume(1, Comma) },
    ]),
  );
}

export const extractSyntax: CommandSyntax<ExtractCommand> = {
  name: 'extract',
  aliases: ['kv'],
  token: commandToken('extract'),
  mode: 'search',
  wordRole: 'an extractor name',
  grammar,
  build: (n, b) => ({
    kind: 'extract',
    span: nodeSpan(n),
    options: nodes(n, 'commandOption').map(b.option),
    extractors: nodes(n, 'fieldName').map(b.fieldRef),
  }),
  print: (c, p) => ['extract', ...c.options.map(p.option), ...c.extractors.map((e) => p.field(e.name))].join(' '),
};

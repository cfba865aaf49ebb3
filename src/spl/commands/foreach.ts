/**
 * `foreach [mode=...] <wc-field>... [fieldstr=...] [matchstr=...] [matchseg1=...] <template>`:
 * options may come before or after the fields and after the template. The template holds commands
 * (`foreach * [eval <<FIELD>> = ...]`); its `<<FIELD>>`, `<<MATCHSTR>>`, `<<MATCHSEG1>>`... tokens stay
 * in the AST as written (field names, strings), to be substituted per field when it runs.
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/foreach
 */
import type { CommandOption, FieldRef, Pipeline, Span } from '../ast.js';
import { node, nodes, nodeSpan } from '../cst-access.js';
import { commandToken } from '../tokens.js';
import type { CommandSyntax, Grammar } from '../syntax/types.js';
import { atOption, printSubsearch, subsearchPipeline } from './subsearch-parts.js';

export interface ForeachCommand {
  readonly kind: 'foreach';
  readonly span: Span;
  readonly options: readonly CommandOption[];
  /** Wildcard field patterns (mode=multifield), or the one multivalue/JSON array field. */
  readonly fields: readonly FieldRef[];
  readonly template: Pipeline;
}

function grammar(g: Grammar): void {
  g.consume(0, foreachSyntax.token);
  g.many(0, () => g.subrule(0, g.rules.commandOption), () => atOption(g));
  g.atLeastOne(0, () => {
    g.subrule(1, g.rules.fieldName);
    g.many(1, () => g.subrule(2, g.rules.commandOption), () => atOption(g));
  });
  g.subrule(3, g.rules.subsearch);
  g.many(2, () => g.subrule(4, g.rules.commandOption), () => atOption(g));
}

export const foreachSyntax: CommandSyntax<ForeachCommand> = {
  name: 'foreach',
  token: commandToken('foreach'),
  mode: 'search',
  bracketHoldsCommands: true,
  wordRole: 'a field name or wildcard pattern',
  grammar,
  build: (n, b) => ({
    kind: 'foreach',
    span: nodeSpan(n),
    options: nodes(n, 'commandOption').map(b.option),
    fields: nodes(n, 'fieldName').map(b.fieldRef),
    template: subsearchPipeline(node(n, 'subsearch')!, b),
  }),
  print: (c, p) => {
    const fields = c.fields.map((f) => p.field(f.name));
    return ['foreach', ...c.options.map(p.option), ...fields, printSubsearch(p, c.template)].join(' ');
  },
};

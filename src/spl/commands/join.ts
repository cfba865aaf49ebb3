/**
 * `join [<options>] [<field>, ...] <subsearch>`: options (type, usetime, earlier, overwrite, max)
 * and join fields in any order, as security_content writes them (`join ObjectDN type=outer [...]`).
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/join
 */
import type { CommandOption, FieldRef, Pipeline, Span } from '../ast.js';
import { node, nodes, nodeSpan } from '../cst-access.js';
import { Comma, commandToken, Eq } from '../tokens.js';
import type { CommandSyntax, Grammar } from '../syntax/types.js';
import { printSubsearch, subsearchPipeline } from './subsearch-parts.js';

export interface JoinCommand {
  readonly kind: 'join';
  readonly span: Span;
  readonly options: readonly CommandOption[];
  /** The join fields; none = join on every field the two sides share. */
  readonly fields: readonly FieldRef[];
  readonly subsearch: Pipeline;
}

/** `join process_guid, _time [...]`: commas between fields are separators. */
function grammar(g: Grammar): void {
  g.consume(0, joinSyntax.token);
  g.many(0, () => {
    g.or(0, [
      { GATE: () => g.LA(2).tokenType === Eq, ALT: () => g.subrule(0, g.rules.commandOption) },
      { ALT: () => g.subrule(1, g.rules.fieldName) },
      { ALT: () => g.consume(1, Comma) },
    ]);
  });
  g.subrule(2, g.rules.subsearch);
}

export const joinSyntax: CommandSyntax<JoinCommand> = {
  name: 'join',
  token: commandToken('join'),
  mode: 'search',
  wordRole: 'a field name or option',
  grammar,
  build: (n, b) => ({
    kind: 'join',
    span: nodeSpan(n),
    options: nodes(n, 'commandOption').map(b.option),
    fields: nodes(n, 'fieldName').map(b.fieldRef),
    subsearch: subsearchPipeline(node(n, 'subsearch')!, b),
  }),
  print: (c, p) => {
    const parts = ['join', ...c.options.map(p.option)];
    if (c.fields.length > 0) parts.push(c.fields.map((f) => p.field(f.name)).join(', '));
    return [...parts, printSubsearch(p, c.subsearch)].join(' ');
  },
};

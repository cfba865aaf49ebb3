/**
 * `table <wc-field-list>`: the listed fields, in that order, as a table. Names are separated by
 * spaces and/or commas. Splunk Search Reference, "table":
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/table
 */
import type { FieldRef, Span } from '../ast.js';
import { nodeSpan } from '../cst-access.js';
import type { CommandSyntax, Grammar } from '../syntax/types.js';
import { Comma, commandToken } from '../tokens.js';
import { buildFieldItems } from './fields.js';

export interface TableCommand {
  readonly kind: 'table';
  readonly span: Span;
  /** Field names or wildcard patterns (`src*`), in output order. */
  readonly fields: readonly FieldRef[];
}

function grammar(g: Grammar): void {
  g.consume(0, tableSyntax.token);
  g.atLeastOne(0, () => {
    g.subrule(0, g.local('fieldItem'));
    g.many(0, () => g.consume(1, Comma));
  });
}

export const tableSyntax: CommandSyntax<TableCommand> = {
  name: 'table',
  token: commandToken('table'),
  mode: 'search',
  wordRole: 'a field name',
  grammar,
  build: (n, b) => ({ kind: 'table', span: nodeSpan(n), fields: buildFieldItems(n, b) }),
  print: (c, p) => ['table', ...c.fields.map((f) => p.field(f.name))].join(' '),
};

/**
 * `untable <x-field> <y-name-field> <y-data-field>`: the inverse of xyseries. Splunk Search
 * Reference, "untable":
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/untable
 */
import type { FieldRef, Span } from '../ast.js';
import { node, nodeSpan } from '../cst-access.js';
import type { CommandSyntax, Grammar } from '../syntax/types.js';
import { Comma, commandToken } from '../tokens.js';
import { buildFieldItem } from './fields.js';

export interface UntableCommand {
  readonly kind: 'untable';
  readonly span: Span;
  readonly x: FieldRef;
  readonly yName: FieldRef;
  readonly yData: FieldRef;
}

function grammar(g: Grammar): void {
  g.consume(0, untableSyntax.token);
  g.subrule(0, g.local('fieldItem'), 'x');
  g.many(0, () => g.consume(1, Comma));
  g.subrule(1, g.local('fieldItem'), 'yName');
  g.many(1, () => g.consume(2, Comma));
  g.subrule(2, g.local('fieldItem'), 'yData');
}

export const untableSyntax: CommandSyntax<UntableCommand> = {
  name: 'untable',
  token: commandToken('untable'),
  mode: 'search',
  wordRole: 'a field name',
  grammar,
  build: (n, b) => ({
    kind: 'untable',
    span: nodeSpan(n),
    x: buildFieldItem(node(n, 'x')!, b),
    yName: buildFieldItem(node(n, 'yName')!, b),
    yData: buildFieldItem(node(n, 'yData')!, b),
  }),
  print: (c, p) => ['untable', p.field(c.x.name), p.field(c.yName.name), p.field(c.yData.name)].join(' '),
};

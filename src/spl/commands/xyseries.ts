/**
 * `xyseries [grouped=<bool>] <x-field> <y-name-field> <y-data-field>... [sep=<string>]
 * [format=<string>]`: the inverse of untable. Splunk Search Reference, "xyseries":
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.3/search-commands/xyseries
 */
import type { CommandOption, FieldRef, Span } from '../ast.js';
import { node, nodes, nodeSpan } from '../cst-access.js';
import type { CommandSyntax, Grammar } from '../syntax/types.js';
import { Comma, commandToken, Eq } from '../tokens.js';
import { buildFieldItem, buildFieldItems } from './fields.js';

export interface XyseriesCommand {
  readonly kind: 'xyseries';
  readonly span: Span;
  readonly options: readonly CommandOption[];
  readonly x: FieldRef;
  readonly yName: FieldRef;
  /** One or more data fields (`xyseries _time host count, avg`). */
  readonly yData: readonly FieldRef[];
}

function grammar(g: Grammar): void {
  g.consume(0, xyseriesSyntax.token);
  g.many(0, () => g.subrule(0, g.rules.commandOption));
  g.subrule(1, g.local('fieldItem'), 'x');
  g.many(1, () => g.consume(1, Comma));
  g.subrule(2, g.local('fieldItem'), 'yName');
  g.many(2, () => g.consume(2, Comma));
  g.atLeastOne(
    0,
    () => {
      g.subrule(3, g.local('fieldItem'), 'yData');
      g.many(3, () => g.consume(3, Comma));
    },
    () => g.LA(2).tokenType !== Eq,
  );
  g.many(4, () => g.subrule(4, g.rules.commandOption));
}

export const xyseriesSyntax: CommandSyntax<XyseriesCommand> = {
  name: 'xyseries',
  token: commandToken('xyseries'),
  mode: 'search',
  wordRole: 'a field name',
  grammar,
  build: (n, b) => ({
    kind: 'xyseries',
    span: nodeSpan(n),
    options: nodes(n, 'commandOption').map(b.option),
    x: buildFieldItem(node(n, 'x')!, b),
    yName: buildFieldItem(node(n, 'yName')!, b),
    yData: buildFieldItems(n, b, 'yData'),
  }),
  print: (c, p) => {
    const data = c.yData.map((f) => p.field(f.name)).join(', ');
    return ['xyseries', ...c.options.map(p.option), p.field(c.x.name), p.field(c.yName.name), data].join(' ');
  },
};

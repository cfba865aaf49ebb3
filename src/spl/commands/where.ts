/** `where <expression>`: keep the results for which the eval expression is true. */
import type { Expr, Span } from '../ast.js';
import { node, nodeSpan } from '../cst-access.js';
import { commandToken } from '../tokens.js';
import type { CommandSyntax } from '../syntax/types.js';

export interface WhereCommand {
  readonly kind: 'where';
  readonly span: Span;
  readonly expr: Expr;
}

export const whereSyntax: CommandSyntax<WhereCommand> = {
  name: 'where',
  token: commandToken('where'),
  mode: 'expr',
  grammar: (g) => {
    g.consume(0, whereSyntax.token);
    g.subrule(0, g.rules.expression);
  },
  build: (n, b) => ({ kind: 'where', span: nodeSpan(n), expr: b.expression(node(n, 'expression')!) }),
  print: (c, p) => `where ${p.expression(c.expr)}`,
};

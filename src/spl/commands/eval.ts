/** `eval <field>=<expression> [, <field>=<expression>]...`: assignments run left to right. */
import type { Expr, Span } from '../ast.js';
import { nodes, nodeSpan, token, tokenSpan } from '../cst-access.js';
import { Comma, commandToken, Eq, Identifier, QuotedField, QuotedString } from '../tokens.js';
import type { CommandSyntax, Grammar } from '../syntax/types.js';
import { unquote, unquoteField } from '../unquote.js';
import { node } from '../cst-access.js';

export interface EvalAssignment {
  readonly span: Span;
  readonly field: string;
  readonly fieldSpan: Span;
  readonly expr: Expr;
}

export interface EvalCommand {
  readonly kind: 'eval';
  readonly span: Span;
  readonly assignments: readonly EvalAssignment[];
}

function assignment(g: Grammar): void {
  g.or(0, [
    { ALT: () => g.consume(0, Identifier) },
    { ALT: () => g.consume(1, QuotedField) },
    { ALT: () => g.consume(2, QuotedString) },
  ]);
  g.consume(3, Eq);
  g.subrule(0, g.rules.expression);
}

export const evalSyntax: CommandSyntax<EvalCommand> = {
  name: 'eval',
  token: commandToken('eval'),
  mode: 'expr',
  evalAssignments: true,
  wordRole: 'a field name',
  subrules: [{ name: 'evalAssignment', grammar: assignment, wordRole: 'a field name' }],
  grammar: (g) => {
    g.consume(0, evalSyntax.token);
    g.atLeastOne(0, () => {
      g.subrule(0, g.local('evalAssignment'));
      g.many(0, () => g.consume(1, Comma));
    });
  },
  build: (n, b) => ({
    kind: 'eval',
    span: nodeSpan(n),
    assignments: nodes(n, 'evalAssignment').map((a) => {
      const id = token(a, 'Identifier');
      const qf = token(a, 'QuotedField');
      const qs = token(a, 'QuotedString');
      const field = id ? id.image : qf ? unquoteField(qf.image) : unquote(qs!.image);
      return { span: nodeSpan(a), field, fieldSpan: tokenSpan((id ?? qf ?? qs)!), expr: b.expression(node(a, 'expression')!) };
    }),
  }),
  print: (c, p) => `eval ${c.assignments.map((a) => `${p.exprField(a.field)}=${p.expression(a.expr)}`).join(', ')}`,
};

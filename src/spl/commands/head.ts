/**
 * `head [<N> | (<eval-expression>)] [limit=<int>] [null=<bool>] [keeplast=<bool>]`. The arguments
 * lex as an expression (mode 'expr') so that `head (action="startup")` is an eval expression.
 * Splunk Search Reference, "head":
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.3/search-commands/head
 */
import type { CstNode } from 'chevrotain';
import type { CommandOption, Expr, Span } from '../ast.js';
import { node, nodes, nodeSpan, token } from '../cst-access.js';
import type { CommandSyntax, Grammar } from '../syntax/types.js';
import { commandToken, Eq, Identifier, LParen, NumberLit, QuotedString, RParen } from '../tokens.js';
import { isWhollyQuoted, unquote } from '../unquote.js';

export interface HeadCommand {
  readonly kind: 'head';
  readonly span: Span;
  /** `head 20`; null when absent (`limit=` or the default 10 applies). */
  readonly count: number | null;
  /** `head (x<100)`: results are returned while the expression is true. */
  readonly while: Expr | null;
  readonly options: readonly CommandOption[];
}

/** `name=value` in expression lexing: `limit=20`, `keeplast=true`, `null="f"`. */
function headOption(g: Grammar): void {
  g.consume(0, Identifier, 'name');
  g.consume(1, Eq);
  g.or(0, [
    { ALT: () => g.consume(2, NumberLit, 'value') },
    { ALT: () => g.consume(3, Identifier, 'value') },
    { ALT: () => g.consume(4, QuotedString, 'value') },
  ]);
}

function buildOption(n: CstNode): CommandOption {
  const value = token(n, 'value')!;
  const quoted = isWhollyQuoted(value.image);
  return { name: token(n, 'name')!.image, value: unquote(value.image), quoted, span: nodeSpan(n) };
}

function grammar(g: Grammar): void {
  g.consume(0, headSyntax.token);
  g.many(0, () => g.subrule(0, g.local('headOption')));
  g.option(0, () =>
    g.or(0, [
      { ALT: () => g.consume(1, NumberLit, 'count') },
      {
        ALT: () => {
          g.consume(2, LParen);
          g.subrule(1, g.rules.expression);
          g.consume(3, RParen);
        },
      },
    ]),
  );
  g.many(1, () => g.subrule(2, g.local('headOption')));
}

export const headSyntax: CommandSyntax<HeadCommand> = {
  name: 'head',
  token: commandToken('head'),
  mode: 'expr',
  expects: 'a number, "(" or an option such as limit=10',
  subrules: [{ name: 'headOption', grammar: headOption, expects: 'a value' }],
  grammar,
  build: (n, b) => {
    const count = token(n, 'count');
    const expr = node(n, 'expression');
    return {
      kind: 'head',
      span: nodeSpan(n),
      count: count ? Number(count.image) : null,
      while: expr ? b.expression(expr) : null,
      options: nodes(n, 'headOption').map(buildOption),
    };
  },
  print: (c, p) => {
    const parts = ['head'];
    if (c.count !== null) parts.push(String(c.count));
    if (c.while) parts.push(`(${p.expression(c.while)})`);
    return [...parts, ...c.options.map(p.option)].join(' ');
  },
};

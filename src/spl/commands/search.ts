/** `search <expression>` (spec 01): explicit form; the implicit first segment builds the same node. */
import type { SearchExpr, Span } from '../ast.js';
import { commandToken } from '../tokens.js';
import type { CommandSyntax } from '../syntax/types.js';
import { node, nodeSpan } from '../cst-access.js';

export interface SearchCommand {
  readonly kind: 'search';
  readonly span: Span;
  readonly implicit: boolean;
  /** Null for `| search` with nothing after it (an error when bound). */
  readonly expr: SearchExpr | null;
}

export const searchSyntax: CommandSyntax<SearchCommand> = {
  name: 'search',
  token: commandToken('search'),
  mode: 'search',
  grammar: (g) => {
    g.consume(0, searchSyntax.token);
    g.option(0, () => g.subrule(0, g.rules.searchExpression));
  },
  build: (n, b) => {
    const expr = node(n, 'searchExpression');
    return { kind: 'search', span: nodeSpan(n), implicit: false, expr: expr ? b.searchExpression(expr) : null };
  },
  print: (c, p) => {
    const body = c.expr ? p.search(c.expr) : '';
    return c.implicit ? body : `search ${body}`.trimEnd();
  },
};

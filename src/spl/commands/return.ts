/**
 * `return [<count>] [<alias>=<field>...] [<field>...] [$<field>...]`: the items in any order.
 * `return source` gives `source="value"`, `return ip=srcip` gives `ip="value"`, `return $srcip`
 * gives the value alone.
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/return
 */
import type { CstNode } from 'chevrotain';
import type { Span } from '../ast.js';
import { node, nodes, nodeSpan, token } from '../cst-access.js';
import { commandToken, Eq, Word } from '../tokens.js';
import { unquote } from '../unquote.js';
import type { Builder, CommandSyntax, Grammar, Printer } from '../syntax/types.js';

export type ReturnItem =
  | { readonly kind: 'field'; readonly span: Span; readonly field: string }
  | { readonly kind: 'alias'; readonly span: Span; readonly alias: string; readonly field: string }
  | { readonly kind: 'value'; readonly span: Span; readonly field: string };

export interface ReturnCommand {
  readonly kind: 'return';
  readonly span: Span;
  /** How many rows to use; null = the default, 1. */
  readonly count: number | null;
  readonly items: readonly ReturnItem[];
}

const isCount = (g: Grammar): boolean => g.LA(1).tokenType === Word && /^\d+$/.test(g.LA(1).image);

function grammar(g: Grammar): void {
  g.consume(0, returnSyntax.token);
  g.option(0, () => g.consume(1, Word, 'count'), () => isCount(g));
  g.many(0, () => {
    g.or(0, [
      { GATE: () => g.LA(2).tokenType === Eq, ALT: () => g.subrule(0, g.local('returnAlias')) },
      { ALT: () => g.subrule(1, g.rules.fieldName) },
    ]);
  });
}

/** `alias=field`. */
function returnAlias(g: Grammar): void {
  g.consume(0, Word);
  g.consume(1, Eq);
  g.subrule(0, g.rules.fieldName);
}

function aliasItem(a: CstNode, b: Builder): ReturnItem {
  const alias = unquote(token(a, 'Word')!.image);
  return { kind: 'alias', span: nodeSpan(a), alias, field: b.fieldName(node(a, 'fieldName')!) };
}

/** `$name` asks for the value alone. */
function fieldItem(f: CstNode, b: Builder): ReturnItem {
  const name = b.fieldName(f);
  const span = nodeSpan(f);
  return name.startsWith('$') ? { kind: 'value', span, field: name.slice(1) } : { kind: 'field', span, field: name };
}

function printItem(item: ReturnItem, p: Printer): string {
  switch (item.kind) {
    case 'field': return p.field(item.field);
    case 'alias': return `${p.value(item.alias)}=${p.field(item.field)}`;
    case 'value': return `$${p.field(item.field)}`;
  }
}

export const returnSyntax: CommandSyntax<ReturnCommand> = {
  name: 'return',
  token: commandToken('return'),
  mode: 'search',
  wordRole: 'a field name',
  subrules: [{ name: 'returnAlias', grammar: returnAlias, wordRole: 'a field name' }],
  grammar,
  build: (n, b) => {
    const aliases = nodes(n, 'returnAlias').map((a) => aliasItem(a, b));
    const items = [...aliases, ...nodes(n, 'fieldName').map((f) => fieldItem(f, b))];
    items.sort((x, y) => x.span.start - y.span.start);
    const count = token(n, 'count');
    return { kind: 'return', span: nodeSpan(n), count: count ? Number(count.image) : null, items };
  },
  print: (c, p) => {
    const count = c.count === null ? [] : [String(c.count)];
    return ['return', ...count, ...c.items.map((i) => printItem(i, p))].join(' ');
  },
};

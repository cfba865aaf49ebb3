/**
 * `top [<N>] [<top-options>...] <field-list> [BY <field-list>]`: the most common value
 * combinations with count and percent. Options (countfield, limit, otherstr, percentfield,
 * showcount, showperc, useother) may come anywhere. Splunk Search Reference, "top":
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/top
 * `rare` (rare.ts) shares this grammar without the leading N.
 */
import type { CstNode, TokenType } from 'chevrotain';
import type { CommandOption, FieldRef, Span } from '../ast.js';
import { node, nodes, nodeSpan, token } from '../cst-access.js';
import type { Builder, CommandSyntax, Grammar, Printer } from '../syntax/types.js';
import { Comma, commandToken, Eq, Word } from '../tokens.js';
import { buildFieldItems, isIntegerWord, printFieldAs } from './fields.js';

export interface TopCommand {
  readonly kind: 'top';
  readonly span: Span;
  /** The leading `<N>` (`top 5 user`); `limit=` stays in `options`. */
  readonly count: number | null;
  readonly options: readonly CommandOption[];
  readonly fields: readonly FieldRef[];
  readonly by: readonly FieldRef[];
}

type TopParts = Pick<TopCommand, 'options' | 'fields' | 'by'>;

/** The part after the optional N: options, at least one field, then `BY` fields and options. */
export function topArguments(g: Grammar): void {
  const isOption = (): boolean => g.LA(2).tokenType === Eq;
  g.many(0, () => g.subrule(0, g.rules.commandOption));
  g.atLeastOne(0, () =>
    g.or(0, [
      { GATE: isOption, ALT: () => g.subrule(1, g.rules.commandOption) },
      {
        ALT: () => {
          g.subrule(2, g.local('fieldItem'));
          g.many(1, () => g.consume(0, Comma));
        },
      },
    ]),
  );
  g.option(0, () => g.subrule(3, g.rules.byClause));
  g.many(2, () => g.subrule(4, g.rules.commandOption));
}

/** The fields of top/rare: options, the field list and the BY fields. */
export function buildTopParts(n: CstNode, b: Builder): TopParts {
  const by = node(n, 'byClause');
  return {
    options: nodes(n, 'commandOption').map(b.option),
    fields: buildFieldItems(n, b),
    by: by ? nodes(by, 'fieldName').map(b.fieldRef) : [],
  };
}

/** Field names quoted so they do not read as the leading count. */
const RESERVED = /^\d+$/;

export function printTopParts(name: string, count: number | null, c: TopParts, p: Printer): string {
  const parts = [name, ...(count === null ? [] : [String(count)]), ...c.options.map(p.option)];
  parts.push(...c.fields.map((f) => printFieldAs(p, f.name, RESERVED)));
  if (c.by.length > 0) parts.push('BY', c.by.map((f) => p.field(f.name)).join(', '));
  return parts.join(' ');
}

const TOKEN: TokenType = commandToken('top');

export const topSyntax: CommandSyntax<TopCommand> = {
  name: 'top',
  token: TOKEN,
  mode: 'search',
  wordRole: 'a field name',
  grammar: (g) => {
    g.consume(1, TOKEN);
    g.option(1, () => g.consume(2, Word, 'count'), () => isIntegerWord(g.LA(1)) && g.LA(2).tokenType !== Eq);
    topArguments(g);
  },
  build: (n, b) => {
    const count = token(n, 'count');
    return { kind: 'top', span: nodeSpan(n), count: count ? Number(count.image) : null, ...buildTopParts(n, b) };
  },
  print: (c, p) => printTopParts('top', c.count, c, p),
};

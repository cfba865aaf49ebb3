/**
 * `sort [<count>] [limit=<int>] <sort-by-clause>... [desc]` (spec 03 T18), where a sort key is
 * `[+|-]<field>` or `[+|-](auto|str|ip|num)(<field>)`. Splunk Search Reference, "sort":
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.0/search-commands/sort
 * Also home of `sortKey`, shared with `dedup ... sortby`.
 */
import type { CstNode } from 'chevrotain';
import type { CommandOption, Span } from '../ast.js';
import { anyToken, node, nodes, nodeSpan, token } from '../cst-access.js';
import type { Builder, CommandSyntax, Grammar, Printer, SubruleSyntax } from '../syntax/types.js';
import { Comma, commandToken, Eq, Word } from '../tokens.js';
import { unquote } from '../unquote.js';
import { isIntegerWord, isSignWord, printFieldAs } from './fields.js';

/** How a sort key compares values; null is Splunk's default (numeric when both are numbers). */
export type SortType = 'auto' | 'str' | 'ip' | 'num';

export interface SortKey {
  readonly span: Span;
  readonly field: string;
  readonly descending: boolean;
  readonly type: SortType | null;
}

export interface SortCommand {
  readonly kind: 'sort';
  readonly span: Span;
  /** The leading `<count>` (`sort 100 -size`); `limit=` stays in `options`. */
  readonly count: number | null;
  readonly options: readonly CommandOption[];
  readonly keys: readonly SortKey[];
  /** A trailing `d` or `desc`: reverse the whole order. */
  readonly desc: boolean;
}

/** `[+|-] field`; the sign may also be written against the field (`-count`). */
function sortKey(g: Grammar): void {
  g.option(0, () => g.consume(0, Word, 'sign'), () => isSignWord(g.LA(1)));
  g.subrule(0, g.local('fieldItem'));
}

export const sortKeyRule: SubruleSyntax = { name: 'sortKey', grammar: sortKey, wordRole: 'a field name' };

interface RawKey {
  readonly key: SortKey;
  /** Written as a bare word with no sign or parentheses: `d`/`desc` there may be the flag. */
  readonly bare: boolean;
}

const SORT_TYPE = /^(auto|str|ip|num)$/i;

function buildRawKey(n: CstNode, b: Builder): RawKey {
  const span = nodeSpan(n);
  const item = node(n, 'fieldItem')!;
  const first = anyToken(node(item, 'fieldName')!, 'Word', 'QuotedString')!;
  let sign = token(n, 'sign')?.image;
  let image = first.image;
  if (!sign && first.tokenType === Word && /^[+-]./.test(image)) {
    sign = image[0];
    image = image.slice(1);
  }
  const descending = sign === '-';
  if (!token(item, 'LParen')) {
    return { key: { span, field: unquote(image), descending, type: null }, bare: !sign && first.tokenType === Word };
  }
  const args = nodes(item, 'genericArg').map(b.genericArg);
  const arg = args[0];
  if (SORT_TYPE.test(image) && args.length === 1 && arg?.kind === 'word') {
    return { key: { span, field: arg.text, descending, type: image.toLowerCase() as SortType }, bare: false };
  }
  // A name with a group touching it (`count(x)` after stats): the text as written, sign aside.
  const itemSpan = nodeSpan(item);
  const start = itemSpan.start + (first.image.length - image.length);
  return { key: { span, field: b.text.slice(start, itemSpan.end), descending, type: null }, bare: false };
}

/** Every `sortKey` under a node. */
export function buildSortKeys(n: CstNode, b: Builder): SortKey[] {
  return nodes(n, 'sortKey').map((k) => buildRawKey(k, b).key);
}

/** Names quoted in a sort key so they do not read as a sign, a count, a type or the desc flag. */
const RESERVED = /^([+-].*|\d+|d|desc)$/i;

export function printSortKey(k: SortKey, p: Printer): string {
  const body = k.type ? `${k.type}(${p.field(k.field)})` : printFieldAs(p, k.field, RESERVED);
  return `${k.descending ? '-' : ''}${body}`;
}

function grammar(g: Grammar): void {
  g.consume(0, sortSyntax.token);
  g.option(0, () => g.consume(1, Word, 'count'), () => isIntegerWord(g.LA(1)) && g.LA(2).tokenType !== Eq);
  g.many(0, () => g.subrule(0, g.rules.commandOption));
  g.atLeastOne(
    0,
    () => {
      g.subrule(0, g.local('sortKey'));
      g.many(1, () => g.consume(2, Comma));
    },
    () => g.LA(2).tokenType !== Eq,
  );
  g.many(2, () => g.subrule(1, g.rules.commandOption));
}

function build(n: CstNode, b: Builder): SortCommand {
  const raw = nodes(n, 'sortKey').map((k) => buildRawKey(k, b));
  const last = raw.at(-1);
  // `sort -size, +source desc`: a last bare `d`/`desc` after other keys is the flag, not a field.
  const desc = raw.length > 1 && last!.bare && /^(d|desc)$/i.test(last!.key.field);
  const count = token(n, 'count');
  return {
    kind: 'sort',
    span: nodeSpan(n),
    count: count ? Number(count.image) : null,
    options: nodes(n, 'commandOption').map(b.option),
    keys: (desc ? raw.slice(0, -1) : raw).map((r) => r.key),
    desc,
  };
}

export const sortSyntax: CommandSyntax<SortCommand> = {
  name: 'sort',
  token: commandToken('sort'),
  mode: 'search',
  wordRole: 'a field name',
  subrules: [sortKeyRule],
  grammar,
  build,
  print: (c, p) => {
    const head = ['sort', ...(c.count === null ? [] : [String(c.count)]), ...c.options.map(p.option)].join(' ');
    return `${head} ${c.keys.map((k) => printSortKey(k, p)).join(', ')}${c.desc ? ' desc' : ''}`;
  },
};

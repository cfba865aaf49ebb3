/**
 * `transaction [<field-list>] [name=<transaction-name>] [<options>...]` (Search Reference:
 * transaction). `startswith=`/`endswith=` take a filter: `(<search>)`, `eval(<expression>)` or a
 * quoted search string; their names are matched in any case (`startsWith=(operationName="Enable
 * account")` is in security_content). Fields and options may be interleaved, commas are optional.
 */
import type { CstNode } from 'chevrotain';
import type { CommandOption, Expr, FieldRef, SearchExpr, Span } from '../ast.js';
import { node, nodes, nodeSpan, token } from '../cst-access.js';
import { Comma, commandToken, Eq, LParen, RParen, Word } from '../tokens.js';
import type { Builder, CommandSyntax, Grammar, Printer } from '../syntax/types.js';
import { fieldNameLiteral, optionAhead, printTextLiteral, wordIs, type TextLiteral } from './command-args.js';

/** The condition of `startswith=`/`endswith=`. */
export type TransactionFilter =
  | { readonly kind: 'search'; readonly span: Span; readonly expr: SearchExpr }
  | { readonly kind: 'eval'; readonly span: Span; readonly expr: Expr }
  /** `startswith="login"`: a search string, kept as text (`quoted` false for a bare word). */
  | { readonly kind: 'string'; readonly span: Span; readonly search: TextLiteral };

export interface TransactionCommand {
  readonly kind: 'transaction';
  readonly span: Span;
  readonly fields: readonly FieldRef[];
  /** Every other `name=value` option as written (maxspan, maxpause, connected, keepevicted...). */
  readonly options: readonly CommandOption[];
  /** The last `startswith=` written, or null. */
  readonly startswith: TransactionFilter | null;
  readonly endswith: TransactionFilter | null;
}

const ARG = 'transactionOption';
const VALUE = 'transactionValue';

/** `startswith`/`endswith` just before the `=` being read (LA(-1) is the name, LA(0) the `=`). */
const isFilterName = (g: Grammar): boolean => wordIs(g.LA(-1), 'startswith', 'endswith');

/**
 * Every `name=value` is one alternative, so that two tokens (Word Eq) tell it from a field even
 * when the value is missing (`startswith=` at the end fails at the value, inside transaction).
 */
function grammar(g: Grammar): void {
  g.consume(0, transactionSyntax.token);
  g.many(0, () =>
    g.or(0, [
      { GATE: () => optionAhead(g), ALT: () => g.subrule(0, g.local(ARG)) },
      { ALT: () => g.subrule(1, g.rules.fieldName) },
      { ALT: () => g.consume(1, Comma) },
    ]),
  );
}

function option(g: Grammar): void {
  g.consume(0, Word);
  g.consume(1, Eq);
  g.subrule(0, g.local(VALUE));
}

/** A filter (`(...)`, `eval(...)`) only after startswith=/endswith=; any option takes a plain value. */
function value(g: Grammar): void {
  g.or(0, [
    {
      GATE: () => isFilterName(g),
      ALT: () => {
        g.consume(0, LParen);
        g.subrule(0, g.rules.searchExpression);
        g.consume(1, RParen);
      },
    },
    { GATE: () => isFilterName(g), ALT: () => g.subrule(1, g.rules.evalArgument) },
    { ALT: () => g.subrule(2, g.rules.fieldName) },
  ]);
}

function buildFilter(n: CstNode, b: Builder): TransactionFilter {
  const span = nodeSpan(n);
  const search = node(n, 'searchExpression');
  if (search) return { kind: 'search', span, expr: b.searchExpression(search) };
  const ev = node(n, 'evalArgument');
  if (ev) return { kind: 'eval', span, expr: b.expression(node(ev, 'expression')!) };
  return { kind: 'string', span, search: fieldNameLiteral(node(n, 'fieldName')!) };
}

const optionName = (n: CstNode): string => token(n, 'Word')!.image;

function lastFilter(n: CstNode, name: string, b: Builder): TransactionFilter | null {
  const written = nodes(n, ARG).filter((f) => optionName(f).toLowerCase() === name);
  return written.length > 0 ? buildFilter(node(written.at(-1)!, VALUE)!, b) : null;
}

function plainOption(n: CstNode): CommandOption {
  const v = fieldNameLiteral(node(node(n, VALUE)!, 'fieldName')!);
  return { name: optionName(n), value: v.text, quoted: v.quoted, span: nodeSpan(n) };
}

function printFilter(name: string, f: TransactionFilter, p: Printer): string {
  if (f.kind === 'search') return `${name}=(${p.search(f.expr)})`;
  if (f.kind === 'eval') return `${name}=eval(${p.expression(f.expr)})`;
  return `${name}=${printTextLiteral(f.search, p)}`;
}

export const transactionSyntax: CommandSyntax<TransactionCommand> = {
  name: 'transaction',
  token: commandToken('transaction'),
  mode: 'search',
  evalArgs: true,
  wordRole: 'a field name',
  subrules: [
    { name: ARG, grammar: option },
    { name: VALUE, grammar: value, wordRole: 'a value', expects: 'a value' },
  ],
  grammar,
  build: (n, b) => ({
    kind: 'transaction',
    span: nodeSpan(n),
    fields: nodes(n, 'fieldName').map(b.fieldRef),
    options: nodes(n, ARG)
      .filter((o) => !/^(startswith|endswith)$/i.test(optionName(o)))
      .map(plainOption),
    startswith: lastFilter(n, 'startswith', b),
    endswith: lastFilter(n, 'endswith', b),
  }),
  print: (c, p) => {
    const parts = ['transaction', ...c.fields.map((f) => p.field(f.name)), ...c.options.map(p.option)];
    if (c.startswith) parts.push(printFilter('startswith', c.startswith, p));
    if (c.endswith) parts.push(printFilter('endswith', c.endswith, p));
    return parts.join(' ');
  },
};

/**
 * Token types. The lexer (lexer.ts) is hand-written and context-aware, so every token here has
 * `Lexer.NA` as its pattern: Chevrotain only uses the types and categories for parsing.
 *
 * Two lexical modes exist because SPL lexes differently by command: `search`-style arguments
 * (words such as `requestURI=/api/v1/pods` or `C:\\Windows\\*` stay whole) and eval expressions
 * (`a+b`, `'quoted field'`, numbers, operators). The command name decides the mode.
 */
import type { TokenType } from 'chevrotain';
import { createToken, Lexer } from './chevrotain.js';

// Chevrotain treats a present-but-undefined `categories` key as a category list, so omit it.
const t = (name: string, categories?: TokenType[]): TokenType =>
  createToken(categories ? { name, pattern: Lexer.NA, categories } : { name, pattern: Lexer.NA });

// Structure
export const Pipe = t('Pipe');
export const LBracket = t('LBracket');
export const RBracket = t('RBracket');
export const LParen = t('LParen');
export const RParen = t('RParen');
export const Comma = t('Comma');

// Comparison operators (both modes)
export const CompareOp = t('CompareOp');
export const Eq = t('Eq', [CompareOp]);
export const EqEq = t('EqEq', [CompareOp]);
export const NotEq = t('NotEq', [CompareOp]);
export const Lt = t('Lt', [CompareOp]);
export const Gt = t('Gt', [CompareOp]);
export const Le = t('Le', [CompareOp]);
export const Ge = t('Ge', [CompareOp]);

// Search/argument mode
/** A run of non-breaking characters, possibly with quoted sections: `a.b{}`, `-24h@h`, `"x".*`. */
export const Word = t('Word');
/** A double-quoted string standing alone: `"web error"`. Shared with expression mode. */
export const QuotedString = t('QuotedString');
/** Boolean operators of `search`: upper case only (spec 01 S3). */
export const And = t('And');
export const Or = t('Or');
export const Not = t('Not');
/** `AS`/`BY` in any case; `IN` only when followed by `(` (spec 01 S9). */
export const As = t('As');
export const By = t('By');
export const In = t('In');
/** `eval(` inside a search-mode command: what follows, up to the matching `)`, is an expression. */
export const EvalFn = t('EvalFn');

// Expression mode
export const Identifier = t('Identifier');
export const QuotedField = t('QuotedField');
export const NumberLit = t('NumberLit');
export const Plus = t('Plus');
export const Minus = t('Minus');
export const Star = t('Star');
export const Slash = t('Slash');
export const Percent = t('Percent');
export const Dot = t('Dot');
export const ExprAnd = t('ExprAnd');
export const ExprOr = t('ExprOr');
export const ExprXor = t('ExprXor');
export const ExprNot = t('ExprNot');
export const ExprLike = t('ExprLike');
export const ExprIn = t('ExprIn');

/** Every command-name token has this category; unknown names get `UnknownCommand`. */
export const CommandName = t('CommandName');
export const UnknownCommand = t('UnknownCommand', [CommandName]);

export const STRUCTURE_TOKENS = [Pipe, LBracket, RBracket, LParen, RParen, Comma];
export const OPERATOR_TOKENS = [CompareOp, Eq, EqEq, NotEq, Lt, Gt, Le, Ge];
export const SEARCH_TOKENS = [Word, QuotedString, And, Or, Not, As, By, In, EvalFn];
export const EXPR_TOKENS = [
  Identifier, QuotedField, NumberLit, Plus, Minus, Star, Slash, Percent, Dot,
  ExprAnd, ExprOr, ExprXor, ExprNot, ExprLike, ExprIn,
];

const commandTokens = new Map<string, TokenType>();

/** The token type of a command name (`stats` -> `StatsCmd`), created once per name. */
export function commandToken(name: string): TokenType {
  let tok = commandTokens.get(name);
  if (!tok) {
    const pascal = name.replace(/(^|_)(\w)/g, (_m, _u, c: string) => c.toUpperCase());
    tok = t(`${pascal}Cmd`, [CommandName]);
    commandTokens.set(name, tok);
  }
  return tok;
}

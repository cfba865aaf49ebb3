/**
 * One token of an eval expression (eval, where, and `eval(...)` inside stats).
 * Field names may contain dots and braces (`userIdentity.userName`, `user.groups{}`): a dot joins
 * a name only when another name character follows, so `first." ".last` still concatenates.
 * Keywords are case-insensitive here (security_content writes `and` inside eval).
 */
import type { TokenType } from 'chevrotain';
import { SplError } from '../errors/spl-error.js';
import * as T from './tokens.js';
import { scanQuoted, unbalancedQuotes } from './lex-scan.js';

export interface ExprTokenScan {
  readonly type: TokenType;
  readonly end: number;
}

const KEYWORDS: Record<string, TokenType> = {
  and: T.ExprAnd,
  or: T.ExprOr,
  xor: T.ExprXor,
  not: T.ExprNot,
  like: T.ExprLike,
  in: T.ExprIn,
};

const NUMBER = /\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?/y;

export function lexExprToken(text: string, pos: number): ExprTokenScan {
  const ch = text[pos]!;
  if (ch === '"' || ch === "'") {
    const end = scanQuoted(text, pos, ch);
    if (end < 0) throw unbalancedQuotes(pos);
    return { type: ch === '"' ? T.QuotedString : T.QuotedField, end };
  }
  if (isDigit(text.charCodeAt(pos)) || (ch === '.' && isDigit(text.charCodeAt(pos + 1)))) {
    NUMBER.lastIndex = pos;
    NUMBER.exec(text);
    return { type: T.NumberLit, end: NUMBER.lastIndex };
  }
  if (isNameStart(text, pos)) return identifier(text, pos);
  const op = operator(text, pos);
  if (op) return op;
  throw new SplError('L002', { char: JSON.stringify(ch) }, { span: { start: pos, end: pos + 1 } });
}

function identifier(text: string, pos: number): ExprTokenScan {
  let i = pos;
  while (i < text.length) {
    if (text.startsWith('<<', i)) {
      const close = text.indexOf('>>', i + 2);
      if (close > 0 && /^\w+$/.test(text.slice(i + 2, close))) {
        i = close + 2;
        continue;
      }
    }
    const c = text.charCodeAt(i);
    if (isNameChar(c) || (c === 46 /* . */ && isNameStart(text, i + 1))) i++;
    else break;
  }
  const keyword = KEYWORDS[text.slice(pos, i).toLowerCase()];
  return { type: keyword ?? T.Identifier, end: i };
}

function operator(text: string, pos: number): ExprTokenScan | undefined {
  const two = text.slice(pos, pos + 2);
  const twoChar: Record<string, TokenType> = { '==': T.EqEq, '!=': T.NotEq, '<=': T.Le, '>=': T.Ge };
  if (twoChar[two]) return { type: twoChar[two]!, end: pos + 2 };
  const one: Record<string, TokenType> = {
    '=': T.Eq, '<': T.Lt, '>': T.Gt, '+': T.Plus, '-': T.Minus, '*': T.Star, '/': T.Slash,
    '%': T.Percent, '.': T.Dot, '(': T.LParen, ')': T.RParen, ',': T.Comma, '!': T.ExprNot,
  };
  const type = one[text[pos]!];
  return type ? { type, end: pos + 1 } : undefined;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `{key}` starts a name too: eval's dynamic field names (`eval {key} = value`, security_content). */
function isNameStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 64 || c === 36 || c > 127 || c === 123 || isTemplate(text, i);
}

/** A foreach template `<<FIELD>>` at `i`; a lone `<<` is two operators (else the lexer would not advance). */
function isTemplate(text: string, i: number): boolean {
  TEMPLATE.lastIndex = i;
  return TEMPLATE.test(text);
}

const TEMPLATE = /<<\w+>>/y;

/** `:` joins names (`eval inbound:outbound = ...` in security_content); it is no operator in eval. */
function isNameChar(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 64 || c === 36 || c === 123 || c === 125 || c === 58 || c > 127;
}

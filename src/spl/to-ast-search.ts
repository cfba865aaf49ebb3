/** CST -> AST for search expressions (spec 01): AND/OR/NOT, terms, comparisons, IN, subsearches. */
import type { CstNode, IToken } from 'chevrotain';
import type * as A from './ast.js';
import { anyToken, node, nodes, nodeSpan, token, tokens, tokenSpan } from './cst-access.js';
import { unquote, isWhollyQuoted } from './unquote.js';
import { buildPipeline } from './to-ast.js';

export function buildSearchExpression(n: CstNode, text: string): A.SearchExpr {
  const items = nodes(n, 'searchOr').map((o) => buildOr(o, text));
  return items.length === 1 ? items[0]! : { kind: 'And', span: nodeSpan(n), items };
}

function buildOr(n: CstNode, text: string): A.SearchExpr {
  const items = nodes(n, 'searchNot').map((x) => buildNot(x, text));
  return items.length === 1 ? items[0]! : { kind: 'Or', span: nodeSpan(n), items };
}

function buildNot(n: CstNode, text: string): A.SearchExpr {
  const inner = node(n, 'searchNot');
  if (inner) return { kind: 'Not', span: nodeSpan(n), operand: buildNot(inner, text) };
  return buildPrimary(node(n, 'searchPrimary')!, text);
}

function buildPrimary(n: CstNode, text: string): A.SearchExpr {
  const group = node(n, 'searchGroup');
  if (group) return buildSearchExpression(node(group, 'searchExpression')!, text);
  const sub = node(n, 'subsearch');
  if (sub) return { kind: 'Subsearch', span: nodeSpan(sub), pipeline: buildPipeline(node(sub, 'pipeline')!, text) };
  const wrapped = node(n, 'wrappedTerm');
  if (wrapped) return { kind: 'Term', span: nodeSpan(wrapped), value: buildWrapped(wrapped) };
  return buildComparison(node(n, 'searchComparison')!, text);
}

function buildComparison(n: CstNode, text: string): A.SearchExpr {
  const left = anyToken(node(n, 'searchWord')!, 'Word', 'QuotedString', 'As', 'By')!;
  const op = token(n, 'CompareOp');
  const values = nodes(n, 'searchValue').map((v) => buildValue(v, text));
  if (op) return { kind: 'Compare', span: nodeSpan(n), field: unquote(left.image), op: searchOp(op.image), value: runOn(values[0]!, n, text) };
  if (token(n, 'In')) return { kind: 'In', span: nodeSpan(n), field: unquote(left.image), values };
  return { kind: 'Term', span: nodeSpan(n), value: plainValue(left) };
}

/** `a=b=c` written without spaces: the value is `b=c`, up to the last touching part. */
function runOn(value: A.SearchValue, n: CstNode, text: string): A.SearchValue {
  const rest = tokens(n, 'valueRest').at(-1);
  if (!rest) return value;
  const span = { start: value.span.start, end: tokenSpan(rest).end };
  return { text: unquote(text.slice(span.start, span.end)), quoted: false, caseSensitive: false, term: false, span };
}

/**
 * `search` documents `= != < <= > >=` only (spec 01 S6); `==` is read as `=`, as in eval, rather than
 * leaking an operator the matcher does not know.
 */
function searchOp(image: string): A.CompareOp {
  return image === '==' ? '=' : (image as A.CompareOp);
}

function buildValue(n: CstNode, text: string): A.SearchValue {
  const wrapped = node(n, 'wrappedTerm');
  if (wrapped) return buildWrapped(wrapped);
  const call = node(n, 'callTerm');
  if (call) {
    const span = nodeSpan(call);
    return { text: text.slice(span.start, span.end), quoted: false, caseSensitive: false, term: false, span };
  }
  return plainValue(anyToken(node(n, 'searchWord')!, 'Word', 'QuotedString', 'As', 'By')!);
}

function plainValue(tok: IToken): A.SearchValue {
  return { text: unquote(tok.image), quoted: isWhollyQuoted(tok.image), caseSensitive: false, term: false, span: tokenSpan(tok) };
}

/** `TERM(x)` matches x as one token; `CASE(x)` compares case-sensitively (spec 01 S13). */
function buildWrapped(n: CstNode): A.SearchValue {
  const fn = token(n, 'Word')!.image;
  const inner = plainValue(anyToken(node(n, 'searchWord')!, 'Word', 'QuotedString', 'As', 'By')!);
  return { ...inner, span: nodeSpan(n), term: fn === 'TERM', caseSensitive: fn === 'CASE' };
}

/** CST -> AST for eval expressions; left-associative chains become nested Binary nodes. */
import type { CstNode, IToken } from 'chevrotain';
import type * as A from './ast.js';
import { node, nodes, nodeSpan, token, tokenSpan } from './cst-access.js';
import { unquote, unquoteField } from './unquote.js';
import type { Span } from '../source/span.js';

export function buildExpression(n: CstNode, text: string): A.Expr {
  return chain(n, 'xorExpr', ['ExprOr'], text, buildXor);
}

const buildXor = (n: CstNode, text: string): A.Expr => chain(n, 'andExpr', ['ExprXor'], text, buildAnd);
const buildAnd = (n: CstNode, text: string): A.Expr => chain(n, 'notExpr', ['ExprAnd'], text, buildNot);

function buildNot(n: CstNode, text: string): A.Expr {
  const inner = node(n, 'notExpr');
  if (inner) return { kind: 'Unary', span: nodeSpan(n), op: 'NOT', operand: buildNot(inner, text) };
  return buildEquality(node(n, 'equalityExpr')!, text);
}

/** Operators of one precedence level, in text order, with their right operands. */
function chain(n: CstNode, operandRule: string, opKeys: string[], text: string, build: (n: CstNode, t: string) => A.Expr): A.Expr {
  const operands = nodes(n, operandRule);
  const ops = opKeys.flatMap((k) => (n.children[k] ?? []) as IToken[]).sort((a, b) => a.startOffset - b.startOffset);
  let left = build(operands[0]!, text);
  ops.forEach((op, i) => {
    const right = build(operands[i + 1]!, text);
    left = binary(opName(op), left, right);
  });
  return left;
}

function binary(op: A.BinaryOp, left: A.Expr, right: A.Expr): A.Expr {
  return { kind: 'Binary', span: { start: left.span.start, end: right.span.end }, op, left, right };
}

function opName(tok: IToken): A.BinaryOp {
  const upper = tok.image.toUpperCase();
  return (upper === '!' ? 'NOT' : upper) as A.BinaryOp;
}

/** Equality level mixes binary operators and `x IN (...)`, so walk its children in text order. */
function buildEquality(n: CstNode, text: string): A.Expr {
  const operands = nodes(n, 'relationalExpr');
  const steps = [...['Eq', 'EqEq', 'NotEq', 'ExprLike', 'ExprIn'].flatMap((k) => (n.children[k] ?? []) as IToken[])].sort(
    (a, b) => a.startOffset - b.startOffset,
  );
  const lists = nodes(n, 'argumentList');
  let left = buildRelational(operands[0]!, text);
  let operand = 1;
  let list = 0;
  for (const op of steps) {
    if (op.tokenType.name === 'ExprIn') {
      const l = lists[list++]!;
      const values = nodes(l, 'expression').map((e) => buildExpression(e, text));
      left = { kind: 'In', span: { start: left.span.start, end: nodeSpan(l).end }, operand: left, values };
    } else left = binary(opName(op), left, buildRelational(operands[operand++]!, text));
  }
  return left;
}

const buildRelational = (n: CstNode, text: string): A.Expr => chain(n, 'additiveExpr', ['Lt', 'Gt', 'Le', 'Ge'], text, buildAdditive);
const buildAdditive = (n: CstNode, text: string): A.Expr => chain(n, 'multiplicativeExpr', ['Plus', 'Minus', 'Dot'], text, buildMultiplicative);
const buildMultiplicative = (n: CstNode, text: string): A.Expr => chain(n, 'unaryExpr', ['Star', 'Slash', 'Percent'], text, buildUnary);

function buildUnary(n: CstNode, text: string): A.Expr {
  const inner = node(n, 'unaryExpr');
  if (inner) {
    const op = (token(n, 'Minus') ?? token(n, 'Plus'))!;
    return { kind: 'Unary', span: nodeSpan(n), op: op.image as '-' | '+', operand: buildUnary(inner, text) };
  }
  return buildPrimary(node(n, 'primaryExpr')!, text);
}

function buildPrimary(n: CstNode, text: string): A.Expr {
  const span = nodeSpan(n);
  const num = token(n, 'NumberLit');
  if (num) return { kind: 'Literal', span, value: Number(num.image) };
  const str = token(n, 'QuotedString');
  if (str) return { kind: 'Literal', span, value: unquote(str.image) };
  const qf = token(n, 'QuotedField');
  if (qf) return { kind: 'Field', span, name: unquoteField(qf.image) };
  const id = token(n, 'Identifier') ?? token(n, 'ExprLike') ?? token(n, 'ExprIn');
  if (id) return identifierOrCall(id, node(n, 'argumentList'), span, text);
  return buildExpression(node(n, 'expression')!, text);
}

function identifierOrCall(id: IToken, args: CstNode | undefined, span: Span, text: string): A.Expr {
  if (!args) return { kind: 'Field', span, name: id.image };
  const list = nodes(args, 'expression').map((e) => buildExpression(e, text));
  const name = id.tokenType.name === 'Identifier' ? id.image : id.image.toLowerCase();
  return { kind: 'Call', span, name, nameSpan: tokenSpan(id), args: list };
}


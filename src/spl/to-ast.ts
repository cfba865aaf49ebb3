/**
 * CST -> AST: the pipeline, the shared argument rules, and dispatch to each command module's
 * builder (src/spl/commands). Search and eval expression builders live in to-ast-search.ts and
 * to-ast-expr.ts. Every node gets a span in the expanded text.
 */
import type { CstNode } from 'chevrotain';
import type * as A from './ast.js';
import { COMMAND_SYNTAX } from './commands/index.js';
import { anyToken, isToken, node, nodes, nodeSpan, token, tokenSpan } from './cst-access.js';
import { buildExpression } from './to-ast-expr.js';
import { buildSearchExpression } from './to-ast-search.js';
import { isWhollyQuoted, unquote } from './unquote.js';
import type { Builder } from './syntax/types.js';

export function buildPipeline(n: CstNode, text: string): A.Pipeline {
  const b = builder(text);
  const commands: A.Command[] = [];
  const first = node(n, 'firstSegment');
  if (first) commands.push(buildFirstSegment(first, b));
  for (const c of nodes(n, 'command')) commands.push(buildCommand(c, b));
  const leadingPipe = !first && tokens(n).length > 0;
  return { kind: 'Pipeline', span: nodeSpan(n), leadingPipe, commands };
}

function tokens(n: CstNode) {
  return (n.children.Pipe ?? []).filter(isToken);
}

function buildFirstSegment(n: CstNode, b: Builder): A.Command {
  const expr = node(n, 'searchExpression');
  if (expr) return { kind: 'search', span: nodeSpan(n), implicit: true, expr: b.searchExpression(expr) };
  return buildCommand(node(n, 'command')!, b);
}

function buildCommand(n: CstNode, b: Builder): A.Command {
  for (const syntax of COMMAND_SYNTAX) {
    const child = node(n, `${syntax.name}Command`);
    if (child) return (syntax.build as (n: CstNode, b: Builder) => A.Command)(child, b);
  }
  throw new Error(`internal: no AST builder for command node ${JSON.stringify(Object.keys(n.children))}`);
}

/** The builders of the shared rules, for command modules. */
function builder(text: string): Builder {
  const b: Builder = {
    text,
    pipeline: (n) => buildPipeline(n, text),
    searchExpression: (n) => buildSearchExpression(n, text),
    expression: (n) => buildExpression(n, text),
    fieldName: fieldNameText,
    option: buildOption,
    aggregation: (n) => buildAggregation(n, b),
    fieldRef: (n) => ({ name: fieldNameText(n), span: nodeSpan(n) }),
    genericArg: (n) => buildGenericArg(n, b),
  };
  return b;
}

export function fieldNameText(n: CstNode): string {
  return unquote(anyToken(n, 'Word', 'QuotedString')!.image);
}

function buildOption(n: CstNode): A.CommandOption {
  const value = anyToken(node(n, 'fieldName')!, 'Word', 'QuotedString')!;
  return { name: token(n, 'Word')!.image, value: unquote(value.image), quoted: isWhollyQuoted(value.image), span: nodeSpan(n) };
}

function buildAggregation(n: CstNode, b: Builder): A.Aggregation {
  const fnTok = token(n, 'Word')!;
  const fieldNode = node(n, 'argField');
  const evalNode = node(n, 'evalArgument');
  const close = token(n, 'RParen');
  let arg: A.AggregationArg | null = null;
  if (fieldNode) arg = { kind: 'field', name: fieldNameText(fieldNode), span: nodeSpan(fieldNode) };
  if (evalNode) arg = { kind: 'eval', expr: b.expression(node(evalNode, 'expression')!), span: nodeSpan(evalNode) };
  const sparkNode = node(n, 'sparklineArgument');
  const sparkline = sparkNode ? buildSparkline(sparkNode) : undefined;
  // `sparkline(avg(bytes))` aggregates `bytes`: the field is the argument, so readers see it.
  if (sparkline?.field) arg = { kind: 'field', name: sparkline.field.name, span: sparkline.field.span };
  const alias = node(n, 'alias');
  const fnSpan = tokenSpan(fnTok);
  // The default output name is the aggregation as written: `values(verb)` (spec 03 T1).
  const written = close ? b.text.slice(fnSpan.start, tokenSpan(close).end) : fnTok.image;
  return {
    span: nodeSpan(n),
    fn: fnTok.image,
    fnSpan,
    arg,
    text: arg?.kind === 'field' && !sparkline ? `${fnTok.image}(${arg.name})` : written,
    as: alias ? fieldNameText(alias) + suffixText(node(n, 'aliasSuffix'), b.text) : null,
    ...(sparkline ? { sparkline } : {}),
  };
}

function buildSparkline(n: CstNode): A.SparklineArg {
  const fn = node(n, 'sparklineFunction')!;
  const field = node(n, 'sparklineField');
  const span = node(n, 'sparklineSpan');
  return {
    fn: fieldNameText(fn),
    fnSpan: nodeSpan(fn),
    field: field ? { name: fieldNameText(field), span: nodeSpan(field) } : null,
    span: span ? { text: fieldNameText(span), span: nodeSpan(span) } : null,
  };
}

function suffixText(n: CstNode | undefined, text: string): string {
  if (!n) return '';
  const span = nodeSpan(n);
  return text.slice(span.start, span.end);
}

const WORD_TOKENS = ['Word', 'QuotedString', 'As', 'By', 'And', 'Or', 'Not', 'In', 'Comma', 'CompareOp', 'Eq', 'EqEq', 'NotEq', 'Lt', 'Gt', 'Le', 'Ge'];

function buildGenericArg(n: CstNode, b: Builder): A.GenericArg {
  const span = nodeSpan(n);
  const option = node(n, 'commandOption');
  if (option) return { kind: 'option', span, option: buildOption(option) };
  const assign = node(n, 'genericAssignment');
  if (assign) return { kind: 'assign', span, name: token(assign, 'Word')!.image, value: buildGenericArg(node(assign, 'genericArg')!, b) };
  const group = node(n, 'genericGroup');
  if (group) return { kind: 'group', span, args: nodes(group, 'genericArg').map((a) => buildGenericArg(a, b)) };
  const sub = node(n, 'subsearch');
  if (sub) return { kind: 'subsearch', span, pipeline: b.pipeline(node(sub, 'pipeline')!) };
  const ev = node(n, 'evalArgument');
  if (ev) return { kind: 'eval', span, expr: b.expression(node(ev, 'expression')!) };
  const tok = anyToken(n, ...WORD_TOKENS)!;
  return { kind: 'word', span, image: tok.image, text: unquote(tok.image) };
}

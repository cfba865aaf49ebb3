/**
 * CST -> AST for the pipeline and the commands. Expression builders live in to-ast-expr.ts and
 * search-expression builders in to-ast-search.ts. Every node gets a span in the expanded text.
 */
import type { CstNode } from 'chevrotain';
import type * as A from './ast.js';
import { anyToken, node, nodes, nodeSpan, token, tokens, tokenSpan } from './cst-access.js';
import { buildExpression } from './to-ast-expr.js';
import { buildSearchExpression } from './to-ast-search.js';
import { unquote, isWhollyQuoted } from './unquote.js';

export function buildPipeline(n: CstNode, text: string): A.Pipeline {
  const commands: A.Command[] = [];
  const first = node(n, 'firstSegment');
  if (first) commands.push(buildFirstSegment(first, text));
  for (const c of nodes(n, 'command')) commands.push(buildCommand(c, text));
  const pipes = tokens(n, 'Pipe');
  const leadingPipe = !first && pipes.length > 0;
  return { kind: 'Pipeline', span: nodeSpan(n), leadingPipe, commands };
}

function buildFirstSegment(n: CstNode, text: string): A.Command {
  const expr = node(n, 'searchExpression');
  if (expr) return { kind: 'search', span: nodeSpan(n), implicit: true, expr: buildSearchExpression(expr, text) };
  return buildCommand(node(n, 'command')!, text);
}

type Builder = (n: CstNode, text: string) => A.Command;

/** Rule name -> AST builder; the grammar's `command` rule has exactly these alternatives. */
const BUILDERS: Record<string, Builder> = {
  searchCommand: buildSearchCommand,
  renameCommand: buildRename,
  statsCommand: buildStats,
  convertCommand: buildConvert,
};

function buildCommand(n: CstNode, text: string): A.Command {
  for (const [rule, build] of Object.entries(BUILDERS)) {
    const child = node(n, rule);
    if (child) return build(child, text);
  }
  throw new Error(`internal: no AST builder for command node ${JSON.stringify(Object.keys(n.children))}`);
}

function buildSearchCommand(n: CstNode, text: string): A.SearchCommand {
  const expr = node(n, 'searchExpression');
  return { kind: 'search', span: nodeSpan(n), implicit: false, expr: expr ? buildSearchExpression(expr, text) : null };
}

export function fieldNameText(n: CstNode): string {
  return unquote(anyToken(n, 'Word', 'QuotedString')!.image);
}

function buildRename(n: CstNode): A.RenameCommand {
  const pairs = nodes(n, 'renamePair').map((p): A.RenamePair => {
    const [from, to] = nodes(p, 'fieldName');
    return { from: fieldNameText(from!), to: fieldNameText(to!), span: nodeSpan(p) };
  });
  return { kind: 'rename', span: nodeSpan(n), pairs };
}

export function buildOption(n: CstNode): A.CommandOption {
  const value = anyToken(node(n, 'fieldName')!, 'Word', 'QuotedString')!;
  return {
    name: token(n, 'Word')!.image,
    value: unquote(value.image),
    quoted: isWhollyQuoted(value.image),
    span: nodeSpan(n),
  };
}

function buildStats(n: CstNode, text: string): A.StatsCommand {
  const by = node(n, 'byClause');
  return {
    kind: 'stats',
    span: nodeSpan(n),
    options: nodes(n, 'commandOption').map(buildOption),
    aggregations: nodes(n, 'aggregation').map((a) => buildAggregation(a, text)),
    by: by ? buildFieldList(by) : [],
  };
}

export function buildFieldList(n: CstNode): A.FieldRef[] {
  return nodes(n, 'fieldName').map((f) => ({ name: fieldNameText(f), span: nodeSpan(f) }));
}

export function buildAggregation(n: CstNode, text: string): A.Aggregation {
  const fnTok = token(n, 'Word')!;
  const fieldNode = node(n, 'argField');
  const evalNode = node(n, 'evalArgument');
  const close = token(n, 'RParen');
  let arg: A.AggregationArg | null = null;
  if (fieldNode) arg = { kind: 'field', name: fieldNameText(fieldNode), span: nodeSpan(fieldNode) };
  if (evalNode) arg = { kind: 'eval', expr: buildExpression(node(evalNode, 'expression')!, text), span: nodeSpan(evalNode) };
  const asNode = node(n, 'alias');
  const fnSpan = tokenSpan(fnTok);
  // The default output name is the aggregation as written: `values(verb)` (spec 03 T1).
  const written = close ? text.slice(fnSpan.start, tokenSpan(close).end) : fnTok.image;
  return {
    span: nodeSpan(n),
    fn: fnTok.image,
    fnSpan,
    arg,
    text: fieldNode ? `${fnTok.image}(${arg && arg.kind === 'field' ? arg.name : ''})` : written,
    as: asNode ? fieldNameText(asNode) : null,
  };
}

function buildConvert(n: CstNode): A.ConvertCommand {
  const conversions = nodes(n, 'conversion').map((c): A.Conversion => {
    const field = node(c, 'argField');
    const as = node(c, 'alias');
    const fnTok = token(c, 'Word')!;
    return { span: nodeSpan(c), fn: fnTok.image, fnSpan: tokenSpan(fnTok), field: fieldNameText(field!), as: as ? fieldNameText(as) : null };
  });
  return { kind: 'convert', span: nodeSpan(n), options: nodes(n, 'commandOption').map(buildOption), conversions };
}

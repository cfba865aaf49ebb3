/**
 * searchmatch(<search_str>) (Search Reference, "Comparison and Conditional functions"): true when
 * the result matches the search string with the `search` command's own semantics (spec 01: terms
 * against `_raw`, case-insensitive, field=value with wildcards, AND/OR/NOT, time terms). The
 * string must be a literal: it is parsed and compiled once, when the search is bound, by the same
 * search compiler the `search` command uses (src/search/compile.ts); errors inside it point into
 * the literal. Kept apart from conditional.ts because it needs the parser and search compiler.
 */
import { SplError } from '../../errors/spl-error.js';
import { compileSearch } from '../../search/compile.js';
import { respan } from '../../search/subsearch-expr.js';
import type { Expr, SearchExpr, Span } from '../../spl/ast.js';
import { parse } from '../../spl/parse.js';
import type { CallSite, EvalFunction } from './define.js';

const PREFIX = 'search ';

const searchmatch: EvalFunction = {
  name: 'searchmatch',
  minArgs: 1,
  maxArgs: 1,
  compile(_args, site) {
    const arg = site.args[0]!;
    if (arg.kind !== 'Literal' || typeof arg.value !== 'string') {
      const reason = 'searchmatch(): the search string must be a quoted string literal';
      throw new SplError('B103', { command: site.ctx.command, reason }, { span: arg.span });
    }
    const expr = searchExpression(arg.value, arg.span, site.ctx.command);
    const matches = compileSearch(expr, {
      clock: site.ctx.clock,
      onSubsearch: () => {
        throw noSubsearch(site, arg);
      },
    });
    return (row) => matches(row);
  },
};

/**
 * The literal's text parsed as the body of a `search` command (an empty one matches every
 * result). Spans move into the literal when its text is written without escapes (same length),
 * else they all point at the literal.
 */
function searchExpression(text: string, literal: Span, command: string): SearchExpr {
  if (text.trim() === '') return { kind: 'And', span: literal, items: [] };
  const exact = literal.end - literal.start - 2 === text.length;
  const delta = literal.start + 1 - PREFIX.length;
  const place = (s: Span): Span => (exact ? { start: Math.max(s.start + delta, literal.start + 1), end: Math.max(s.end + delta, literal.start + 1) } : literal);
  let pipeline;
  try {
    pipeline = parse(PREFIX + text);
  } catch (e) {
    if (!(e instanceof SplError) || !e.span) throw e;
    throw new SplError(e.code, e.params, { span: place(e.span), hints: e.hints, notes: [...e.notes, 'in the search string of searchmatch()'] });
  }
  const first = pipeline.commands[0];
  if (pipeline.commands.length !== 1 || first?.kind !== 'search' || !first.expr) {
    throw new SplError('B103', { command, reason: 'searchmatch(): the search string must be a search expression, without "|"' }, { span: literal });
  }
  return respan(first.expr, place);
}

function noSubsearch(site: CallSite, arg: Expr): SplError {
  const reason = 'searchmatch(): the search string cannot hold a subsearch';
  return new SplError('B103', { command: site.ctx.command, reason }, { span: arg.span });
}

export const SEARCH_FUNCTIONS: readonly EvalFunction[] = [searchmatch];

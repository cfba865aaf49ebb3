/**
 * `reset_before=(<eval-expression>)` / `reset_after=(...)` of streamstats: the AST keeps the
 * condition's text (search-mode lexing cannot read it), so it is parsed here, at bind time, as
 * the expression of a `where` command and compiled once. When the text is exactly what the query
 * holds at its span, it is parsed in place (padded to its offset) so errors point into it;
 * otherwise (a quoted value with escapes) errors point at the whole condition.
 */
import { SplError } from '../errors/spl-error.js';
import { compileExpression } from '../eval/compile.js';
import type { CompileContext, Compiled } from '../eval/types.js';
import { parse } from '../spl/parse.js';
import type { ResetCondition } from '../spl/commands/streamstats.js';

const PREFIX = '|where ';

export function compileCondition(cond: ResetCondition, ctx: CompileContext): Compiled {
  const inPlace = cond.span.end - cond.span.start === cond.text.length && cond.span.start >= PREFIX.length;
  const source = inPlace ? ' '.repeat(cond.span.start - PREFIX.length) + PREFIX + cond.text : PREFIX + cond.text;
  const relocate = (e: unknown): never => {
    if (e instanceof SplError && !inPlace) throw new SplError(e.code, e.params, { span: cond.span, hints: e.hints });
    throw e;
  };
  if (cond.text.trim() === '') throw invalid(cond);
  try {
    const pipeline = parse(source);
    const cmd = pipeline.commands[0];
    if (pipeline.commands.length !== 1 || cmd?.kind !== 'where') throw invalid(cond);
    return compileExpression(cmd.expr, ctx);
  } catch (e) {
    return relocate(e);
  }
}

function invalid(cond: ResetCondition): SplError {
  const params = { command: 'streamstats', option: 'reset condition', value: cond.text, expected: 'one eval expression' };
  return new SplError('B301', params, { span: cond.span });
}

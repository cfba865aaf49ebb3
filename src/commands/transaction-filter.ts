/**
 * The `startswith=` / `endswith=` conditions of transaction, compiled once: a search expression
 * `(...)`, an eval expression `eval(...)` (true when the result is true), or a quoted string,
 * which Splunk reads as a search expression (`startswith="login"` looks for the term `login`).
 */
import type { Row } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import { asCondition } from '../eval/coerce.js';
import { compileExpression } from '../eval/compile.js';
import { compileSearch, type RowPredicate } from '../search/compile.js';
import type { SearchExpr, Span } from '../spl/ast.js';
import type { TransactionFilter } from '../spl/commands/transaction.js';
import { parse } from '../spl/parse.js';
import type { Clock } from '../time/clock.js';

export function compileTransactionFilter(filter: TransactionFilter, clock: Clock): RowPredicate {
  if (filter.kind === 'eval') {
    const test = compileExpression(filter.expr, { clock, command: 'transaction' });
    return (row: Row) => asCondition(test(row)) === true;
  }
  if (filter.kind === 'search') return searchPredicate(filter.expr, clock);
  const expr = parseSearchString(filter.search.text, filter.span);
  try {
    return searchPredicate(expr, clock);
  } catch (e) {
    // Spans inside the string point into the parsed copy; report at the string itself.
    if (e instanceof SplError) throw new SplError(e.code, e.params, { span: filter.span, hints: e.hints, notes: e.notes });
    throw e;
  }
}

function searchPredicate(expr: SearchExpr, clock: Clock): RowPredicate {
  return compileSearch(expr, {
    clock,
    onSubsearch: (sub) => {
      throw new SplError('B408', { reason: 'a subsearch cannot be a startswith/endswith condition' }, { span: sub.span });
    },
  });
}

/** The search expression a quoted filter string holds. */
function parseSearchString(text: string, span: Span): SearchExpr {
  const reason = `'${text}' is not a search expression`;
  try {
    const pipeline = parse(`search ${text}`);
    const first = pipeline.commands[0];
    if (pipeline.commands.length === 1 && first?.kind === 'search' && first.expr) return first.expr;
  } catch (e) {
    if (!(e instanceof SplError)) throw e;
  }
  throw new SplError('B408', { reason }, { span });
}

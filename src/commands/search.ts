/**
 * `search`: keep the results that match the search expression (spec 01). A subsearch in the
 * expression ran before binding; its results stand for the filter `format` makes of them.
 */
import { SplError } from '../errors/spl-error.js';
import { compileSearch, type SearchCompileContext } from '../search/compile.js';
import { subsearchExpr, subsearchesOf } from '../search/subsearch-expr.js';
import { formatRows } from '../search/subsearch-format.js';
import type { SearchCommand } from '../spl/ast.js';
import { streaming, type BindContext, type CommandImpl } from './types.js';

export const searchCommand: CommandImpl<SearchCommand> = {
  kind: 'search',
  needsOrder: false,
  subsearches: (cmd) => subsearchesOf(cmd.expr).map((s) => s.pipeline),
  compile(cmd, ctx) {
    if (!cmd.expr) throw new SplError('P008', { command: 'search', what: 'a search expression' }, { span: cmd.span });
    const keep = compileSearch(cmd.expr, searchContext(ctx));
    return streaming((row, next) => {
      if (keep(row)) next.push(row);
    });
  },
};

/** limits.conf [subsearch] maxout: results past it are dropped before formatting. */
function searchContext(ctx: BindContext): SearchCompileContext {
  const compileContext: SearchCompileContext = {
    clock: ctx.clock,
    onSubsearch: (sub) => {
      const rows = ctx.services.subsearchResults(sub.pipeline).slice(0, ctx.services.limits.subsearchMaxResults);
      return compileSearch(subsearchExpr(formatRows(rows), sub.span), compileContext);
    },
  };
  return compileContext;
}

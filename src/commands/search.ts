/** `search`: keep the results that match the search expression (spec 01). */
import { SplError } from '../errors/spl-error.js';
import { compileSearch } from '../search/compile.js';
import type { SearchCommand } from '../spl/ast.js';
import { streaming, type CommandImpl } from './types.js';

export const searchCommand: CommandImpl<SearchCommand> = {
  kind: 'search',
  needsOrder: false,
  compile(cmd, ctx) {
    if (!cmd.expr) throw new SplError('P008', { command: 'search', what: 'a search expression' }, { span: cmd.span });
    const keep = compileSearch(cmd.expr, {
      clock: ctx.clock,
      onSubsearch: (sub) => {
        throw new SplError('B007', { command: 'search' }, { span: sub.span, notes: ['subsearches are parsed but cannot execute yet'] });
      },
    });
    return streaming((row, next) => {
      if (keep(row)) next.push(row);
    });
  },
};

/** `where <expression>`: keep the results for which the expression is true (null is not true). */
import { asCondition } from '../eval/coerce.js';
import { compileExpression } from '../eval/compile.js';
import type { WhereCommand } from '../spl/commands/index.js';
import { streaming, type CommandImpl } from './types.js';

export const whereCommand: CommandImpl<WhereCommand> = {
  kind: 'where',
  needsOrder: false,
  compile(cmd, bind) {
    const test = compileExpression(cmd.expr, { clock: bind.clock, command: 'where' });
    return streaming((row, next) => {
      if (asCondition(test(row)) === true) next.push(row);
    });
  },
};

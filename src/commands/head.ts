/**
 * `head [N | (expr)] [limit=N] [null=bool] [keeplast=bool]`: the first results in search order.
 * Search Reference, "head":
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.3/search-commands/head
 * - N or limit= (not both) caps the count, default 10 when neither an expression is given;
 * - with an expression, results pass while it is true; the first result where it is false ends
 *   the command, and is kept when keeplast=true; a null result counts as false unless null=true;
 * - with both, the smaller constraint applies.
 */
import { asCondition } from '../eval/coerce.js';
import { compileExpression } from '../eval/compile.js';
import type { Compiled } from '../eval/types.js';
import { SplError } from '../errors/spl-error.js';
import type { HeadCommand } from '../spl/commands/index.js';
import { OptionReader } from './shared/options.js';
import { timeOrderOperator } from '../exec/time-order.js';
import { searchOrder } from './shared/sort-compare.js';
import { sortingSink } from './sort.js';
import type { CommandImpl, Operator, Sink } from './types.js';

const DEFAULT_COUNT = 10;

interface HeadPlan {
  readonly limit: number;
  readonly test: Compiled | null;
  readonly nullPasses: boolean;
  readonly keepLast: boolean;
}

export const headCommand: CommandImpl<HeadCommand> = {
  kind: 'head',
  needsOrder: false,
  compile(cmd, ctx) {
    const options = new OptionReader('head', cmd.options, ['limit', 'null', 'keeplast']);
    const limitOption = options.get('limit');
    if (cmd.count !== null && limitOption) throw new SplError('B203', {}, { span: limitOption.span });
    if (cmd.count !== null && !Number.isInteger(cmd.count)) {
      throw options.invalid({ name: 'count', value: String(cmd.count), quoted: false, span: cmd.span }, 'a whole number');
    }
    const test = cmd.while ? compileExpression(cmd.while, { clock: ctx.clock, command: 'head' }) : null;
    const plan: HeadPlan = {
      limit: cmd.count ?? options.integer('limit', test ? Infinity : DEFAULT_COUNT),
      test,
      nullPasses: options.boolean('null', false),
      keepLast: options.boolean('keeplast', false),
    };
    if (ctx.order === 'ordered' || plan.limit <= 0) {
      return { operator: (next) => headSink(plan, next), ordersOutput: false, transforms: false };
    }
    // Events still in reading order: a plain count keeps only the N newest; an expression needs them all in order.
    const operator: Operator = plan.test
      ? (next) => timeOrderOperator(headSink(plan, next))
      : (next) => sortingSink(searchOrder, plan.limit, next);
    return { operator, ordersOutput: true, transforms: false };
  },
};

function headSink(plan: HeadPlan, next: Sink): Sink {
  let passed = 0;
  let done = plan.limit <= 0;
  return {
    push: (row) => {
      if (done) return;
      if (plan.test) {
        const c = asCondition(plan.test(row));
        if (!(c === true || (c === null && plan.nullPasses))) {
          done = true;
          if (plan.keepLast) next.push(row);
          return;
        }
      }
      next.push(row);
      if (++passed >= plan.limit) done = true;
    },
    end: () => next.end(),
  };
}

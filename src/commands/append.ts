/**
 * `append [extendtimerange=<bool>] [maxtime=<int>] [maxout=<int>] [timeout=<int>] [subsearch]`:
 * the subsearch's results (at most maxout, default 50,000) follow the current results, in their
 * own order. maxtime/timeout bound run time and extendtimerange the job's time range in Splunk;
 * here every search reads the same inputs and window, so they are accepted and have no effect.
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/append
 */
import type { AppendCommand } from '../spl/commands/append.js';
import { copyRow } from './blocking.js';
import { SUBSEARCH_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import type { CommandImpl } from './types.js';

const OPTIONS = ['extendtimerange', 'maxtime', 'maxout', 'timeout'];

export const appendCommand: CommandImpl<AppendCommand> = {
  kind: 'append',
  needsOrder: true,
  subsearches: (cmd) => [cmd.subsearch],
  compile(cmd, ctx) {
    const opts = new OptionReader('append', cmd.options, OPTIONS, SUBSEARCH_OPTION_RULES);
    opts.boolean('extendtimerange', false);
    opts.integer('maxtime', 60);
    opts.integer('timeout', 60);
    const maxout = opts.integer('maxout', 50_000);
    const appended = ctx.services.subsearchResults(cmd.subsearch).slice(0, maxout);
    return {
      operator: (next) => ({
        push: (row) => next.push(row),
        end: () => {
          // Copies: a later command may change rows in place, and a subsearch's rows are shared.
          for (const row of appended) next.push(copyRow(row));
          next.end();
        },
      }),
      ordersOutput: true,
      transforms: false,
    };
  },
};

/**
 * `appendpipe [run_in_preview=<bool>] [<subpipeline>]`: the subpipeline runs over the results so
 * far when the search reaches it (not first, unlike a subsearch) and its output follows them.
 * It gets copies, so `appendpipe [eval user="TOTAL"]` leaves the original results alone. Subsearches
 * inside the subpipeline still run first, with the search's other subsearches.
 * https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/appendpipe
 */
import type { AppendpipeCommand } from '../spl/commands/appendpipe.js';
import { blocking, copyRow } from './blocking.js';
import { rowLimit } from './limit-guard.js';
import { SUBSEARCH_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import type { CommandImpl } from './types.js';

export const appendpipeCommand: CommandImpl<AppendpipeCommand> = {
  kind: 'appendpipe',
  needsOrder: true,
  subsearches: (cmd, within) => within(cmd.pipeline),
  compile(cmd, ctx) {
    const options = new OptionReader('appendpipe', cmd.options, ['run_in_preview'], SUBSEARCH_OPTION_RULES);
    options.boolean('run_in_preview', true);
    const run = ctx.services.compileNested(cmd.pipeline);
    return {
      operator: blocking((rows, next) => {
        const appended = run(rows.map(copyRow));
        for (const row of rows) next.push(row);
        for (const row of appended) next.push(row);
      }, () => rowLimit(ctx.services.limits, 'appendpipe', cmd.span)),
      ordersOutput: true,
      transforms: false,
    };
  },
};

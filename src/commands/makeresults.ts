/**
 * `| makeresults [count=<int>] [annotate=<bool>] [splunk_server=<str>] [splunk_server_group=<str>]`:
 * `count` results (default 1) holding only `_time`, the search's time in whole seconds (Search
 * Reference, makeresults). `annotate=t` also gives `splunk_server`, the server that ran it; the
 * other annotate fields (`_raw`, `host`, `source`, `sourcetype`, `splunk_server_group`) are
 * documented as "None", so they stay absent. Offline the server is `local`, Splunk's name for the
 * search head. `format=`/`data=` (inline CSV or JSON) are not supported yet.
 */
import { newRow } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import type { MakeresultsCommand } from '../spl/commands/makeresults.js';
import { LOOKUP_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import type { CommandImpl } from './types.js';

const OPTIONS = ['count', 'annotate', 'splunk_server', 'splunk_server_group', 'format', 'data'];

export const makeresultsCommand: CommandImpl<MakeresultsCommand> = {
  kind: 'makeresults',
  needsOrder: false,
  generating: true,
  compile(cmd, ctx) {
    const options = new OptionReader('makeresults', cmd.options, OPTIONS, LOOKUP_OPTION_RULES);
    for (const name of ['format', 'data']) {
      const o = options.get(name);
      if (!o) continue;
      const reason = `option '${o.name}' (results from inline data) is not supported yet`;
      throw new SplError('B008', { command: 'makeresults', reason }, { span: o.span });
    }
    const count = options.integer('count', 1);
    const annotate = options.boolean('annotate', false);
    const server = options.get('splunk_server')?.value ?? 'local';
    const time = Math.floor(ctx.clock.now);
    return {
      operator: (next) => ({
        push: () => undefined,
        end: () => {
          for (let i = 0; i < count; i++) {
            const row = newRow(i);
            row.fields.set('_time', time);
            if (annotate) row.fields.set('splunk_server', server);
            next.push(row);
          }
          next.end();
        },
      }),
      ordersOutput: false,
      transforms: false,
    };
  },
};

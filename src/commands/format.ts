/**
 * `format`: all results become one result whose `search` field holds the OR-of-ANDs search text
 * (the same text a subsearch is replaced by). Options: mvsep, maxresults, emptystr and the six
 * layout strings.
 * https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/format
 */
import { newRow } from '../data/event.js';
import { formatRows, formatText, type FormatLayout } from '../search/subsearch-format.js';
import type { FormatCommand } from '../spl/commands/format.js';
import { blocking } from './blocking.js';
import { SUBSEARCH_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import type { CommandImpl } from './types.js';

export const formatCommand: CommandImpl<FormatCommand> = {
  kind: 'format',
  needsOrder: true,
  compile(cmd) {
    const opts = new OptionReader('format', cmd.options, ['mvsep', 'maxresults', 'emptystr'], SUBSEARCH_OPTION_RULES);
    const maxResults = opts.integer('maxresults', 0);
    const text = { layout: layoutOf(cmd), mvsep: opts.string('mvsep', 'OR'), emptystr: opts.get('emptystr')?.value };
    return {
      operator: blocking((rows, next) => {
        const row = newRow(0);
        row.fields.set('search', formatText(formatRows(rows, maxResults), text));
        next.push(row);
      }),
      ordersOutput: true,
      transforms: true,
    };
  },
};

function layoutOf(cmd: FormatCommand): FormatLayout | undefined {
  if (!cmd.layout) return undefined;
  const { span: _span, ...layout } = cmd.layout;
  return layout;
}

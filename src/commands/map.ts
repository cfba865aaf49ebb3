/**
 * `map search="<search>" [maxsearches=<int>]` (or `map [subsearch]`): for each of the first
 * maxsearches (default 10) input results, `$field$` in the search is replaced by that result's
 * value of the field and `$_serial_id$` by the search's number (1, 2, ...); the searches run over
 * the job's events and their results are concatenated in input order.
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.3/search-commands/map
 *
 * Design: map is a blocking operator: it holds its input rows, and at the end of its input runs
 * one search per row through `services.runSearch`, synchronously over the events the pipeline
 * module read into memory because the query uses map (src/nested-search.ts). That works the same
 * inside `appendpipe [| map ...]` (the corpus's usual form), where no reader can be awaited. A
 * text search is substituted as text (Splunk's semantics), then expanded with the job's macros
 * and parsed; its errors become R601 at the `search=` value, with the search in a note.
 */
import { valuesOf, type Row } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import { scalarText } from '../eval/values.js';
import type { Pipeline, Span } from '../spl/ast.js';
import type { MapCommand } from '../spl/commands/map.js';
import { blocking } from './blocking.js';
import { rowLimit } from './limit-guard.js';
import { SUBSEARCH_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import { mapStrings } from './template.js';
import type { CommandImpl } from './types.js';

const TOKEN = /\$([^$\s]+)\$/g;

export const mapCommand: CommandImpl<MapCommand> = {
  kind: 'map',
  needsOrder: true,
  compile(cmd, ctx) {
    const options = new OptionReader('map', cmd.options, ['maxsearches'], SUBSEARCH_OPTION_RULES);
    const maxsearches = options.integer('maxsearches', 10);
    const search = cmd.search;
    if (search.kind === 'saved') {
      const reason = `saved searches are not available offline ('${search.name}')`;
      throw new SplError('B603', { command: 'map', reason }, { span: search.span });
    }
    const runOne = (row: Row, n: number): Row[] => {
      if (search.kind === 'subsearch') {
        return ctx.services.runSearch(mapStrings(search.pipeline, (s) => substitute(s, row, n)) as Pipeline, search.span);
      }
      const text = substitute(search.text, row, n);
      return runText(() => ctx.services.runSearch(text, search.textSpan), text, n, search.textSpan);
    };
    return {
      operator: blocking((rows, next) => {
        rows.slice(0, maxsearches).forEach((row, i) => {
          for (const out of runOne(row, i + 1)) next.push(out);
        });
      }, () => rowLimit(ctx.services.limits, 'map', cmd.span)),
      ordersOutput: true,
      transforms: false,
    };
  },
};

/**
 * `$name$` -> the row's value (a multivalue field's values joined by a space); `$_serial_id$` ->
 * the search's number. A token naming a field the row lacks is left as written.
 */
export function substitute(text: string, row: Row, serial: number): string {
  return text.replace(TOKEN, (whole, name: string) => {
    if (name === '_serial_id') return String(serial);
    const v = row.fields.get(name);
    return v === undefined ? whole : valuesOf(v).map(scalarText).join(' ');
  });
}

/** Errors inside a text search have spans in that text, not the query: report them at map. */
function runText(run: () => Row[], text: string, n: number, span: Span): Row[] {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof SplError)) throw e;
    throw new SplError('R601', { n, reason: e.message }, { span, notes: [`search: ${text}`] });
  }
}

/**
 * `| multisearch [search ...] [search ...] ...`: a generating command; every subsearch runs over
 * the events and their results are interleaved newest first by `_time` (ties keep subsearch order).
 * Only streaming commands may appear in the subsearches (Splunk's error otherwise).
 * https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/multisearch
 */
import type { Row } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import type { MultisearchCommand } from '../spl/commands/multisearch.js';
import { commandName } from '../spl/commands/index.js';
import { copyRow } from './blocking.js';
import type { CommandImpl } from './types.js';

/** Distributable streaming commands: what a multisearch subsearch may hold. */
const STREAMING = new Set([
  'search', 'where', 'eval', 'rename', 'fields', 'rex', 'regex', 'spath', 'convert', 'lookup', 'fillnull',
  'makemv', 'mvexpand', 'replace', 'bin', 'bucket', 'iplocation', 'extract', 'kv', 'xmlkv', 'multikv', 'fromjson',
  'addinfo', 'strcat', 'nomv', 'mvcombine', 'typer', 'tags', 'reltime', 'untable',
]);

export const multisearchCommand: CommandImpl<MultisearchCommand> = {
  kind: 'multisearch',
  needsOrder: false,
  generating: true,
  subsearches: (cmd) => cmd.searches,
  compile(cmd, ctx) {
    cmd.searches.forEach((search, i) => {
      const bad = search.commands.find((c) => !STREAMING.has(commandName(c)));
      if (bad) throw new SplError('B604', { index: i + 1, found: commandName(bad) }, { span: bad.span });
    });
    const results = cmd.searches.map((s) => ctx.services.subsearchResults(s));
    return {
      operator: (next) => ({
        push: (row) => next.push(row),
        end: () => {
          for (const row of interleave(results)) next.push(row);
          next.end();
        },
      }),
      ordersOutput: true,
      transforms: false,
    };
  },
};

/** Newest first; a stable sort keeps subsearch order, then each subsearch's own order, on ties. */
function interleave(results: readonly (readonly Row[])[]): Row[] {
  const all = results.flatMap((rows) => rows.map(copyRow));
  const time = (r: Row): number => {
    const t = r.fields.get('_time');
    return typeof t === 'number' ? t : typeof t === 'string' && t !== '' ? Number(t) : -Infinity;
  };
  all.sort((a, b) => time(b) - time(a) || 0);
  all.forEach((row, i) => (row.seq = i));
  return all;
}

/**
 * COMMANDS: command kinds of the AST mapped to their implementations, one line each. A kind the
 * grammar knows but nobody implemented yet parses and validates, and binding reports it as
 * "cannot execute yet" (B007) instead of running it wrongly.
 */
import type { Command } from '../spl/ast.js';
import { convertCommand } from './convert.js';
import { evalCommand } from './eval.js';
import { whereCommand } from './where.js';
import { renameCommand } from './rename.js';
import { searchCommand } from './search.js';
import { statsCommand } from './stats.js';
import { lookupCommand } from './lookup.js';
import { inputlookupCommand } from './inputlookup.js';
import { outputlookupCommand } from './outputlookup.js';
import { makeresultsCommand } from './makeresults.js';
import { tableCommand } from './table.js';
import { fieldsCommand } from './fields.js';
import { sortCommand } from './sort.js';
import { dedupCommand } from './dedup.js';
import { headCommand } from './head.js';
import { tailCommand } from './tail.js';
import { fillnullCommand } from './fillnull.js';
import { topCommand } from './top.js';
import { rareCommand } from './rare.js';
import { binCommand } from './bin.js';
import { rexCommand } from './rex.js';
import { regexCommand } from './regex.js';
import { spathCommand } from './spath.js';
import { mvexpandCommand } from './mvexpand.js';
import { makemvCommand } from './makemv.js';
import { xmlkvCommand } from './xmlkv.js';
import { fromjsonCommand } from './fromjson.js';
import { transactionCommand } from './transaction.js';
import { iplocationCommand } from './iplocation.js';
import { timechartCommand } from './timechart.js';
import { chartCommand } from './chart.js';
import { eventstatsCommand } from './eventstats.js';
import { streamstatsCommand } from './streamstats.js';
import { untableCommand } from './untable.js';
import { xyseriesCommand } from './xyseries.js';
import { formatCommand } from './format.js';
import { returnCommand } from './return.js';
import { joinCommand } from './join.js';
import { appendCommand } from './append.js';
import { appendpipeCommand } from './appendpipe.js';
import { multisearchCommand } from './multisearch.js';
import { foreachCommand } from './foreach.js';
import { mapCommand } from './map.js';
import { addtotalsCommand } from './addtotals.js';
import { replaceCommand } from './replace.js';
import { extractCommand } from './extract.js';
import { multikvCommand } from './multikv.js';
import type { CommandImpl } from './types.js';

type Registry = { readonly [K in Command['kind']]?: CommandImpl<Extract<Command, { kind: K }>> };

export const COMMANDS: Registry = {
  search: searchCommand,
  rename: renameCommand,
  stats: statsCommand,
  convert: convertCommand,
  eval: evalCommand,
  where: whereCommand,
  lookup: lookupCommand,
  inputlookup: inputlookupCommand,
  outputlookup: outputlookupCommand,
  makeresults: makeresultsCommand,
  table: tableCommand,
  fields: fieldsCommand,
  sort: sortCommand,
  dedup: dedupCommand,
  head: headCommand,
  tail: tailCommand,
  fillnull: fillnullCommand,
  top: topCommand,
  rare: rareCommand,
  bin: binCommand,
  rex: rexCommand,
  regex: regexCommand,
  spath: spathCommand,
  mvexpand: mvexpandCommand,
  makemv: makemvCommand,
  xmlkv: xmlkvCommand,
  fromjson: fromjsonCommand,
  transaction: transactionCommand,
  iplocation: iplocationCommand,
  timechart: timechartCommand,
  chart: chartCommand,
  eventstats: eventstatsCommand,
  streamstats: streamstatsCommand,
  untable: untableCommand,
  xyseries: xyseriesCommand,
  format: formatCommand,
  return: returnCommand,
  join: joinCommand,
  append: appendCommand,
  appendpipe: appendpipeCommand,
  multisearch: multisearchCommand,
  foreach: foreachCommand,
  map: mapCommand,
  addtotals: addtotalsCommand,
  replace: replaceCommand,
  extract: extractCommand,
  multikv: multikvCommand,
};

export function commandImpl<C extends Command>(cmd: C): CommandImpl<C> | undefined {
  return COMMANDS[cmd.kind] as unknown as CommandImpl<C> | undefined;
}

export { commandName } from '../spl/commands/index.js';

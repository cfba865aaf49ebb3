/**
 * COMMAND_SYNTAX: every command the grammar knows, one line each. The lexer (modes), the parser
 * (one rule per command), the AST builder and the printer all read this table; the AST's
 * `Command` union is derived from it.
 */
import { convertSyntax } from './convert.js';
import { evalSyntax } from './eval.js';
import { genericCommand } from './generic.js';
import { rexSyntax } from './rex.js';
import { regexSyntax } from './regex.js';
import { spathSyntax } from './spath.js';
import { mvexpandSyntax } from './mvexpand.js';
import { makemvSyntax } from './makemv.js';
import { xmlkvSyntax } from './xmlkv.js';
import { fromjsonSyntax } from './fromjson.js';
import { iplocationSyntax } from './iplocation.js';
import { transactionSyntax } from './transaction.js';
import { replaceSyntax } from './replace.js';
import { extractSyntax } from './extract.js';
import { multikvSyntax } from './multikv.js';
import { fromSyntax } from './from.js';
import { inputlookupSyntax } from './inputlookup.js';
import { lookupSyntax } from './lookup.js';
import { mstatsSyntax } from './mstats.js';
import { outputlookupSyntax } from './outputlookup.js';
import { tstatsSyntax } from './tstats.js';
import { anomalydetectionSyntax } from './anomalydetection.js';
import { appendSyntax } from './append.js';
import { appendpipeSyntax } from './appendpipe.js';
import { applySyntax } from './apply.js';
import { fitSyntax } from './fit.js';
import { foreachSyntax } from './foreach.js';
import { formatSyntax } from './format.js';
import { joinSyntax } from './join.js';
import { makecontinuousSyntax } from './makecontinuous.js';
import { makeresultsSyntax } from './makeresults.js';
import { mapSyntax } from './map.js';
import { multisearchSyntax } from './multisearch.js';
import { outlierSyntax } from './outlier.js';
import { returnSyntax } from './return.js';
import { summarySyntax } from './summary.js';
import { renameSyntax } from './rename.js';
import { searchSyntax } from './search.js';
import { statsSyntax } from './stats.js';
import { whereSyntax } from './where.js';
import { tableSyntax } from './table.js';
import { fieldsSyntax } from './fields.js';
import { eventstatsSyntax } from './eventstats.js';
import { streamstatsSyntax } from './streamstats.js';
import { fillnullSyntax } from './fillnull.js';
import { dedupSyntax } from './dedup.js';
import { sortSyntax } from './sort.js';
import { headSyntax } from './head.js';
import { tailSyntax } from './tail.js';
import { topSyntax } from './top.js';
import { rareSyntax } from './rare.js';
import { timechartSyntax } from './timechart.js';
import { chartSyntax } from './chart.js';
import { untableSyntax } from './untable.js';
import { xyseriesSyntax } from './xyseries.js';
import { addtotalsSyntax } from './addtotals.js';
import { binSyntax } from './bin.js';

export const COMMAND_SYNTAX = [
  searchSyntax,
  renameSyntax,
  statsSyntax,
  convertSyntax,
  evalSyntax,
  whereSyntax,
  // Parsed generically for now: options, words, groups, subsearches (typed nodes to come).
  tableSyntax,
  fieldsSyntax,
  rexSyntax,
  regexSyntax,
  lookupSyntax,
  inputlookupSyntax,
  outputlookupSyntax,
  binSyntax,
  eventstatsSyntax,
  streamstatsSyntax,
  joinSyntax,
  appendSyntax,
  appendpipeSyntax,
  multisearchSyntax,
  foreachSyntax,
  mapSyntax,
  spathSyntax,
  fillnullSyntax,
  iplocationSyntax,
  dedupSyntax,
  sortSyntax,
  headSyntax,
  tailSyntax,
  mvexpandSyntax,
  makemvSyntax,
  tstatsSyntax,
  mstatsSyntax,
  fromSyntax,
  transactionSyntax,
  xmlkvSyntax,
  fromjsonSyntax,
  topSyntax,
  rareSyntax,
  timechartSyntax,
  chartSyntax,
  untableSyntax,
  xyseriesSyntax,
  replaceSyntax,
  addtotalsSyntax,
  summarySyntax,
  fitSyntax,
  applySyntax,
  makecontinuousSyntax,
  anomalydetectionSyntax,
  multikvSyntax,
  extractSyntax,
  outlierSyntax,
  genericCommand('cyberchef'),
  genericCommand('dnstwist'),
  makeresultsSyntax,
  returnSyntax,
  formatSyntax,
] as const;

export type Command = ReturnType<(typeof COMMAND_SYNTAX)[number]['build']>;
export type CommandKind = Command['kind'];

const BY_NAME = new Map<string, (typeof COMMAND_SYNTAX)[number]>();
for (const s of COMMAND_SYNTAX) for (const n of [s.name, ...(s.aliases ?? [])]) BY_NAME.set(n, s);

/** The name a user wrote for a command node (generic nodes carry theirs). */
export function commandName(cmd: Command): string {
  return cmd.kind === 'generic' ? cmd.name : cmd.kind;
}

/** The syntax of a command name (case-insensitive), or undefined for unknown commands. */
export function lookupCommand(name: string): (typeof COMMAND_SYNTAX)[number] | undefined {
  return BY_NAME.get(name.toLowerCase());
}

export type { SearchCommand } from './search.js';
export type { RenameCommand, RenamePair } from './rename.js';
export type { StatsCommand } from './stats.js';
export type { ConvertCommand, Conversion } from './convert.js';
export type { GenericCommand } from './generic.js';
export type { EvalCommand, EvalAssignment } from './eval.js';
export type { WhereCommand } from './where.js';
export type { JoinCommand } from './join.js';
export type { AppendCommand } from './append.js';
export type { AppendpipeCommand } from './appendpipe.js';
export type { MultisearchCommand } from './multisearch.js';
export type { ForeachCommand } from './foreach.js';
export type { MapCommand, MapSearch } from './map.js';
export type { ReturnCommand, ReturnItem } from './return.js';
export type { FormatCommand, FormatLayout } from './format.js';
export type { MakeresultsCommand } from './makeresults.js';
export type { SummaryCommand } from './summary.js';
export type { FitCommand, ModelRef } from './fit.js';
export type { ApplyCommand } from './apply.js';
export type { AnomalydetectionCommand } from './anomalydetection.js';
export type { OutlierCommand } from './outlier.js';
export type { MakecontinuousCommand } from './makecontinuous.js';
export type { TstatsCommand, TstatsSource, DataModelRef } from './tstats.js';
export type { MstatsCommand } from './mstats.js';
export type { FromCommand } from './from.js';
export type { LookupCommand, LookupRef, LookupFieldMapping, LookupOutput } from './lookup.js';
export type { InputlookupCommand } from './inputlookup.js';
export type { OutputlookupCommand } from './outputlookup.js';
export type { RexCommand } from './rex.js';
export type { RegexCommand } from './regex.js';
export type { RegexLiteral } from './regex-literal.js';
export type { TextLiteral } from './command-args.js';
export type { SpathCommand } from './spath.js';
export type { MvexpandCommand } from './mvexpand.js';
export type { MakemvCommand } from './makemv.js';
export type { XmlkvCommand } from './xmlkv.js';
export type { FromjsonCommand } from './fromjson.js';
export type { IplocationCommand } from './iplocation.js';
export type { TransactionCommand, TransactionFilter } from './transaction.js';
export type { ReplaceCommand, ReplacePair } from './replace.js';
export type { ExtractCommand } from './extract.js';
export type { MultikvCommand } from './multikv.js';
export type { TableCommand } from './table.js';
export type { FieldsCommand } from './fields.js';
export type { EventstatsCommand } from './eventstats.js';
export type { StreamstatsCommand } from './streamstats.js';
export type { TimechartCommand } from './timechart.js';
export type { ChartCommand, ChartSplit, SeriesFilter, SeriesComparison } from './chart.js';
export type { TopCommand } from './top.js';
export type { RareCommand } from './rare.js';
export type { BinCommand } from './bin.js';
export type { SortCommand, SortKey, SortType } from './sort.js';
export type { DedupCommand } from './dedup.js';
export type { HeadCommand } from './head.js';
export type { TailCommand } from './tail.js';
export type { FillnullCommand } from './fillnull.js';
export type { XyseriesCommand } from './xyseries.js';
export type { UntableCommand } from './untable.js';
export type { AddtotalsCommand } from './addtotals.js';

/**
 * COMMAND_SYNTAX: every command the grammar knows, one line each. The lexer (modes), the parser
 * (one rule per command), the AST builder and the printer all read this table; the AST's
 * `Command` union is derived from it.
 */
import { convertSyntax } from './convert.js';
import { evalSyntax } from './eval.js';
import { genericCommand } from './generic.js';
import { renameSyntax } from './rename.js';
import { searchSyntax } from './search.js';
import { statsSyntax } from './stats.js';
import { whereSyntax } from './where.js';

export const COMMAND_SYNTAX = [
  searchSyntax,
  renameSyntax,
  statsSyntax,
  convertSyntax,
  evalSyntax,
  whereSyntax,
  // Parsed generically for now: options, words, groups, subsearches (typed nodes to come).
  genericCommand('table'),
  genericCommand('fields'),
  genericCommand('rex'),
  genericCommand('regex'),
  genericCommand('lookup'),
  genericCommand('inputlookup'),
  genericCommand('outputlookup'),
  genericCommand('bin', { aliases: ['bucket'] }),
  genericCommand('eventstats'),
  genericCommand('streamstats'),
  genericCommand('join'),
  genericCommand('append'),
  genericCommand('appendpipe', { bracketHoldsCommands: true }),
  genericCommand('multisearch'),
  genericCommand('foreach', { bracketHoldsCommands: true }),
  genericCommand('map'),
  genericCommand('spath'),
  genericCommand('fillnull'),
  genericCommand('iplocation'),
  genericCommand('dedup'),
  genericCommand('sort'),
  genericCommand('head'),
  genericCommand('tail'),
  genericCommand('mvexpand'),
  genericCommand('makemv'),
  genericCommand('tstats'),
  genericCommand('mstats'),
  genericCommand('from'),
  genericCommand('transaction'),
  genericCommand('xmlkv'),
  genericCommand('fromjson'),
  genericCommand('top'),
  genericCommand('rare'),
  genericCommand('timechart'),
  genericCommand('chart'),
  genericCommand('untable'),
  genericCommand('xyseries'),
  genericCommand('replace'),
  genericCommand('addtotals'),
  genericCommand('summary'),
  genericCommand('fit'),
  genericCommand('apply'),
  genericCommand('makecontinuous'),
  genericCommand('anomalydetection'),
  genericCommand('multikv'),
  genericCommand('extract'),
  genericCommand('outlier'),
  genericCommand('cyberchef'),
  genericCommand('dnstwist'),
  genericCommand('makeresults'),
  genericCommand('return'),
  genericCommand('format'),
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

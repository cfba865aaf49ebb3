/**
 * `splq fmt`: the search, macros expanded, printed in canonical form (AST -> SPL). Macros must be
 * expanded first because they are text, not syntax: a backtick can stand for half a command.
 */
import { prepare } from '../pipeline.js';
import { printPipeline } from '../spl/print.js';
import { macroConfig, querySource, type MacroOptions, type QueryOptions } from './options.js';
import { reportFailure } from './report.js';

export interface FmtFlags extends QueryOptions, MacroOptions {
  debug?: boolean;
}

export function fmtCommand(spl: string | undefined, flags: FmtFlags): number {
  try {
    const { pipeline } = prepare(querySource(spl, flags), macroConfig(flags));
    process.stdout.write(printPipeline(pipeline) + '\n');
    return 0;
  } catch (e) {
    return reportFailure(e, flags.debug);
  }
}

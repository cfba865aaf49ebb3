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
import type { CommandImpl } from './types.js';

type Registry = { readonly [K in Command['kind']]?: CommandImpl<Extract<Command, { kind: K }>> };

export const COMMANDS: Registry = {
  search: searchCommand,
  rename: renameCommand,
  stats: statsCommand,
  convert: convertCommand,
  eval: evalCommand,
  where: whereCommand,
};

export function commandImpl<C extends Command>(cmd: C): CommandImpl<C> | undefined {
  return COMMANDS[cmd.kind] as unknown as CommandImpl<C> | undefined;
}

export { commandName } from '../spl/commands/index.js';

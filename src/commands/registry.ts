/**
 * COMMANDS: every command kind of the AST mapped to its implementation. Typed so that a command
 * the grammar knows but nobody implemented is a compile error.
 */
import type { Command } from '../spl/ast.js';
import { convertCommand } from './convert.js';
import { renameCommand } from './rename.js';
import { searchCommand } from './search.js';
import { statsCommand } from './stats.js';
import type { CommandImpl } from './types.js';

type Registry = { readonly [K in Command['kind']]: CommandImpl<Extract<Command, { kind: K }>> };

export const COMMANDS: Registry = {
  search: searchCommand,
  rename: renameCommand,
  stats: statsCommand,
  convert: convertCommand,
};

export function commandImpl<C extends Command>(cmd: C): CommandImpl<C> {
  return COMMANDS[cmd.kind] as unknown as CommandImpl<C>;
}

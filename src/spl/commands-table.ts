/**
 * The commands the grammar knows, with the lexical mode of their arguments. Each gets its own
 * command-name token type (category CommandName), so the parser dispatches on token types.
 * Adding a command: one line here, one parser rule, one AST builder, one command file.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { CommandName } from './tokens.js';

export type LexMode = 'search' | 'expr';

interface CommandSyntax {
  readonly mode: LexMode;
  /** True when a `[...]` argument of this command holds commands, not a search (`appendpipe [stats count]`). */
  readonly bracketHoldsCommands?: boolean;
  /** True when `eval(` in the arguments opens an expression (`stats count(eval(x>1))`); elsewhere it is a word. */
  readonly evalArgs?: boolean;
}

const SYNTAX = {
  search: { mode: 'search' },
  rename: { mode: 'search' },
  stats: { mode: 'search', evalArgs: true },
  convert: { mode: 'search' },
} as const satisfies Record<string, CommandSyntax>;

export type KnownCommand = keyof typeof SYNTAX;

function commandToken(name: string): TokenType {
  const pascal = name.replace(/(^|_)(\w)/g, (_m, _u, c: string) => c.toUpperCase());
  return createToken({ name: `${pascal}Cmd`, pattern: Lexer.NA, categories: [CommandName] });
}

export const COMMAND_TOKENS: Readonly<Record<KnownCommand, TokenType>> = Object.fromEntries(
  Object.keys(SYNTAX).map((name) => [name, commandToken(name)]),
) as Record<KnownCommand, TokenType>;

/** The syntax entry of a command name (case-insensitive), or undefined for unknown commands. */
export function commandSyntax(name: string): (CommandSyntax & { name: KnownCommand }) | undefined {
  const key = name.toLowerCase();
  if (!Object.hasOwn(SYNTAX, key)) return undefined;
  return { ...(SYNTAX as Record<string, CommandSyntax>)[key]!, name: key as KnownCommand };
}

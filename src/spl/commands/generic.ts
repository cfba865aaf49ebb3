/**
 * Commands whose arguments splq captures generically (rare ones: `fit`, `apply`, `addtotals`...):
 * options, words, groups, subsearches and `eval(...)` expressions, each with its exact text so the
 * printer reproduces it. One syntax object per command name, built by `genericCommand(name)`.
 */
import type { GenericArg, Span } from '../ast.js';
import { nodes, nodeSpan } from '../cst-access.js';
import { commandToken } from '../tokens.js';
import type { CommandSyntax, LexMode } from '../syntax/types.js';

export interface GenericCommand {
  readonly kind: 'generic';
  readonly span: Span;
  /** The command name in lower case. */
  readonly name: string;
  readonly args: readonly GenericArg[];
}

export interface GenericOptions {
  readonly mode?: LexMode;
  readonly aliases?: readonly string[];
  readonly bracketHoldsCommands?: boolean;
}

export function genericCommand(name: string, options: GenericOptions = {}): CommandSyntax<GenericCommand> {
  const token = commandToken(name);
  return {
    name,
    token,
    mode: options.mode ?? 'search',
    evalArgs: true,
    aliases: options.aliases,
    bracketHoldsCommands: options.bracketHoldsCommands,
    grammar: (g) => {
      g.consume(0, token);
      g.many(0, () => g.subrule(0, g.rules.genericArg));
    },
    build: (n, b) => ({ kind: 'generic', span: nodeSpan(n), name, args: nodes(n, 'genericArg').map(b.genericArg) }),
    print: (c, p) => [c.name, ...c.args.map(p.genericArg)].join(' '),
  };
}

/** `xmlkv [<field>] [maxinputs=<int>]` (Search Reference: xmlkv): key-value pairs from XML, `_raw` by default. */
import type { CommandOption, FieldRef, Span } from '../ast.js';
import { nodeSpan } from '../cst-access.js';
import { commandToken } from '../tokens.js';
import type { CommandSyntax } from '../syntax/types.js';
import { buildFieldCommand, fieldCommandGrammar, optionRule, printFieldCommand } from './command-args.js';

export interface XmlkvCommand {
  readonly kind: 'xmlkv';
  readonly span: Span;
  /** `maxinputs` as written, before or after the field. */
  readonly options: readonly CommandOption[];
  /** Null: `_raw`. */
  readonly field: FieldRef | null;
}

const OPTION = 'xmlkvOption';

export const xmlkvSyntax: CommandSyntax<XmlkvCommand> = {
  name: 'xmlkv',
  token: commandToken('xmlkv'),
  mode: 'search',
  wordRole: 'a field name',
  subrules: [optionRule(OPTION, 'an option such as maxinputs=<int>')],
  grammar: (g) => fieldCommandGrammar(g, xmlkvSyntax.token, OPTION, true),
  build: (n, b) => ({ kind: 'xmlkv', span: nodeSpan(n), ...buildFieldCommand(n, OPTION, b) }),
  print: (c, p) => printFieldCommand('xmlkv', c.options, c.field, p),
};

/**
 * `iplocation [prefix=<string>] [allfields=<bool>] [lang=<string>] <ip-address-fieldname>`
 * (Search Reference: iplocation).
 */
import type { CommandOption, FieldRef, Span } from '../ast.js';
import { nodeSpan } from '../cst-access.js';
import { commandToken } from '../tokens.js';
import type { CommandSyntax } from '../syntax/types.js';
import { buildFieldCommand, fieldCommandGrammar, optionRule, printFieldCommand } from './command-args.js';

export interface IplocationCommand {
  readonly kind: 'iplocation';
  readonly span: Span;
  /** `prefix`, `allfields`, `lang` as written, before or after the field. */
  readonly options: readonly CommandOption[];
  readonly field: FieldRef;
}

const OPTION = 'iplocationOption';

export const iplocationSyntax: CommandSyntax<IplocationCommand> = {
  name: 'iplocation',
  token: commandToken('iplocation'),
  mode: 'search',
  wordRole: 'a field name',
  subrules: [optionRule(OPTION, 'prefix=, allfields= or lang=')],
  grammar: (g) => fieldCommandGrammar(g, iplocationSyntax.token, OPTION),
  build: (n, b) => {
    const { options, field } = buildFieldCommand(n, OPTION, b);
    return { kind: 'iplocation', span: nodeSpan(n), options, field: field! };
  },
  print: (c, p) => printFieldCommand('iplocation', c.options, c.field, p),
};

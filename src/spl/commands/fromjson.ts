/** `fromjson <field> [prefix=<string>]` (Search Reference: fromjson): fields from a JSON object value. */
import type { CommandOption, FieldRef, Span } from '../ast.js';
import { nodeSpan } from '../cst-access.js';
import { commandToken } from '../tokens.js';
import type { CommandSyntax } from '../syntax/types.js';
import { buildFieldCommand, fieldCommandGrammar, optionRule, printFieldCommand } from './command-args.js';

export interface FromjsonCommand {
  readonly kind: 'fromjson';
  readonly span: Span;
  /** `prefix` as written, before or after the field. */
  readonly options: readonly CommandOption[];
  readonly field: FieldRef;
}

const OPTION = 'fromjsonOption';

export const fromjsonSyntax: CommandSyntax<FromjsonCommand> = {
  name: 'fromjson',
  token: commandToken('fromjson'),
  mode: 'search',
  wordRole: 'a field name',
  subrules: [optionRule(OPTION, 'an option such as prefix=<string>')],
  grammar: (g) => fieldCommandGrammar(g, fromjsonSyntax.token, OPTION),
  build: (n, b) => {
    const { options, field } = buildFieldCommand(n, OPTION, b);
    return { kind: 'fromjson', span: nodeSpan(n), options, field: field! };
  },
  print: (c, p) => printFieldCommand('fromjson', c.options, c.field, p),
};

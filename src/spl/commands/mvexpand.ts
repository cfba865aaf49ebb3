/** `mvexpand <field> [limit=<int>]` (Search Reference: mvexpand): one result per value of the field. */
import type { CommandOption, FieldRef, Span } from '../ast.js';
import { nodeSpan } from '../cst-access.js';
import { commandToken } from '../tokens.js';
import type { CommandSyntax } from '../syntax/types.js';
import { buildFieldCommand, fieldCommandGrammar, optionRule, printFieldCommand } from './command-args.js';

export interface MvexpandCommand {
  readonly kind: 'mvexpand';
  readonly span: Span;
  /** `limit` as written, before or after the field. */
  readonly options: readonly CommandOption[];
  readonly field: FieldRef;
}

const OPTION = 'mvexpandOption';

export const mvexpandSyntax: CommandSyntax<MvexpandCommand> = {
  name: 'mvexpand',
  token: commandToken('mvexpand'),
  mode: 'search',
  wordRole: 'a field name',
  subrules: [optionRule(OPTION, 'an option such as limit=<int>')],
  grammar: (g) => fieldCommandGrammar(g, mvexpandSyntax.token, OPTION),
  build: (n, b) => {
    const { options, field } = buildFieldCommand(n, OPTION, b);
    return { kind: 'mvexpand', span: nodeSpan(n), options, field: field! };
  },
  print: (c, p) => printFieldCommand('mvexpand', c.options, c.field, p),
};

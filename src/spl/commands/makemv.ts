/**
 * `makemv [delim=<string> | tokenizer=<string>] [allowempty=<bool>] [setsv=<bool>] <field>`
 * (Search Reference: makemv). The `tokenizer` value is a regex, kept as its option value (unescaped
 * as every quoted argument is; see regex-literal.ts).
 */
import type { CommandOption, FieldRef, Span } from '../ast.js';
import { nodeSpan } from '../cst-access.js';
import { commandToken } from '../tokens.js';
import type { CommandSyntax } from '../syntax/types.js';
import { buildFieldCommand, fieldCommandGrammar, optionRule, printFieldCommand } from './command-args.js';

export interface MakemvCommand {
  readonly kind: 'makemv';
  readonly span: Span;
  /** `delim`, `tokenizer`, `allowempty`, `setsv` as written, before or after the field. */
  readonly options: readonly CommandOption[];
  readonly field: FieldRef;
}

const OPTION = 'makemvOption';

export const makemvSyntax: CommandSyntax<MakemvCommand> = {
  name: 'makemv',
  token: commandToken('makemv'),
  mode: 'search',
  wordRole: 'a field name',
  subrules: [optionRule(OPTION, 'delim=, tokenizer=, allowempty= or setsv=')],
  grammar: (g) => fieldCommandGrammar(g, makemvSyntax.token, OPTION),
  build: (n, b) => {
    const { options, field } = buildFieldCommand(n, OPTION, b);
    return { kind: 'makemv', span: nodeSpan(n), options, field: field! };
  },
  print: (c, p) => printFieldCommand('makemv', c.options, c.field, p),
};

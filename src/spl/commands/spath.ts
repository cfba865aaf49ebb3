/**
 * `spath [input=<field>] [output=<field>] [path=<datapath> | <datapath>]` (Search Reference:
 * spath). The data path may be written as an option or bare (`spath output=user userIdentity.arn`,
 * both in security_content); the bare form is `datapath`, the option stays among the options.
 */
import type { CommandOption, FieldRef, Span } from '../ast.js';
import { nodeSpan } from '../cst-access.js';
import { commandToken } from '../tokens.js';
import type { CommandSyntax } from '../syntax/types.js';
import { buildFieldCommand, fieldCommandGrammar, optionRule, printFieldCommand } from './command-args.js';

export interface SpathCommand {
  readonly kind: 'spath';
  readonly span: Span;
  /** `input`, `output`, `path` as written, before or after the bare data path. */
  readonly options: readonly CommandOption[];
  /** The data path written without `path=` (`userIdentity.arn`, `"query_type{}"`), or null. */
  readonly datapath: FieldRef | null;
}

const OPTION = 'spathOption';

export const spathSyntax: CommandSyntax<SpathCommand> = {
  name: 'spath',
  token: commandToken('spath'),
  mode: 'search',
  wordRole: 'a data path',
  subrules: [optionRule(OPTION, 'input=, output= or path=')],
  grammar: (g) => fieldCommandGrammar(g, spathSyntax.token, OPTION, true),
  build: (n, b) => {
    const { options, field } = buildFieldCommand(n, OPTION, b);
    return { kind: 'spath', span: nodeSpan(n), options, datapath: field };
  },
  print: (c, p) => printFieldCommand('spath', c.options, c.datapath, p),
};

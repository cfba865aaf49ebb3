/**
 * `rex [field=<field>] [max_match=<int>] [offset_field=<string>] (<regex> | mode=sed <sed-expression>)`
 * (Search Reference: rex). Options may also follow the expression (`rex field=x "(?<y>.{8})"
 * max_match=0` is in security_content). The expression's escaping rule is in regex-literal.ts.
 */
import type { CommandOption, Span } from '../ast.js';
import { node, nodeSpan } from '../cst-access.js';
import { commandToken } from '../tokens.js';
import type { CommandSyntax, Grammar } from '../syntax/types.js';
import { buildOptions, optionAhead, optionRule } from './command-args.js';
import { buildRegexLiteral, printRegexLiteral, REGEX_LITERAL_RULE, regexLiteralRule, type RegexLiteral } from './regex-literal.js';

export interface RexCommand {
  readonly kind: 'rex';
  readonly span: Span;
  /** `field`, `max_match`, `offset_field`, `mode` as written, before or after the expression. */
  readonly options: readonly CommandOption[];
  /** The regular expression, or the sed expression under `mode=sed`. */
  readonly regex: RegexLiteral;
}

const OPTION = 'rexOption';

function grammar(g: Grammar): void {
  g.consume(0, rexSyntax.token);
  g.many(0, () => g.subrule(0, g.local(OPTION)), () => optionAhead(g));
  g.subrule(0, g.local(REGEX_LITERAL_RULE));
  g.many(1, () => g.subrule(1, g.local(OPTION)));
}

export const rexSyntax: CommandSyntax<RexCommand> = {
  name: 'rex',
  token: commandToken('rex'),
  mode: 'search',
  subrules: [optionRule(OPTION, 'field=, max_match=, offset_field= or mode='), regexLiteralRule],
  grammar,
  build: (n, b) => ({
    kind: 'rex',
    span: nodeSpan(n),
    options: buildOptions(n, OPTION, b),
    regex: buildRegexLiteral(node(n, REGEX_LITERAL_RULE)!, b),
  }),
  print: (c, p) => ['rex', ...c.options.map(p.option), printRegexLiteral(c.regex)].join(' '),
};

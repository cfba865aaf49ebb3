/**
 * `regex [<field>=|<field>!=]<regex>` (Search Reference: regex): keep (or with `!=` drop) the
 * results whose field, `_raw` by default, matches. Spaces around the operator occur in
 * security_content (`regex process = "(/d\s+2)"`). The escaping rule is in regex-literal.ts.
 */
import type { FieldRef, Span } from '../ast.js';
import { node, nodeSpan, token } from '../cst-access.js';
import { commandToken, Eq, NotEq } from '../tokens.js';
import type { CommandSyntax, Grammar } from '../syntax/types.js';
import { quoteText } from './command-args.js';
import { buildRegexLiteral, printRegexLiteral, REGEX_LITERAL_RULE, type RegexLiteral } from './regex-literal.js';

export interface RegexCommand {
  readonly kind: 'regex';
  readonly span: Span;
  /** The field matched; null for `_raw` (no field written). */
  readonly field: FieldRef | null;
  /** `<field>!=<regex>`: keep the results that do not match. */
  readonly negated: boolean;
  readonly regex: RegexLiteral;
}

function grammar(g: Grammar): void {
  const opAhead = (): boolean => g.LA(2).tokenType === Eq || g.LA(2).tokenType === NotEq;
  g.consume(0, regexSyntax.token);
  g.option(
    0,
    () => {
      g.subrule(0, g.rules.fieldName);
      g.or(0, [{ ALT: () => g.consume(1, Eq) }, { ALT: () => g.consume(2, NotEq) }]);
    },
    opAhead,
  );
  // The rule is declared by rex.ts (subrule names are global to the grammar).
  g.subrule(1, g.local(REGEX_LITERAL_RULE));
}

export const regexSyntax: CommandSyntax<RegexCommand> = {
  name: 'regex',
  token: commandToken('regex'),
  mode: 'search',
  grammar,
  build: (n, b) => {
    const field = node(n, 'fieldName');
    return {
      kind: 'regex',
      span: nodeSpan(n),
      field: field ? b.fieldRef(field) : null,
      negated: token(n, 'NotEq') !== undefined,
      regex: buildRegexLiteral(node(n, REGEX_LITERAL_RULE)!, b),
    };
  },
  print: (c, p) => {
    // A field name ending in "!" is quoted: bare, `!` and `=` would read back as `!=`.
    const name = c.field && (c.field.name.endsWith('!') ? quoteText(c.field.name) : p.field(c.field.name));
    const target = name ? `${name}${c.negated ? '!=' : '='}` : '';
    return `regex ${target}${printRegexLiteral(c.regex)}`;
  },
};

/**
 * The regular expression (or sed expression) argument of `rex` and `regex`: a quoted string, or a
 * bare run of tokens that touch each other (`rex field=x (?<name>cmd.exe)` is in security_content;
 * the lexer splits it at `(`, `<`, `>`, which a regex needs, so the run is taken back as its text).
 *
 * Escaping rule. SPL unescapes an argument once before the command sees it: `\\` -> `\`,
 * `\"` -> `"`, `\|` -> `|`, and every other backslash sequence is passed on unchanged (unquote.ts,
 * spec 01 S11). So `rex "\d+"` and `rex "\\d+"` both hand PCRE `\d+`, and a literal backslash needs
 * `\\\\` (or `\\\` before a character that is not `\`, `"` or `|`: the corpus's `.+\\\)` is PCRE
 * `.+\\)`). Sources: Splunk Search Manual, "SPL and regular expressions" (a double backslash such
 * as `c:\\temp` reaches the regex as `c:\temp`; write 4 backslashes)
 * https://docs.splunk.com/Documentation/Splunk/9.4.0/Search/SPLandregularexpressions and
 * "Backslashes" https://help.splunk.com/splunk-enterprise/search/search-manual/9.4/search-primer/backslashes
 * `text` holds the string after that unescaping: exactly what PCRE (or the sed engine) receives.
 */
import type { CstNode, IToken, TokenType } from 'chevrotain';
import { nodeSpan, tokens } from '../cst-access.js';
import { And, As, By, Comma, EqEq, Ge, Gt, In, Le, LParen, Lt, Not, Or, QuotedString, RParen, Word } from '../tokens.js';
import type { Builder, Grammar, SubruleSyntax } from '../syntax/types.js';
import { unquote } from '../unquote.js';
import { quoteText, type TextLiteral } from './command-args.js';

/** A regex or sed expression: `text` is what PCRE receives; `quoted` whether it was one quoted string. */
export type RegexLiteral = TextLiteral;

export const REGEX_LITERAL_RULE = 'regexLiteral';

/**
 * A bare run never holds `=` or `!=`: `name=` before it is an option (`rex field=x`), `f!=` a
 * field test (`regex f!=...`), and keeping them out lets two tokens tell the two apart.
 */
const FIRST: readonly TokenType[] = [QuotedString, Word, LParen, As, By, In, And, Or, Not];
const LATER: readonly TokenType[] = [...FIRST, RParen, Comma, EqEq, Lt, Gt, Le, Ge];

const touches = (prev: IToken, next: IToken): boolean => next.startOffset === (prev.endOffset ?? NaN) + 1;

function piece(g: Grammar, idx: number, types: readonly TokenType[]): void {
  g.or(idx, types.map((t) => ({ ALT: () => g.consume(idx, t, 'part') })));
}

/** Declared once, by rex (subrule names are global); regex uses it through `g.local`. */
export const regexLiteralRule: SubruleSyntax = {
  name: REGEX_LITERAL_RULE,
  expects: 'a regular expression',
  grammar: (g) => {
    piece(g, 0, FIRST);
    g.many(0, () => piece(g, 1, LATER), () => touches(g.LA(0), g.LA(1)));
  },
};

export function buildRegexLiteral(n: CstNode, b: Builder): RegexLiteral {
  const parts = tokens(n, 'part');
  const span = nodeSpan(n);
  if (parts.length === 1 && parts[0]!.tokenType === QuotedString) return { text: unquote(parts[0]!.image), quoted: true, span };
  return { text: unquote(b.text.slice(span.start, span.end)), quoted: false, span };
}

/**
 * Quoted text prints quoted. Bare text prints bare when it lexes back as the same run: `"` and `|`
 * escaped, `\` doubled only where unquote() would otherwise read it as an escape (before `\`, `"`,
 * `|` or at the end), so `\d` stays `\d`. Text a bare run cannot hold (spaces, brackets, `=`,
 * unbalanced parentheses, a leading `)`) prints as `""` followed by the quoted text: one word that
 * is not wholly quoted, so it reads back as the same bare literal.
 */
export function printRegexLiteral(r: RegexLiteral): string {
  if (r.quoted) return quoteText(r.text);
  if (bareSafe(r.text)) return r.text.replace(/\\(?=[\\"|]|$)|["|]/g, '\\$&');
  return `""${quoteText(r.text)}`;
}

/** Whether the bare print lexes as one run; a character is escaped there when a `\` precedes it. */
function bareSafe(text: string): boolean {
  if (text === '' || /^[)<>,]/.test(text)) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (i > 0 && text[i - 1] === '\\') continue;
    if (/[\s[\]=]/.test(c)) return false;
    if (c === '(') depth++;
    if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

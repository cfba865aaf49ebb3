/**
 * Argument pieces shared by the typed command modules: the `name=value` option gate, a per-command
 * option rule whose parse errors list that command's options, keyword words (`WITH`, `IN`,
 * `fields`), and literal text written quoted or bare (`replace "a*" WITH b`).
 */
import type { CstNode, IToken, TokenType } from 'chevrotain';
import type { CommandOption, FieldRef, Span } from '../ast.js';
import { anyToken, node, nodes, tokenSpan } from '../cst-access.js';
import { Eq, Word } from '../tokens.js';
import type { Builder, Grammar, Printer, SubruleSyntax } from '../syntax/types.js';
import { isWhollyQuoted, unquote } from '../unquote.js';

/** Text written as an argument: unescaped (unquote.ts), and whether it was one quoted string. */
export interface TextLiteral {
  readonly text: string;
  readonly quoted: boolean;
  readonly span: Span;
}

/** The next tokens are `name=`: an option, not a positional argument. */
export const optionAhead = (g: Grammar): boolean => g.LA(2).tokenType === Eq;

/** A plain word of the given text, in any case (`WITH`, `in`, `startsWith`). */
export const wordIs = (t: IToken, ...words: string[]): boolean =>
  t.tokenType === Word && words.includes(t.image.toLowerCase());

/**
 * `<name>`: one `name=value` option of a command. Commands use it both before their positional
 * arguments (gated by `optionAhead`) and after them (ungated), so a stray word after the last
 * argument fails inside the command with `expects` (`expected an option such as limit=<int>,
 * found "b"`) instead of ending the command early.
 */
export function optionRule(name: string, expects: string): SubruleSyntax {
  return {
    name,
    expects,
    grammar: (g) => g.or(0, [{ GATE: () => optionAhead(g), ALT: () => g.subrule(0, g.rules.commandOption) }]),
  };
}

/** The options collected by an `optionRule` named `rule`, in the order written. */
export function buildOptions(n: CstNode, rule: string, b: Builder): CommandOption[] {
  return nodes(n, rule).map((o) => b.option(node(o, 'commandOption')!));
}

/** A `Word` or `QuotedString` token as a literal. */
export function textLiteral(tok: IToken): TextLiteral {
  return { text: unquote(tok.image), quoted: isWhollyQuoted(tok.image), span: tokenSpan(tok) };
}

/** The literal of a `fieldName` CST node (Word or QuotedString). */
export function fieldNameLiteral(n: CstNode): TextLiteral {
  return textLiteral(anyToken(n, 'Word', 'QuotedString')!);
}

/** `"text"` with `\` and `"` escaped, so that unquote() gives the text back. */
export function quoteText(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/** A literal as it was written: quoted text stays quoted, bare text prints as a value. */
export function printTextLiteral(l: TextLiteral, p: Printer): string {
  return l.quoted ? quoteText(l.text) : p.value(l.text);
}

/**
 * `<command> [options] <field> [options]`, the shape of mvexpand, makemv, fromjson, iplocation and
 * (with the field optional) xmlkv and spath: options may stand on either side of the field.
 *
 * Why this shape: Chevrotain decides with the fewest tokens that tell the paths apart. `name=`
 * must be told from a field by two tokens (Word Eq vs Word), never three, or `spath input=` at the
 * end would not count as an option and fail as a stray "=". So nothing after the leading options
 * may itself start with `name=`: trailing options only follow a field.
 */
export function fieldCommandGrammar(g: Grammar, command: TokenType, option: string, fieldOptional = false): void {
  g.consume(0, command);
  g.many(0, () => g.subrule(0, g.local(option)), () => optionAhead(g));
  const rest = (): void => {
    g.subrule(1, g.rules.fieldName);
    g.many(1, () => g.subrule(2, g.local(option)));
  };
  if (fieldOptional) g.option(0, rest);
  else rest();
}

/** The options and the field of a `fieldCommandGrammar` node. */
export function buildFieldCommand(n: CstNode, option: string, b: Builder): { options: CommandOption[]; field: FieldRef | null } {
  const field = node(n, 'fieldName');
  return { options: buildOptions(n, option, b), field: field ? b.fieldRef(field) : null };
}

/** `<command> <options> <field>`: options first, as the Search Reference writes them. */
export function printFieldCommand(name: string, options: readonly CommandOption[], field: FieldRef | null, p: Printer): string {
  return [name, ...options.map(p.option), ...(field ? [p.field(field.name)] : [])].join(' ');
}

/**
 * `fields [+|-] <wc-field-list>`: keep or remove fields. Splunk Search Reference, "fields":
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/fields
 * Also home of `fieldItem`, the field-list element shared by table, top, dedup, sort and others.
 */
import type { CstNode, IToken } from 'chevrotain';
import type { FieldRef, Span } from '../ast.js';
import { node, nodes, nodeSpan, token } from '../cst-access.js';
import type { Builder, CommandSyntax, Grammar, Printer, SubruleSyntax } from '../syntax/types.js';
import { Comma, commandToken, LParen, RParen, Word } from '../tokens.js';

export interface FieldsCommand {
  readonly kind: 'fields';
  readonly span: Span;
  /** `fields - a b` removes the fields; `fields a b` and `fields + a b` keep only them. */
  readonly remove: boolean;
  readonly fields: readonly FieldRef[];
}

const isTouching = (before: IToken, after: IToken): boolean =>
  after.tokenType === LParen && after.startOffset === (before.endOffset ?? -2) + 1;

/** A word that is exactly `+` or `-` (a sign written apart from its field: `fields - x`, `sort - count`). */
export const isSignWord = (t: IToken): boolean => t.tokenType === Word && (t.image === '+' || t.image === '-');

/** A plain non-negative integer (`sort 100 -size`, `dedup 3 source`, `top 5 user`). */
export const isIntegerWord = (t: IToken): boolean => t.tokenType === Word && /^\d+$/.test(t.image);

/** Whether a word has exactly this text, ignoring case (`over`, `where`, `sortby`). */
export const isWordText = (t: IToken, ...texts: string[]): boolean =>
  t.tokenType === Word && texts.includes(t.image.toLowerCase());

/**
 * A field name or wildcard pattern. A group touching the name belongs to it: security_content
 * writes `fields - predicted(unusual_cmdline_logits)`, the output field of an MLTK `apply`.
 */
function fieldItem(g: Grammar): void {
  g.subrule(0, g.rules.fieldName);
  g.option(
    0,
    () => {
      g.consume(0, LParen);
      g.many(0, () => g.subrule(1, g.rules.genericArg));
      g.consume(1, RParen);
    },
    () => isTouching(g.LA(0), g.LA(1)),
  );
}

export const fieldItemRule: SubruleSyntax = { name: 'fieldItem', grammar: fieldItem, wordRole: 'a field name' };

/** One `fieldItem`: the name as written when a group touches it, else the unquoted name. */
export function buildFieldItem(n: CstNode, b: Builder): FieldRef {
  const span = nodeSpan(n);
  const name = token(n, 'LParen') ? b.text.slice(span.start, span.end) : b.fieldName(node(n, 'fieldName')!);
  return { name, span };
}

/** Every `fieldItem` under a node (or under one label of it). */
export function buildFieldItems(n: CstNode, b: Builder, key = 'fieldItem'): FieldRef[] {
  return nodes(n, key).map((f) => buildFieldItem(f, b));
}

/** `"text"` with `\` and `"` escaped, as unquote() reads it back. */
export function quoteText(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/**
 * A field name printed so that it reads back as that field in this command: quoted when it
 * would otherwise read as one of the command's own words (`-`, `desc`, a count, `over`).
 */
export function printFieldAs(p: Printer, name: string, reserved?: RegExp): string {
  return reserved?.test(name) ? quoteText(name) : p.field(name);
}

/** Field names that read as a sign when bare. */
export const SIGN_NAME = /^[+-]$/;

function grammar(g: Grammar): void {
  g.consume(0, fieldsSyntax.token);
  g.option(0, () => g.consume(1, Word, 'sign'), () => isSignWord(g.LA(1)));
  g.atLeastOne(0, () => {
    g.subrule(0, g.local('fieldItem'));
    g.many(0, () => g.consume(2, Comma));
  });
}

export const fieldsSyntax: CommandSyntax<FieldsCommand> = {
  name: 'fields',
  token: commandToken('fields'),
  mode: 'search',
  wordRole: 'a field name',
  subrules: [fieldItemRule],
  grammar,
  build: (n, b) => ({
    kind: 'fields',
    span: nodeSpan(n),
    remove: token(n, 'sign')?.image === '-',
    fields: buildFieldItems(n, b),
  }),
  print: (c, p) => {
    const names = c.fields.map((f) => printFieldAs(p, f.name, SIGN_NAME));
    return ['fields', ...(c.remove ? ['-'] : []), ...names].join(' ');
  },
};

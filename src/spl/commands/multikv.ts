/**
 * `multikv [conf=<stanza>] [copyattrs=<bool>] [fields <field-list>] [filter <term-list>]
 * [forceheader=<int>] [multitable=<bool>] [noheader=<bool>] [rmorig=<bool>]` (Search Reference:
 * multikv). `fields` and `filter` take lists without `=`; a list runs to the next option or clause.
 */
import type { CstNode, IToken } from 'chevrotain';
import type { CommandOption, FieldRef, Span } from '../ast.js';
import { nodes, nodeSpan, tokens } from '../cst-access.js';
import { Comma, commandToken, Word } from '../tokens.js';
import type { Builder, CommandSyntax, Grammar, Printer } from '../syntax/types.js';
import { fieldNameLiteral, optionAhead, printTextLiteral, quoteText, wordIs, type TextLiteral } from './command-args.js';

export interface MultikvCommand {
  readonly kind: 'multikv';
  readonly span: Span;
  readonly options: readonly CommandOption[];
  /** `fields a b`: the fields to keep (every clause joined); null without the clause, empty for `fields` alone. */
  readonly fields: readonly FieldRef[] | null;
  /** `filter t1 t2`: the terms a table row must contain; null without the clause, empty for `filter` alone. */
  readonly filter: readonly TextLiteral[] | null;
}

/**
 * Each keyword and each list word is its own alternative, so one token picks a keyword: with
 * `fields <word>` as one alternative, Chevrotain would look for the word before accepting
 * "fields", and `multikv fields a` at the end of the search would fail at "fields". A list word is
 * only read after a keyword (per-command parse state). An empty list (`multikv fields`) is left to
 * bind; the node then holds an empty list.
 */
function grammar(g: Grammar): void {
  let inList = false;
  g.consume(0, multikvSyntax.token);
  g.many(0, () =>
    g.or(0, [
      { GATE: () => optionAhead(g), ALT: () => g.subrule(0, g.rules.commandOption) },
      {
        GATE: () => wordIs(g.LA(1), 'fields', 'filter'),
        ALT: () => {
          g.consume(1, Word, 'keyword');
          inList = true;
        },
      },
      { GATE: () => inList, ALT: () => g.subrule(1, g.rules.fieldName) },
      { GATE: () => inList, ALT: () => g.consume(2, Comma) },
    ]),
  );
}

/** The words after each keyword, by position: `fields a filter b fields c` -> fields a, c. */
function clauseWords(n: CstNode): Map<string, CstNode[]> {
  const keywords: IToken[] = tokens(n, 'keyword');
  const out = new Map<string, CstNode[]>();
  for (const w of nodes(n, 'fieldName')) {
    const kw = keywords.filter((k) => k.startOffset < nodeSpan(w).start).at(-1)!;
    const name = kw.image.toLowerCase();
    out.set(name, [...(out.get(name) ?? []), w]);
  }
  for (const k of keywords) if (!out.has(k.image.toLowerCase())) out.set(k.image.toLowerCase(), []);
  return out;
}

/** A list word spelled like a keyword is quoted, so that it reads back as a word. */
function printClause(word: string, items: readonly string[] | null): string[] {
  return items ? [word, ...items.map((i) => (/^(fields|filter)$/i.test(i) ? quoteText(i) : i))] : [];
}

export const multikvSyntax: CommandSyntax<MultikvCommand> = {
  name: 'multikv',
  token: commandToken('multikv'),
  mode: 'search',
  expects: 'an option, "fields" or "filter"',
  grammar,
  build: (n: CstNode, b: Builder) => {
    const words = clauseWords(n);
    const fields = words.get('fields');
    const filter = words.get('filter');
    return {
      kind: 'multikv',
      span: nodeSpan(n),
      options: nodes(n, 'commandOption').map(b.option),
      fields: fields ? fields.map(b.fieldRef) : null,
      filter: filter ? filter.map(fieldNameLiteral) : null,
    };
  },
  print: (c, p: Printer) =>
    [
      'multikv',
      ...c.options.map(p.option),
      ...printClause('fields', c.fields && c.fields.map((f) => p.field(f.name))),
      ...printClause('filter', c.filter && c.filter.map((t) => printTextLiteral(t, p))),
    ].join(' '),
};

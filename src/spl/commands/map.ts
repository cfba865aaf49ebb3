/**
 * `map (search="<search>" | <saved search> | <subsearch>) [maxsearches=<int>]`: runs a search once
 * per input result, `$field$` tokens standing for that result's values.
 * https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/map
 *
 * The quoted search is kept as text with its span, not parsed here: its `$field$` tokens are
 * replaced per result and its macros (`search \`wineventlog_security\` ...` in security_content)
 * expanded before it can be parsed, both at run time. The `[subsearch]` form is parsed as usual.
 */
import type { CstNode } from 'chevrotain';
import type { CommandOption, Pipeline, Span } from '../ast.js';
import { node, nodes, nodeSpan, token, tokenSpan } from '../cst-access.js';
import { commandToken, Eq, Word } from '../tokens.js';
import { isWhollyQuoted, unquote } from '../unquote.js';
import type { Builder, CommandSyntax, Grammar, Printer } from '../syntax/types.js';
import { isKeywordWord, printSubsearch, quoteText, subsearchPipeline } from './subsearch-parts.js';

export type MapSearch =
  /** `search="..."`: the unescaped text; `$field$` tokens and backtick macros as written. */
  | {
      readonly kind: 'text';
      readonly span: Span;
      readonly text: string;
      readonly quoted: boolean;
      /** The value token as written, quotes included. */
      readonly textSpan: Span;
    }
  /** `map [search ...]`. */
  | { readonly kind: 'subsearch'; readonly span: Span; readonly pipeline: Pipeline }
  /** `map <saved search name>`. */
  | { readonly kind: 'saved'; readonly span: Span; readonly name: string };

export interface MapCommand {
  readonly kind: 'map';
  readonly span: Span;
  readonly search: MapSearch;
  /** Options other than `search=`: maxsearches. */
  readonly options: readonly CommandOption[];
}

const isSearchOption = (g: Grammar): boolean => isKeywordWord(g.LA(1), 'search') && g.LA(2).tokenType === Eq;
const isOtherOption = (g: Grammar): boolean => g.LA(2).tokenType === Eq && !isSearchOption(g);

function grammar(g: Grammar): void {
  g.consume(0, mapSyntax.token);
  g.many(0, () => g.subrule(0, g.rules.commandOption), () => isOtherOption(g));
  g.or(0, [
    { GATE: () => isSearchOption(g), ALT: () => g.subrule(1, g.local('mapSearchOption')) },
    { ALT: () => g.subrule(2, g.rules.subsearch) },
    { GATE: () => g.LA(2).tokenType !== Eq, ALT: () => g.subrule(3, g.rules.fieldName, 'savedSearch') },
  ]);
  g.many(1, () => g.subrule(4, g.rules.commandOption), () => isOtherOption(g));
}

/** `search=<value>`; its own rule so it is not taken for an ordinary option. */
function mapSearchOption(g: Grammar): void {
  g.consume(0, Word);
  g.consume(1, Eq);
  g.subrule(0, g.rules.fieldName);
}

function buildSearch(n: CstNode, b: Builder): MapSearch {
  const option = node(n, 'mapSearchOption');
  if (option) {
    const value = node(option, 'fieldName')!;
    const tok = token(value, 'Word') ?? token(value, 'QuotedString')!;
    const text = unquote(tok.image);
    return { kind: 'text', span: nodeSpan(option), text, quoted: isWhollyQuoted(tok.image), textSpan: tokenSpan(tok) };
  }
  const sub = node(n, 'subsearch');
  if (sub) return { kind: 'subsearch', span: nodeSpan(sub), pipeline: subsearchPipeline(sub, b) };
  const saved = node(n, 'savedSearch')!;
  return { kind: 'saved', span: nodeSpan(saved), name: b.fieldName(saved) };
}

function printSearch(s: MapSearch, p: Printer): string {
  switch (s.kind) {
    case 'text': return `search=${s.quoted ? quoteText(s.text) : p.value(s.text)}`;
    case 'subsearch': return printSubsearch(p, s.pipeline);
    case 'saved': return p.field(s.name);
  }
}

export const mapSyntax: CommandSyntax<MapCommand> = {
  name: 'map',
  token: commandToken('map'),
  mode: 'search',
  expects: 'search="<search>", a saved search name or a subsearch',
  subrules: [{ name: 'mapSearchOption', grammar: mapSearchOption }],
  grammar,
  build: (n, b) => ({
    kind: 'map',
    span: nodeSpan(n),
    search: buildSearch(n, b),
    options: nodes(n, 'commandOption').map(b.option),
  }),
  print: (c, p) => ['map', printSearch(c.search, p), ...c.options.map(p.option)].join(' '),
};

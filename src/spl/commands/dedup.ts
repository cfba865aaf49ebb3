/**
 * `dedup [<int>] <field-list> [keepevents=<bool>] [keepempty=<bool>] [consecutive=<bool>]
 * [sortby <sort-by-clause>]`; options may come anywhere. Splunk Search Reference, "dedup":
 * https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/dedup
 */
import type { CommandOption, FieldRef, Span } from '../ast.js';
import { nodes, nodeSpan, token } from '../cst-access.js';
import type { CommandSyntax, Grammar } from '../syntax/types.js';
import { Comma, commandToken, Eq, QuotedString, Word } from '../tokens.js';
import { buildFieldItems, isIntegerWord, isWordText, printFieldAs } from './fields.js';
import { buildSortKeys, printSortKey, type SortKey } from './sort.js';

export interface DedupCommand {
  readonly kind: 'dedup';
  readonly span: Span;
  /** How many results to keep per combination (`dedup 3 source`); null = 1. */
  readonly count: number | null;
  readonly fields: readonly FieldRef[];
  readonly options: readonly CommandOption[];
  readonly sortBy: readonly SortKey[];
}

const isOption = (g: Grammar): boolean => g.LA(2).tokenType === Eq;

/** A leading integer is the count when more follows (`dedup 3 source`); alone it is a field name. */
const isCount = (g: Grammar): boolean =>
  isIntegerWord(g.LA(1)) && (g.LA(2).tokenType === Word || g.LA(2).tokenType === QuotedString);

function grammar(g: Grammar): void {
  g.consume(0, dedupSyntax.token);
  g.option(0, () => g.consume(1, Word, 'count'), () => isCount(g));
  g.many(0, () => g.subrule(0, g.rules.commandOption));
  g.atLeastOne(
    0,
    () =>
      g.or(0, [
        { GATE: () => isOption(g), ALT: () => g.subrule(1, g.rules.commandOption) },
        {
          ALT: () => {
            g.subrule(2, g.local('fieldItem'));
            g.many(1, () => g.consume(2, Comma));
          },
        },
      ]),
    () => !isWordText(g.LA(1), 'sortby'),
  );
  g.keywordOption(1, ['sortby'], () => {
    g.consume(3, Word, 'sortby');
    g.atLeastOne(
      1,
      () => {
        g.subrule(3, g.local('sortKey'));
        g.many(2, () => g.consume(4, Comma));
      },
      () => !isOption(g),
    );
  });
  g.many(3, () => g.subrule(4, g.rules.commandOption));
}

/** Field names quoted so they do not read as the count, `sortby` or a trailing option. */
const RESERVED = /^(\d+|sortby)$/i;

export const dedupSyntax: CommandSyntax<DedupCommand> = {
  name: 'dedup',
  token: commandToken('dedup'),
  mode: 'search',
  wordRole: 'a field name',
  grammar,
  build: (n, b) => {
    const count = token(n, 'count');
    return {
      kind: 'dedup',
      span: nodeSpan(n),
      count: count ? Number(count.image) : null,
      fields: buildFieldItems(n, b),
      options: nodes(n, 'commandOption').map(b.option),
      sortBy: buildSortKeys(n, b),
    };
  },
  print: (c, p) => {
    const parts = ['dedup', ...(c.count === null ? [] : [String(c.count)])];
    parts.push(...c.fields.map((f) => printFieldAs(p, f.name, RESERVED)), ...c.options.map(p.option));
    if (c.sortBy.length > 0) parts.push('sortby', c.sortBy.map((k) => printSortKey(k, p)).join(', '));
    return parts.join(' ');
  },
};

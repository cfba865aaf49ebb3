/**
 * `format [mvsep=<str>] [maxresults=<int>] ["<row prefix>" "<column prefix>" "<column separator>"
 * "<column end>" "<row separator>" "<row end>"] [emptystr=<str>]`: the six layout strings come
 * together or not at all.
 * https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/format
 */
import type { CommandOption, Span } from '../ast.js';
import { anyToken, node, nodes, nodeSpan } from '../cst-access.js';
import { commandToken, QuotedString, Word } from '../tokens.js';
import { unquote } from '../unquote.js';
import type { CommandSyntax, Grammar } from '../syntax/types.js';
import { atOption, quoteText } from './subsearch-parts.js';

export interface FormatLayout {
  readonly span: Span;
  readonly rowPrefix: string;
  readonly columnPrefix: string;
  readonly columnSeparator: string;
  readonly columnEnd: string;
  readonly rowSeparator: string;
  readonly rowEnd: string;
}

export interface FormatCommand {
  readonly kind: 'format';
  readonly span: Span;
  readonly options: readonly CommandOption[];
  /** Null = Splunk's defaults: `(` `(` `AND` `)` `OR` `)`. */
  readonly layout: FormatLayout | null;
}

const LAYOUT_KEYS = ['rowPrefix', 'columnPrefix', 'columnSeparator', 'columnEnd', 'rowSeparator', 'rowEnd'] as const;

function grammar(g: Grammar): void {
  g.consume(0, formatSyntax.token);
  g.many(0, () => g.subrule(0, g.rules.commandOption), () => atOption(g));
  g.option(0, () => {
    g.subrule(1, g.local('formatLayout'));
    g.many(1, () => g.subrule(2, g.rules.commandOption), () => atOption(g));
  });
}

/** Six strings; each its own subrule so the CST keeps their order. */
function formatLayout(g: Grammar): void {
  for (let i = 0; i < LAYOUT_KEYS.length; i++) g.subrule(i, g.local('formatString'));
}

function formatString(g: Grammar): void {
  g.or(0, [{ ALT: () => g.consume(0, QuotedString) }, { ALT: () => g.consume(1, Word) }]);
}

export const formatSyntax: CommandSyntax<FormatCommand> = {
  name: 'format',
  token: commandToken('format'),
  mode: 'search',
  wordRole: 'an option such as mvsep=<str> or the row prefix string',
  subrules: [
    { name: 'formatLayout', grammar: formatLayout, wordRole: 'a quoted string (format takes six layout strings)' },
    { name: 'formatString', grammar: formatString, expects: 'a quoted string (format takes six layout strings)' },
  ],
  grammar,
  build: (n, b) => {
    const layoutNode = node(n, 'formatLayout');
    let layout: FormatLayout | null = null;
    if (layoutNode) {
      const texts = nodes(layoutNode, 'formatString').map((s) => unquote(anyToken(s, 'QuotedString', 'Word')!.image));
      const entries = LAYOUT_KEYS.map((k, i) => [k, texts[i]!] as const);
      layout = { span: nodeSpan(layoutNode), ...(Object.fromEntries(entries) as Omit<FormatLayout, 'span'>) };
    }
    return { kind: 'format', span: nodeSpan(n), options: nodes(n, 'commandOption').map(b.option), layout };
  },
  print: (c, p) => {
    const layout = c.layout ? LAYOUT_KEYS.map((k) => quoteText(c.layout![k])) : [];
    return ['format', ...c.options.map(p.option), ...layout].join(' ');
  },
};

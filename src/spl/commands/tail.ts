/**
 * `tail [<N>]`: the last N results (default 10). Splunk Search Reference, "tail":
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/tail
 */
import type { IToken } from 'chevrotain';
import type { Span } from '../ast.js';
import { nodeSpan, token } from '../cst-access.js';
import type { CommandSyntax, Grammar } from '../syntax/types.js';
import { commandToken, QuotedString, Word } from '../tokens.js';
import { unquote } from '../unquote.js';

export interface TailCommand {
  readonly kind: 'tail';
  readonly span: Span;
  /** Null when absent (Splunk's default is 10). */
  readonly count: number | null;
}

const isCount = (t: IToken): boolean =>
  (t.tokenType === Word || t.tokenType === QuotedString) && /^\d+$/.test(unquote(t.image));

/** Any word after `tail` must be the count (`tail 5`, `tail "5"`), so `tail x` reports "expected a number". */
function grammar(g: Grammar): void {
  g.consume(0, tailSyntax.token);
  g.option(0, () =>
    g.or(0, [
      { GATE: () => isCount(g.LA(1)), ALT: () => g.consume(1, Word, 'count') },
      { GATE: () => isCount(g.LA(1)), ALT: () => g.consume(2, QuotedString, 'count') },
    ]),
  );
}

export const tailSyntax: CommandSyntax<TailCommand> = {
  name: 'tail',
  token: commandToken('tail'),
  mode: 'search',
  expects: 'a number',
  grammar,
  build: (n) => {
    const count = token(n, 'count');
    return { kind: 'tail', span: nodeSpan(n), count: count ? Number(unquote(count.image)) : null };
  },
  print: (c) => (c.count === null ? 'tail' : `tail ${c.count}`),
};

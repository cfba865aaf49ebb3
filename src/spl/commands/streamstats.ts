/**
 * `streamstats [reset_on_change=<bool>] [reset_before=(<eval-expression>)]
 * [reset_after=(<eval-expression>)] [current=<bool>] [window=<int>] [time_window=<span-length>]
 * [global=<bool>] [allnum=<bool>] <stats-agg-term>... [BY <field-list>]` (spec 03 T17): running
 * statistics; the grammar of eventstats. Splunk Search Reference, "streamstats":
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/streamstats
 */
import type { CstNode } from 'chevrotain';
import type { Aggregation, CommandOption, FieldRef, Span } from '../ast.js';
import { anyToken, node, nodes, nodeSpan, token, tokenSpan } from '../cst-access.js';
import type { Builder, CommandSyntax, Grammar } from '../syntax/types.js';
import { commandToken, Eq, LParen, RParen, Word } from '../tokens.js';
import { buildStatsParts, printStatsParts, statsArguments } from './eventstats.js';
import { isWordText } from './fields.js';
import { isWhollyQuoted, unquote } from '../unquote.js';

/**
 * The eval expression of `reset_before`/`reset_after`, as source text without its outer
 * parentheses. Search-mode lexing reads `(x>1)` as search words, so the expression is kept as
 * text here and parsed when bound; `span` covers it in the expanded text.
 */
export interface ResetCondition {
  readonly text: string;
  readonly span: Span;
}

export interface StreamstatsCommand {
  readonly kind: 'streamstats';
  readonly span: Span;
  /** Options other than reset_before/reset_after (`window=5`, `current=f`, `reset_on_change=t`). */
  readonly options: readonly CommandOption[];
  readonly resetBefore: ResetCondition | null;
  readonly resetAfter: ResetCondition | null;
  readonly aggregations: readonly Aggregation[];
  readonly by: readonly FieldRef[];
}

const RESET = ['reset_before', 'reset_after'];

/** `window=5`, or `reset_after=(count>3)`; the quoted `reset_after="(count>3)"` is a plain value. */
function streamstatsOption(g: Grammar): void {
  g.consume(0, Word, 'name');
  g.consume(1, Eq);
  g.or(0, [
    {
      // LA(-1) is the option name, before the "=" just consumed.
      GATE: () => isWordText(g.LA(-1), ...RESET),
      ALT: () => {
        g.consume(2, LParen);
        g.many(0, () => g.subrule(0, g.rules.genericArg));
        g.consume(3, RParen);
      },
    },
    { ALT: () => g.subrule(1, g.rules.fieldName) },
  ]);
}

/** Drops one pair of parentheses around the whole text (`(x>1)` -> `x>1`), quotes respected. */
function stripParens(text: string): string {
  const t = text.trim();
  if (!t.startsWith('(') || !t.endsWith(')')) return t;
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')' && --depth === 0 && i < t.length - 1) return t;
  }
  return t.slice(1, -1).trim();
}

type Resets = Pick<StreamstatsCommand, 'options' | 'resetBefore' | 'resetAfter'>;

function buildOptions(n: CstNode, b: Builder): Resets {
  const options: CommandOption[] = [];
  const resets: Record<string, ResetCondition> = {};
  for (const o of nodes(n, 'streamstatsOption')) {
    const name = token(o, 'name')!.image;
    const value = node(o, 'fieldName');
    if (!value) {
      const start = tokenSpan(token(o, 'LParen')!).end;
      const raw = b.text.slice(start, token(o, 'RParen')!.startOffset);
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      resets[name.toLowerCase()] = { text, span: { start: start + lead, end: start + lead + text.length } };
      continue;
    }
    const image = anyToken(value, 'Word', 'QuotedString')!.image;
    const opt = { name, value: unquote(image), quoted: isWhollyQuoted(image), span: nodeSpan(o) };
    const reset = name.toLowerCase();
    if (RESET.includes(reset)) resets[reset] = { text: stripParens(opt.value), span: nodeSpan(value) };
    else options.push(opt);
  }
  return { options, resetBefore: resets.reset_before ?? null, resetAfter: resets.reset_after ?? null };
}

export const streamstatsSyntax: CommandSyntax<StreamstatsCommand> = {
  name: 'streamstats',
  token: commandToken('streamstats'),
  mode: 'search',
  wordRole: 'an aggregation such as count',
  evalArgs: true,
  subrules: [{ name: 'streamstatsOption', grammar: streamstatsOption, wordRole: 'a value', expects: 'a value' }],
  grammar: (g) => {
    g.consume(1, streamstatsSyntax.token);
    statsArguments(g, g.local('streamstatsOption'));
  },
  build: (n, b) => ({ kind: 'streamstats', span: nodeSpan(n), ...buildOptions(n, b), ...buildStatsParts(n, b) }),
  print: (c, p) => {
    const options = c.options.map(p.option);
    if (c.resetBefore) options.push(`reset_before=(${c.resetBefore.text})`);
    if (c.resetAfter) options.push(`reset_after=(${c.resetAfter.text})`);
    return printStatsParts('streamstats', options, c, p);
  },
};

/**
 * Small pieces shared by the commands that take subsearches or keyword-led clauses (join, append,
 * appendpipe, multisearch, foreach, map, fit...): the pipeline inside a `[...]`, its printing, and
 * gates for words that act as keywords only in one command (`from`/`into` of fit).
 */
import type { CstNode, IToken } from 'chevrotain';
import type { Pipeline } from '../ast.js';
import { node } from '../cst-access.js';
import { Eq, Word } from '../tokens.js';
import type { Builder, Grammar, Printer } from '../syntax/types.js';

/** The pipeline of a `subsearch` CST node (`[` pipeline `]`). */
export function subsearchPipeline(sub: CstNode, b: Builder): Pipeline {
  return b.pipeline(node(sub, 'pipeline')!);
}

/** The pipelines of all `subsearch` children of a command node, in text order. */
export function subsearchPipelines(subs: readonly CstNode[], b: Builder): Pipeline[] {
  return subs.map((s) => subsearchPipeline(s, b)).sort((x, y) => x.span.start - y.span.start);
}

export function printSubsearch(p: Printer, pipeline: Pipeline): string {
  return `[${p.pipeline(pipeline)}]`;
}

/** A plain word (not quoted) spelling `keyword` in any case: `from`, `into`. */
export function isKeywordWord(tok: IToken, keyword: string): boolean {
  return tok.tokenType === Word && tok.image.toLowerCase() === keyword;
}

/** Always double-quoted, escaped as the lexer unescapes (`\"`, `\\`). */
export function quoteText(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/**
 * The next tokens are `name=`: an explicit gate for option loops, since at the end of a rule
 * Chevrotain would otherwise enter them on any word (`fit X y from x` would read `from` as an option).
 */
export function atOption(g: Grammar): boolean {
  return g.LA(2).tokenType === Eq;
}

/** Small typed accessors over Chevrotain CST nodes, so the AST builders read like the grammar. */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Span } from '../source/span.js';

export function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

export function nodes(n: CstNode, key: string): CstNode[] {
  return (n.children[key] ?? []) as CstNode[];
}

export function node(n: CstNode, key: string): CstNode | undefined {
  return nodes(n, key)[0];
}

export function tokens(n: CstNode, key: string): IToken[] {
  return (n.children[key] ?? []) as IToken[];
}

export function token(n: CstNode, key: string): IToken | undefined {
  return tokens(n, key)[0];
}

/** The first child token of any of the given token-type names. */
export function anyToken(n: CstNode, ...keys: string[]): IToken | undefined {
  for (const k of keys) {
    const t = token(n, k);
    if (t) return t;
  }
  return undefined;
}

export function tokenSpan(t: IToken): Span {
  return { start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1 };
}

/**
 * The span of everything a node covers. The parser tracks node offsets (nodeLocationTracking),
 * so this is O(1); an empty node (no tokens) spans nothing.
 */
export function nodeSpan(n: CstNode): Span {
  const loc = n.location;
  if (loc && Number.isFinite(loc.startOffset) && loc.endOffset !== undefined && Number.isFinite(loc.endOffset)) {
    return { start: loc.startOffset, end: loc.endOffset + 1 };
  }
  return { start: 0, end: 0 };
}

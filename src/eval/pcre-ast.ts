/**
 * The PCRE syntax tree produced by pcre-parse.ts and read by the JavaScript emitter, the backtracking
 * risk analysis and the linear-time engine. Flags are resolved while parsing: each node carries what
 * it needs (`caseless`, `dotall`, `multiline`), so no consumer tracks `(?i)` scopes itself.
 */
import type { CharSet } from './pcre-charset.js';

export type PcreNode =
  | { readonly kind: 'Empty' }
  | { readonly kind: 'Char'; readonly cp: number; readonly caseless: boolean }
  | SetNode
  | { readonly kind: 'Dot'; readonly dotall: boolean }
  | { readonly kind: 'Newline' } // \R: (?>\r\n|[\n\v\f\r\x85\u2028\u2029])
  | { readonly kind: 'Anchor'; readonly anchor: AnchorKind }
  | { readonly kind: 'Seq'; readonly items: readonly PcreNode[] }
  | { readonly kind: 'Alt'; readonly alternatives: readonly PcreNode[] }
  | { readonly kind: 'Group'; readonly group: GroupKind; readonly body: PcreNode; readonly index?: number; readonly name?: string }
  | Repeat
  | { readonly kind: 'Backref'; readonly index: number; readonly caseless: boolean }
  | { readonly kind: 'Fail' };

export interface SetNode {
  readonly kind: 'Set';
  /** The code points matched (already closed under case folding for caseless literal parts). */
  readonly set: CharSet;
  readonly caseless: boolean;
  /**
   * True when the set holds parts that caseless matching must leave alone (`\w`, POSIX classes,
   * `\p{..}`): JavaScript's `i` flag would fold them (`\w` would match U+212A KELVIN SIGN).
   */
  readonly foldSensitive: boolean;
}

export interface Repeat {
  readonly kind: 'Repeat';
  readonly body: PcreNode;
  readonly min: number;
  /** Infinity for unbounded. */
  readonly max: number;
  readonly mode: 'greedy' | 'lazy' | 'possessive';
}

/**
 * Anchors in PCRE's meaning: `start` is `\A` (and `^` without multiline), `end` is `\z`,
 * `endNl` is `\Z` (and `$` without multiline: the end, or before a final newline).
 */
export type AnchorKind = 'start' | 'lineStart' | 'end' | 'endNl' | 'lineEnd' | 'word' | 'notWord';

export type GroupKind = 'capture' | 'plain' | 'atomic' | 'ahead' | 'notAhead' | 'behind' | 'notBehind';

/** A parsed pattern: the tree, its capture groups (1-based, in PCRE numbering) and their names. */
export interface PcreTree {
  readonly root: PcreNode;
  readonly groupCount: number;
  /** names[i] is the name of group i (index 0 unused), or undefined. */
  readonly names: readonly (string | undefined)[];
}

/** Visit every node of a tree, parents first. */
export function walk(node: PcreNode, visit: (n: PcreNode) => void): void {
  visit(node);
  switch (node.kind) {
    case 'Seq': node.items.forEach((n) => walk(n, visit)); break;
    case 'Alt': node.alternatives.forEach((n) => walk(n, visit)); break;
    case 'Group': case 'Repeat': walk(node.body, visit); break;
    default: break;
  }
}

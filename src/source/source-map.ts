/**
 * The source map built by macro expansion and read by the error renderer.
 *
 * The expanded text is covered by contiguous, sorted segments; each segment says which source
 * (the user's query, a macro file, a YAML file) its characters come from and at which offset.
 * Text substituted for `$arg$` maps to where the argument was written at the call site, so a typo
 * in an argument points at the user's own characters.
 */

/** One original text: the query, a macro file or a detection YAML file, whole. */
export interface SourceText {
  readonly id: number;
  /** Display name: a file path, or '<query>' for SPL given on the command line. */
  readonly name: string;
  readonly text: string;
}

/** Expanded [start, end) comes from `source` starting at `sourceStart`, inside `expansion` (-1: none). */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly source: number;
  readonly sourceStart: number;
  readonly expansion: number;
}

/** One macro call: the backtick span in its parent source, and the enclosing expansion. */
export interface Expansion {
  readonly id: number;
  /** The macro as resolved, `name` or `name(n)`. */
  readonly macro: string;
  readonly callSite: { readonly source: number; readonly start: number; readonly end: number };
  readonly parent: number;
  /** Where the definition came from (file and layer), for notes. */
  readonly definedIn?: string;
}

export interface SourceMap {
  readonly sources: readonly SourceText[];
  readonly segments: readonly Segment[];
  readonly expansions: readonly Expansion[];
}

/** A text whose characters map piecewise into a source (a query inside YAML, a macro definition). */
export interface MappedText {
  readonly text: string;
  readonly source: number;
  /** Sorted by `at`; text offsets from `at` on map to `sourceOffset + (offset - at)`. */
  readonly pieces: readonly { readonly at: number; readonly sourceOffset: number }[];
}

/** A mapped text that is a plain slice of its source starting at `offset`. */
export function sliceOf(text: string, source: number, offset = 0): MappedText {
  return { text, source, pieces: [{ at: 0, sourceOffset: offset }] };
}

/** Source offset of a text offset in a mapped text. */
export function mapOffset(m: MappedText, offset: number): number {
  let piece = m.pieces[0]!;
  for (const p of m.pieces) {
    if (p.at <= offset) piece = p;
    else break;
  }
  return piece.sourceOffset + (offset - piece.at);
}

/** Where an offset of the expanded text came from. */
export interface Origin {
  readonly source: number;
  readonly offset: number;
  /** Innermost expansion first; empty when the text is the query's own. */
  readonly chain: readonly Expansion[];
}

/** Binary search over the segments; offsets past the end resolve to the last segment's end. */
export function resolveOffset(map: SourceMap, offset: number): Origin {
  const segs = map.segments;
  if (segs.length === 0) return { source: 0, offset, chain: [] };
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const seg = segs[lo]!;
  const within = Math.max(0, Math.min(offset, seg.end) - seg.start);
  return { source: seg.source, offset: seg.sourceStart + within, chain: expansionChain(map, seg.expansion) };
}

export function expansionChain(map: SourceMap, id: number): Expansion[] {
  const chain: Expansion[] = [];
  for (let e = id; e >= 0; e = map.expansions[e]!.parent) chain.push(map.expansions[e]!);
  return chain;
}

/** The identity map for text that went through no expansion. */
export function identityMap(text: string, name = '<query>'): SourceMap {
  return {
    sources: [{ id: 0, name, text }],
    segments: [{ start: 0, end: text.length, source: 0, sourceStart: 0, expansion: -1 }],
    expansions: [],
  };
}

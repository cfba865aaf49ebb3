/**
 * Small helpers to build and cut `MappedText`s (a text whose characters map piecewise into a
 * source file), used by the macro file readers to keep every definition character's position.
 */
import { mapOffset, type MappedText } from '../source/source-map.js';

type Piece = MappedText['pieces'][number];

/**
 * A mapped text from one source offset per character (a new piece wherever offsets jump);
 * an empty text maps to `emptyAt`.
 */
export function fromOffsets(text: string, source: number, offsets: readonly number[], emptyAt = 0): MappedText {
  const pieces: Piece[] = [];
  for (let i = 0; i < offsets.length; i++) {
    if (i === 0 || offsets[i] !== offsets[i - 1]! + 1) pieces.push({ at: i, sourceOffset: offsets[i]! });
  }
  if (pieces.length === 0) pieces.push({ at: 0, sourceOffset: emptyAt });
  return { text, source, pieces };
}

/** The characters [from, to) of a mapped text, still mapped to where they came from. */
export function sliceMapped(m: MappedText, from: number, to: number): MappedText {
  const pieces: Piece[] = [{ at: 0, sourceOffset: mapOffset(m, from) }];
  for (const p of m.pieces) {
    if (p.at > from && p.at < to) pieces.push({ at: p.at - from, sourceOffset: p.sourceOffset });
  }
  return { text: m.text.slice(from, to), source: m.source, pieces };
}

/** Whitespace trimmed at both ends (conf values and inline definitions are trimmed, MA1). */
export function trimMapped(m: MappedText): MappedText {
  const start = m.text.length - m.text.trimStart().length;
  const end = m.text.trimEnd().length;
  return start >= end ? sliceMapped(m, start, start) : sliceMapped(m, start, end);
}

/** Concatenate mapped texts of the same source. */
export function joinMapped(parts: readonly MappedText[], source: number): MappedText {
  const pieces: Piece[] = [];
  let text = '';
  for (const part of parts) {
    for (const p of part.pieces) pieces.push({ at: text.length + p.at, sourceOffset: p.sourceOffset });
    text += part.text;
  }
  if (pieces.length === 0) pieces.push({ at: 0, sourceOffset: 0 });
  // Two parts can both start a piece at the same `at` when one is empty; the later one wins.
  const dedup = pieces.filter((p, i) => i === pieces.length - 1 || pieces[i + 1]!.at !== p.at);
  return { text, source, pieces: dedup };
}

/**
 * Chunks: texts that carry, for every character, where it came from (source, offset, expansion)
 * as contiguous segments. The query, each macro body after `$arg$` substitution, and the final
 * expanded text are chunks; copying a range of one chunk into a builder keeps its origins.
 */
import type { MappedText, Segment } from '../source/source-map.js';

export interface Chunk {
  readonly text: string;
  /** Contiguous and sorted, covering the whole text. */
  readonly segs: readonly Segment[];
}

/** Index of the segment containing `offset` (the last one for offsets at or past the end). */
export function findSeg(segs: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Builds a chunk by appending ranges of other chunks and of mapped texts. */
export class ChunkBuilder {
  private readonly parts: string[] = [];
  private readonly segs: Segment[] = [];
  length = 0;

  /** Append chunk characters [from, to) with their origins. */
  appendChunk(c: Chunk, from: number, to: number): void {
    if (from >= to) return;
    for (let k = findSeg(c.segs, from); k < c.segs.length && c.segs[k]!.start < to; k++) {
      const seg = c.segs[k]!;
      const a = Math.max(from, seg.start);
      const b = Math.min(to, seg.end);
      if (a < b) this.push(c.text.slice(a, b), seg.source, seg.sourceStart + (a - seg.start), seg.expansion);
    }
  }

  /** Append mapped-text characters [from, to), attributed to `expansion`. */
  appendMapped(m: MappedText, from: number, to: number, expansion: number): void {
    const pieces = m.pieces;
    for (let k = 0; k < pieces.length; k++) {
      const pStart = pieces[k]!.at;
      const pEnd = k + 1 < pieces.length ? pieces[k + 1]!.at : m.text.length;
      const a = Math.max(from, pStart);
      const b = Math.min(to, pEnd);
      if (a < b) this.push(m.text.slice(a, b), m.source, pieces[k]!.sourceOffset + (a - pStart), expansion);
    }
  }

  build(): Chunk {
    return { text: this.parts.join(''), segs: [...this.segs] };
  }

  /** Adjacent runs from the same place merge into one segment. */
  private push(text: string, source: number, sourceStart: number, expansion: number): void {
    const last = this.segs[this.segs.length - 1];
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    if (
      last &&
      last.source === source &&
      last.expansion === expansion &&
      last.sourceStart + (last.end - last.start) === sourceStart
    ) {
      this.segs[this.segs.length - 1] = { ...last, end: this.length };
      return;
    }
    this.segs.push({ start, end: this.length, source, sourceStart, expansion });
  }
}

/** A whole mapped text as a chunk (the query: expansion -1; a macro body: its expansion id). */
export function chunkOfMapped(m: MappedText, expansion: number): Chunk {
  const b = new ChunkBuilder();
  b.appendMapped(m, 0, m.text.length, expansion);
  return b.build();
}

/** Characters [from, to) of a chunk as a chunk of their own (an argument's text). */
export function sliceChunk(c: Chunk, from: number, to: number): Chunk {
  const b = new ChunkBuilder();
  b.appendChunk(c, from, to);
  return b.build();
}

/** Where a chunk's characters [start, end) were written: the start's source span, clamped to it. */
export function sourceSpanOf(c: Chunk, start: number, end: number) {
  const seg = c.segs[findSeg(c.segs, start)];
  if (!seg) return { source: 0, start, end };
  const from = seg.sourceStart + (start - seg.start);
  return { source: seg.source, start: from, end: from + (Math.min(end, seg.end) - start) };
}

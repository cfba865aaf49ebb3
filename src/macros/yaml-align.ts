/**
 * Maps each character of a parsed YAML scalar back to its offset in the file, by walking the
 * value and the scalar's raw text side by side. Exact for plain and quoted single-line scalars;
 * for folded lines, escapes and block scalars every character still lands on the right line.
 * YAML 1.2 spec sections 7.3 (flow scalars, folding, escapes) and 8.1 (block scalars).
 */
import type { MappedText } from '../source/source-map.js';

/** The scalar styles of the `yaml` package (`Scalar.type`). */
export type ScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

/**
 * For each character of `value`, its offset in the file, given the scalar's `raw` source text
 * (quotes and block header included) which starts at file offset `rawStart`.
 */
export function alignScalar(value: string, raw: string, rawStart: number, style: ScalarStyle): number[] {
  const cursor = new RawCursor(raw, style);
  const offsets = new Array<number>(value.length);
  // UTF-16 units, as offsets everywhere else count them.
  for (let i = 0; i < value.length; i++) offsets[i] = rawStart + cursor.take(value.charCodeAt(i));
  return offsets;
}

/**
 * The same alignment as a MappedText (a piece wherever offsets jump, as `fromOffsets` builds it),
 * without an offset per character: a detection's search is mapped this way for every file.
 */
export function alignMapped(
  value: string,
  raw: string,
  rawStart: number,
  style: ScalarStyle,
  source: number,
  toFile: (offset: number) => number,
  emptyAt: number,
): MappedText {
  const cursor = new RawCursor(raw, style);
  const pieces: { at: number; sourceOffset: number }[] = [];
  let previous = NaN;
  for (let i = 0; i < value.length; i++) {
    const at = toFile(rawStart + cursor.take(value.charCodeAt(i)));
    if (at !== previous + 1) pieces.push({ at: i, sourceOffset: at });
    previous = at;
  }
  if (pieces.length === 0) pieces.push({ at: 0, sourceOffset: emptyAt });
  return { text: value, source, pieces };
}

const BACKSLASH = 92;
const QUOTE = 39;
const NL = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/** Walks the raw text; `take` finds where the next value character was written. */
class RawCursor {
  private r: number;

  constructor(
    private readonly raw: string,
    private readonly style: ScalarStyle,
  ) {
    this.r = bodyStart(raw, style);
  }

  /** Where value character `c` was written, scanning on from the last one; moves past it. */
  take(c: number): number {
    const { raw, style } = this;
    while (this.r < raw.length) {
      const r = this.r;
      const x = raw.charCodeAt(r);
      if (style === 'QUOTE_DOUBLE' && x === BACKSLASH) {
        const n = raw.charCodeAt(r + 1);
        // An escaped line break produces no character: `"a \` + newline + `  b"` is "a b".
        if (n === NL || n === CR) {
          this.r += 2;
          continue;
        }
        return this.advance(r, escapeLength(raw[r + 1]));
      }
      if (style === 'QUOTE_SINGLE' && x === QUOTE && raw.charCodeAt(r + 1) === QUOTE) return this.advance(r, 2);
      if (x === c) return this.advance(r, 1);
      // A single line break folds into a space.
      if (x === NL && c === SPACE) return this.advance(r, 1);
      // Indentation, trailing spaces and extra line breaks are not part of the value.
      if (x === SPACE || x === TAB || x === NL || x === CR) {
        this.r += 1;
        continue;
      }
      // Not expected for a well-formed scalar: stay in step rather than run ahead.
      return this.advance(r, 1);
    }
    return this.advance(Math.max(0, raw.length - 1), 1);
  }

  private advance(at: number, width: number): number {
    this.r = at + width;
    return at;
  }
}

function bodyStart(raw: string, style: ScalarStyle): number {
  if (style === 'QUOTE_SINGLE' || style === 'QUOTE_DOUBLE') return 1;
  if (style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED') {
    const nl = raw.indexOf('\n');
    return nl === -1 ? raw.length : nl + 1;
  }
  return 0;
}

/** Raw length of a double-quoted escape whose letter is `n` (`\x41`, `\u0041`, `\U00000041`, `\n`). */
function escapeLength(n: string | undefined): number {
  if (n === 'x') return 4;
  if (n === 'u') return 6;
  if (n === 'U') return 10;
  return 2;
}

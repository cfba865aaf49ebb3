/**
 * Maps each character of a parsed YAML scalar back to its offset in the file, by walking the
 * value and the scalar's raw text side by side. Exact for plain and quoted single-line scalars;
 * for folded lines, escapes and block scalars every character still lands on the right line.
 * YAML 1.2 spec sections 7.3 (flow scalars, folding, escapes) and 8.1 (block scalars).
 */

/** The scalar styles of the `yaml` package (`Scalar.type`). */
export type ScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

/**
 * For each character of `value`, its offset in the file, given the scalar's `raw` source text
 * (quotes and block header included) which starts at file offset `rawStart`.
 */
export function alignScalar(value: string, raw: string, rawStart: number, style: ScalarStyle): number[] {
  const offsets: number[] = [];
  let r = bodyStart(raw, style);
  // UTF-16 units, as offsets everywhere else count them.
  for (let i = 0; i < value.length; i++) {
    const [at, next] = matchChar(value[i]!, raw, r, style);
    offsets.push(rawStart + at);
    r = next;
  }
  return offsets;
}

function bodyStart(raw: string, style: ScalarStyle): number {
  if (style === 'QUOTE_SINGLE' || style === 'QUOTE_DOUBLE') return 1;
  if (style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED') {
    const nl = raw.indexOf('\n');
    return nl === -1 ? raw.length : nl + 1;
  }
  return 0;
}

/** Where value character `c` was written, scanning from raw offset `r`; returns [offset, next r]. */
function matchChar(c: string, raw: string, r: number, style: ScalarStyle): [number, number] {
  while (r < raw.length) {
    const x = raw[r]!;
    if (style === 'QUOTE_DOUBLE' && x === '\\') {
      const n = raw[r + 1];
      // An escaped line break produces no character: `"a \` + newline + `  b"` is "a b".
      if (n === '\n' || n === '\r') {
        r += 2;
        continue;
      }
      return [r, r + escapeLength(n)];
    }
    if (style === 'QUOTE_SINGLE' && x === "'" && raw[r + 1] === "'") return [r, r + 2];
    if (x === c) return [r, r + 1];
    // A single line break folds into a space.
    if (x === '\n' && c === ' ') return [r, r + 1];
    // Indentation, trailing spaces and extra line breaks are not part of the value.
    if (x === ' ' || x === '\t' || x === '\n' || x === '\r') {
      r += 1;
      continue;
    }
    // Not expected for a well-formed scalar: stay in step rather than run ahead.
    return [r, r + 1];
  }
  return [Math.max(0, raw.length - 1), raw.length];
}

/** Raw length of a double-quoted escape whose letter is `n` (`\x41`, `\u0041`, `\U00000041`, `\n`). */
function escapeLength(n: string | undefined): number {
  if (n === 'x') return 4;
  if (n === 'u') return 6;
  if (n === 'U') return 10;
  return 2;
}

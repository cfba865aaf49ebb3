/**
 * The raw-text prefilter of the reader: lines of an NDJSON file that cannot contain the text the
 * search requires (src/search/required-text.ts) are skipped before JSON.parse. Each chunk is
 * viewed once as latin1 (one char per byte, so ASCII fragments are found exactly where the UTF-8
 * bytes hold them) and scanned with one case-insensitive regex for the anchor clause; only the lines
 * it hits, plus lines that could hide a fragment (`\u` escapes, characters that lower-case to ASCII:
 * U+0130, U+212A), are checked against the other clauses and parsed.
 */
import { escapeRegex } from '../search/wildcard.js';
import type { RequiredText } from '../search/required-text.js';

export interface Prefilter {
  /** Candidate lines among the whole lines in bytes [start, end): offsets relative to `start`. */
  candidates(bytes: Buffer, start: number, end: number): Array<[number, number]>;
}

// `\u` escapes and the UTF-8 bytes of U+0130 (C4 B0) and U+212A (E2 84 AA): searched in the bytes
// with Buffer.indexOf (native and fast), not with a regex over the whole chunk.
const UNSAFE: readonly Buffer[] = [Buffer.from('\\u', 'latin1'), Buffer.from([0xc4, 0xb0]), Buffer.from([0xe2, 0x84, 0xaa])];

export function buildPrefilter(required: RequiredText): Prefilter | undefined {
  const clauses = required.filter((c) => c.length > 0 && c.every((f) => f.length > 0));
  if (clauses.length === 0) return undefined;
  // The anchor: the clause whose shortest alternative is longest (the most selective guess).
  const anchor = [...clauses].sort((a, b) => shortest(b) - shortest(a))[0]!;
  const anchorRe = alternation(anchor, 'gi');
  const checks = clauses.filter((c) => c !== anchor).map((c) => alternation(c, 'i'));
  return {
    candidates(bytes, start, end) {
      const text = bytes.toString('latin1', start, end);
      const lines = new Map<number, number>();
      collectLines(text, anchorRe, lines);
      const verified = new Map<number, number>();
      for (const [s, e] of lines) {
        const line = text.slice(s, e);
        if (checks.every((re) => re.test(line))) verified.set(s, e);
      }
      // A line that may spell a fragment with an escape stays a candidate whatever it matched.
      for (const needle of UNSAFE) collectByteLines(bytes, start, end, needle, text, verified);
      return [...verified].sort((a, b) => a[0] - b[0]);
    },
  };
}

/** Adds the span of every line (offsets in `text`, the latin1 view of bytes[start, end)) holding `needle`. */
function collectByteLines(bytes: Buffer, start: number, end: number, needle: Buffer, text: string, lines: Map<number, number>): void {
  // A view of the range: indexOf on the whole buffer would search past `end` on every miss.
  const range = bytes.subarray(start, end);
  for (let i = range.indexOf(needle); i >= 0; i = range.indexOf(needle, i + 1)) {
    const lineStart = text.lastIndexOf('\n', i) + 1;
    const nl = text.indexOf('\n', i);
    lines.set(lineStart, nl < 0 ? text.length : nl);
    if (nl < 0) return;
    i = nl;
  }
}

function shortest(clause: readonly string[]): number {
  return Math.min(...clause.map((f) => f.length));
}

function alternation(fragments: readonly string[], flags: string): RegExp {
  return new RegExp(fragments.map(escapeRegex).join('|'), flags);
}

/** Adds the span [start, end) of every line holding a match of `re` (a global regex). */
function collectLines(text: string, re: RegExp, lines: Map<number, number>): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = text.lastIndexOf('\n', m.index) + 1;
    const nl = text.indexOf('\n', m.index);
    const end = nl < 0 ? text.length : nl;
    lines.set(start, end);
    re.lastIndex = end;
  }
}

/**
 * Bare terms and quoted phrases against `_raw` (spec 01 S4, S5, S13): case-insensitive, whole
 * tokens only (the match must start and end on a breaker or the text's edge), `*` matching any run
 * without a major breaker. TERM(x) needs major breakers on both sides.
 */
import type { SearchValue } from '../spl/ast.js';
import { BREAKER_CLASS, MAJOR_CLASS, isBreaker, isMajorBreaker } from './breakers.js';
import { backtrackingRuns, escapeRegex, guardedRegex } from './wildcard.js';

export type RawMatcher = (raw: string, lowerRaw: () => string) => boolean;

export function compileTermMatcher(value: SearchValue): RawMatcher {
  const text = value.text;
  if (text.includes('*')) return wildcardTerm(text, value);
  const boundary = value.term ? isMajorBreaker : isBreaker;
  if (value.caseSensitive) return (raw) => occursBounded(raw, text, boundary);
  const lower = text.toLowerCase();
  return (_raw, lowerRaw) => occursBounded(lowerRaw(), lower, boundary);
}

/** Whether `needle` occurs in `hay` with a boundary character (or an edge) on both sides. */
export function occursBounded(hay: string, needle: string, boundary: (c: number) => boolean): boolean {
  if (needle.length === 0) return false;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const before = at === 0 || boundary(hay.charCodeAt(at - 1)) || boundary(needle.charCodeAt(0));
    const end = at + needle.length;
    const after = end === hay.length || boundary(hay.charCodeAt(end)) || boundary(needle.charCodeAt(needle.length - 1));
    if (before && after) return true;
  }
  return false;
}

function wildcardTerm(text: string, value: SearchValue): RawMatcher {
  const edge = value.term ? MAJOR_CLASS : BREAKER_CLASS;
  const parts = text.split('*');
  const body = parts.map(escapeRegex).join(`(?:(?!${MAJOR_CLASS})[\\s\\S])*`);
  // `$` may stand before a final newline in PCRE: the same here, since a newline is an edge.
  const re = guardedRegex(`(?:^|(?<=${edge}))${body}(?:$|(?=${edge}))`, value.caseSensitive ? '' : 'i', backtrackingRuns(parts));
  return (raw) => re.test(raw);
}

/**
 * Character scans over JSON text for what JSON.parse cannot tell us: where each element of a
 * top-level array (or each value of a concatenated sequence) starts and ends, so an event's `_raw`
 * is the text as given; the text of one object member (a HEC envelope's `event`); and whitespace
 * removal that keeps number text (`1.50` stays `1.50`). Callers validate with JSON.parse: these
 * scans only look for boundaries and return null/-1 when the text is not shaped as expected.
 */

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const COMMA = 44;
const COLON = 58;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;

/** A half-open range [start, end) in a text. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

export function isJsonSpace(c: number): boolean {
  return c === SPACE || c === LF || c === CR || c === TAB;
}

/** The first index at or after `i` that is not JSON whitespace. */
export function skipSpace(text: string, i: number): number {
  const n = text.length;
  while (i < n && isJsonSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Index just past the string whose opening quote is at `i`, or -1 when it is unterminated. */
export function stringEnd(text: string, i: number): number {
  let from = i + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q < 0) return -1;
    let b = q - 1;
    while (b > i && text.charCodeAt(b) === BACKSLASH) b--;
    // An even number of backslashes before the quote means it is not escaped.
    if ((q - 1 - b) % 2 === 0) return q + 1;
    from = q + 1;
  }
}

function isDelimiter(c: number): boolean {
  return c === COMMA || c === RBRACKET || c === RBRACE || c === LBRACKET || c === LBRACE || c === QUOTE;
}

function containerEnd(text: string, i: number): number {
  const n = text.length;
  let depth = 0;
  for (let j = i; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) {
      const end = stringEnd(text, j);
      if (end < 0) return -1;
      j = end - 1;
    } else if (c === LBRACE || c === LBRACKET) {
      depth++;
    } else if ((c === RBRACE || c === RBRACKET) && --depth === 0) {
      return j + 1;
    }
  }
  return -1;
}

/** Index just past the JSON value starting at `i`, or -1 when none can be delimited. */
export function valueEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return stringEnd(text, i);
  if (c === LBRACE || c === LBRACKET) return containerEnd(text, i);
  const n = text.length;
  let j = i;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (isJsonSpace(d) || isDelimiter(d)) break;
    j++;
  }
  return j > i ? j : -1;
}

/** Spans of the elements of the array starting at `i` (after whitespace), or null when not shaped so. */
export function arrayElementSpans(text: string, i: number): TextSpan[] | null {
  const open = skipSpace(text, i);
  if (text.charCodeAt(open) !== LBRACKET) return null;
  const spans: TextSpan[] = [];
  let j = skipSpace(text, open + 1);
  if (text.charCodeAt(j) === RBRACKET) return spans;
  for (;;) {
    const end = valueEnd(text, j);
    if (end < 0) return null;
    spans.push({ start: j, end });
    j = skipSpace(text, end);
    const c = text.charCodeAt(j);
    if (c === RBRACKET) return spans;
    if (c !== COMMA) return null;
    j = skipSpace(text, j + 1);
  }
}

/** Spans of the whitespace-separated JSON values that make up `text` (`{…}\n{…}` or `{…}{…}`). */
export function sequenceSpans(text: string): TextSpan[] | null {
  const spans: TextSpan[] = [];
  let j = skipSpace(text, 0);
  while (j < text.length) {
    const end = valueEnd(text, j);
    if (end < 0) return null;
    spans.push({ start: j, end });
    j = skipSpace(text, end);
  }
  return spans;
}

function keyText(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end - 1);
  return inner.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : inner;
}

/**
 * Span of the value of member `key` in the object starting at `i` (after whitespace): the last one
 * when the key repeats, as JSON.parse keeps the last; null when absent or not shaped so.
 */
export function memberValueSpan(text: string, i: number, key: string): TextSpan | null {
  const open = skipSpace(text, i);
  if (text.charCodeAt(open) !== LBRACE) return null;
  let found: TextSpan | null = null;
  let j = skipSpace(text, open + 1);
  while (text.charCodeAt(j) === QUOTE) {
    const keyEnd = stringEnd(text, j);
    if (keyEnd < 0) return null;
    const name = keyText(text, j, keyEnd);
    j = skipSpace(text, keyEnd);
    if (text.charCodeAt(j) !== COLON) return null;
    j = skipSpace(text, j + 1);
    const end = valueEnd(text, j);
    if (end < 0) return null;
    if (name === key) found = { start: j, end };
    j = skipSpace(text, end);
    if (text.charCodeAt(j) !== COMMA) break;
    j = skipSpace(text, j + 1);
  }
  return found;
}

/** The JSON text in [start, end) without insignificant whitespace; strings and numbers as written. */
const LOOSE_WHITESPACE = /[{}[\],:][ \t\r\n]|[ \t\r\n][{}[\],:]/;

export function compactJson(text: string, start: number, end: number): string {
  // Whitespace outside strings always touches a structural character; without such a pair the
  // text is already compact (the common case for NDJSON), found by one native regex test.
  const slice = text.slice(start, end);
  if (!LOOSE_WHITESPACE.test(slice)) return slice;
  let out = '';
  let from = start;
  for (let j = start; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) {
      const close = stringEnd(text, j);
      if (close < 0 || close > end) break;
      j = close - 1;
    } else if (isJsonSpace(c)) {
      out += text.slice(from, j);
      const next = skipSpace(text, j);
      from = next < end ? next : end;
      j = from - 1;
    }
  }
  return out + text.slice(from, end);
}

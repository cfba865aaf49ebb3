/**
 * Spans: half-open offset ranges [start, end) in the *expanded* search text.
 * Only the error renderer maps them back to the user's text (see source-map.ts).
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

/** The smallest span covering both. */
export function joinSpans(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

export function spanContains(outer: Span, offset: number): boolean {
  return offset >= outer.start && offset < outer.end;
}

/**
 * The SPL value model's text/number rules, shared by search, stats, eval and output.
 * Spec 01 S8 (what counts as a number), 07 O2 (how numbers print).
 */

// A value is numeric when, trimmed, it is a decimal number (spec 01 S8 recommendation).
const NUMERIC = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

export function isNumericText(text: string): boolean {
  return NUMERIC.test(text);
}

/** The number a value denotes, or undefined when it is not numeric text. */
export function toNumber(v: string | number): number | undefined {
  if (typeof v === 'number') return v;
  return NUMERIC.test(v) ? Number(v) : undefined;
}

/**
 * Render a computed number as Splunk prints it: integral values without a decimal point, others
 * with the shortest round-tripping digits (JavaScript's rule); nan/inf/-inf (spec 07 O2).
 */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  if (Object.is(n, -0)) return '0';
  return String(n);
}

/** A scalar as output text: strings unchanged, numbers rendered. */
export function scalarText(v: string | number): string {
  return typeof v === 'number' ? formatNumber(v) : v;
}

/** Byte-order (UTF-8) comparison of strings, as Splunk's lexicographic ordering (spec 03 T3, T14). */
export function compareBytes(a: string, b: string): number {
  // UTF-16 code unit order differs from UTF-8 byte order only for surrogate pairs vs U+E000..U+FFFF.
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

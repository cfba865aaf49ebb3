/**
 * The spans of `bin`/`bucket` and their number bins (Search Reference, "bin"; Search Manual,
 * "Search using time bins and spans"; SPL2 Search Manual, "Specifying time spans"):
 * - `<int><timescale>` is a time span, read and aligned in the user's zone by time/time-span.ts;
 *   so is a plain number on a time field (seconds);
 * - a plain number on a numeric field gives ranges `lo-hi` (end not inclusive);
 * - `[<coef>]log[<base>]` gives ranges `c*b^k-c*b^(k+1)`;
 * - with no span, numbers get the least power of ten whose bins fit `bins` (values 0..59 with
 *   bins=5 -> one bin `0-100`; 0..23 with bins=12 -> `0-10`, `10-20`, `20-30`).
 */
import { formatNumber } from '../../eval/values.js';
import { readSpanLength, spanOf, type LengthSpan } from '../../time/time-span.js';

export type BinSpan =
  | { readonly kind: 'number'; readonly size: number }
  | { readonly kind: 'log'; readonly coefficient: number; readonly base: number }
  | LengthSpan;

const LOG = /^(\d+\.?\d*|\.\d+)?log(\d+\.?\d*|\.\d+)?$/i;

/** `1h`, `5m`, `2d`, `1mon`, `10`, `0.5`, `log`, `2log10`; undefined when not a span. */
export function parseSpan(text: string): BinSpan | undefined {
  const s = text.trim();
  const log = LOG.exec(s);
  if (log) {
    const coefficient = log[1] === undefined ? 1 : Number(log[1]);
    const base = log[2] === undefined ? 10 : Number(log[2]);
    // "If the first number is supplied, it must be a real number >= 1.0 and < base. Base ... > 1.0".
    return base > 1 && coefficient >= 1 && coefficient < base ? { kind: 'log', coefficient, base } : undefined;
  }
  const length = readSpanLength(s);
  if (!length || !(length.amount > 0)) return undefined;
  return length.unit ? spanOf(length.amount, length.unit) : { kind: 'number', size: length.amount };
}

/** The span on a time field: a plain number counts seconds (`bin _time span=3600`); aligntime moves fixed spans. */
export function asTimeSpan(span: BinSpan, align = 0): LengthSpan | undefined {
  if (span.kind === 'number') return { kind: 'fixed', seconds: span.size, align };
  if (span.kind === 'fixed') return { ...span, align };
  return span.kind === 'log' ? undefined : span;
}

/** `[lo, hi)` of `v` for a numeric span. */
export function numericBin(v: number, size: number): [number, number] {
  const k = Math.floor(quotient(v, size));
  return [tidy(k * size), tidy((k + 1) * size)];
}

/** `[c*b^k, c*b^(k+1))` holding `v`; undefined for values <= 0, which have no log bin. */
export function logBin(v: number, coefficient: number, base: number): [number, number] | undefined {
  if (!(v > 0)) return undefined;
  let k = Math.floor(Math.log(v / coefficient) / Math.log(base));
  // Math.log(1000) / Math.log(10) is 2.9999999999999996: nudge k so that lo <= v < hi.
  if (coefficient * base ** (k + 1) <= v) k++;
  if (coefficient * base ** k > v) k--;
  return [tidy(coefficient * base ** k), tidy(coefficient * base ** (k + 1))];
}

export function rangeText([lo, hi]: [number, number]): string {
  return `${formatNumber(lo)}-${formatNumber(hi)}`;
}

/** The power of ten for numbers in `[min, max]`: the least whose bins fit `bins`, and at least `minspan`. */
export function autoNumericSpan(min: number, max: number, bins: number, minspan = 0): number {
  const range = max - min;
  let e = range > 0 ? Math.ceil(Math.log10(range / bins) - 1e-12) : 0;
  const size = (): number => tidy(10 ** e);
  const fits = (s: number): boolean => Math.floor(quotient(max, s)) - Math.floor(quotient(min, s)) + 1 <= bins;
  while (!fits(size()) || size() < minspan) e++;
  return size();
}

/** Nice time spans for bins without span=, read off Splunk's default timechart spans (10s, 1m, 5m, 30m, 1d, 1mon). */
const TIME_LADDER: readonly LengthSpan[] = [
  ...[1, 10, 60, 300, 1800, 3600].map((seconds): LengthSpan => ({ kind: 'fixed', seconds, align: 0 })),
  { kind: 'days', days: 1 },
  { kind: 'months', months: 1 },
  { kind: 'months', months: 12 },
];

/** Approximate length of a time span in seconds (months as 1/12 of 365.2425 days). */
export function spanSeconds(span: LengthSpan): number {
  if (span.kind === 'fixed') return span.seconds;
  return span.kind === 'days' ? span.days * 86_400 : span.months * 2_629_746;
}

/** The first ladder span whose bins over `[min, max]` fit `bins` and that is not below `minspan` seconds. */
export function autoTimeSpan(min: number, max: number, bins: number, minspan = 0): LengthSpan {
  const count = (s: LengthSpan): number => {
    if (s.kind === 'fixed') return Math.floor(max / s.seconds) - Math.floor(min / s.seconds) + 1;
    return Math.ceil((max - min) / spanSeconds(s)) + 1;
  };
  for (const s of TIME_LADDER) if (spanSeconds(s) >= minspan && count(s) <= bins) return s;
  let years = 10;
  while (Math.ceil((max - min) / (years * 31_556_952)) + 1 > bins) years *= 10;
  return { kind: 'months', months: years * 12 };
}

/** `a / b` that lands on the integer when float error leaves it a hair below (0.3 / 0.1). */
function quotient(a: number, b: number): number {
  const q = a / b;
  const r = Math.round(q);
  return Math.abs(q - r) <= 16 * Number.EPSILON * Math.max(1, Math.abs(q)) ? r : q;
}

/** Strip float noise from a computed boundary (3 * 0.1 -> 0.3). */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

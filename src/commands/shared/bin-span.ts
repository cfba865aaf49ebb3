/**
 * Spans of `bin`/`bucket` and how values snap to them (Search Reference, "bin"; Search Manual,
 * "Search using time bins and spans"; SPL2 Search Manual, "Specifying time spans"):
 * - `<int><timescale>`: sub-day units are exact seconds, aligned to epoch 0 (or aligntime);
 *   "When a <span-length> of a day or more is used, the span is aligned to midnight in the
 *   timezone of the user" — days count from 1970-01-01 local (so `1w` starts on Thursdays),
 *   months from year 0 (`1q` starts in January, April, July, October);
 * - a plain number on a numeric field gives ranges `lo-hi` (end not inclusive);
 * - `[<coef>]log[<base>]` gives ranges `c*b^k-c*b^(k+1)`;
 * - with no span, numbers get the least power of ten whose bins fit `bins` (values 0..59 with
 *   bins=5 -> one bin `0-100`; 0..23 with bins=12 -> `0-10`, `10-20`, `20-30`).
 */
import { MS_PER_DAY, wallMs, wallTimeAt } from '../../time/calendar.js';
import { offsetMinutesAt, wallToEpochMs } from '../../time/zone.js';
import { formatNumber } from '../../eval/values.js';

export type BinSpan =
  | { readonly kind: 'number'; readonly size: number }
  | { readonly kind: 'seconds'; readonly size: number }
  | { readonly kind: 'days'; readonly count: number }
  | { readonly kind: 'months'; readonly count: number }
  | { readonly kind: 'log'; readonly coefficient: number; readonly base: number };

export type TimeSpan = Extract<BinSpan, { kind: 'seconds' | 'days' | 'months' }>;

interface Unit {
  readonly kind: 'seconds' | 'days' | 'months';
  readonly factor: number;
}

const UNITS = new Map<string, Unit>();
const units = (kind: Unit['kind'], factor: number, names: string): void => {
  for (const name of names.split(' ')) UNITS.set(name, { kind, factor });
};
units('seconds', 1e-6, 'us');
units('seconds', 1e-3, 'ms');
units('seconds', 1e-2, 'cs');
units('seconds', 1e-1, 'ds');
units('seconds', 1, 's sec secs second seconds');
units('seconds', 60, 'm min mins minute minutes');
units('seconds', 3600, 'h hr hrs hour hours');
units('days', 1, 'd day days');
units('days', 7, 'w week weeks');
units('months', 1, 'mon month months');
units('months', 3, 'q qtr qtrs quarter quarters');
units('months', 12, 'y yr yrs year years');

const LENGTH = /^(\d+\.?\d*|\.\d+)?([a-z]+)?$/i;
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
  const m = LENGTH.exec(s);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const amount = m[1] === undefined ? 1 : Number(m[1]);
  if (!(amount > 0)) return undefined;
  if (m[2] === undefined) return { kind: 'number', size: amount };
  const unit = UNITS.get(m[2].toLowerCase());
  if (!unit) return undefined;
  if (unit.kind === 'seconds') return { kind: 'seconds', size: amount * unit.factor };
  if (!Number.isInteger(amount)) return undefined;
  return { kind: unit.kind, count: amount * unit.factor };
}

/** A number span on a time field counts seconds (`bin _time span=3600`). */
export function asTimeSpan(span: BinSpan): TimeSpan | undefined {
  if (span.kind === 'number') return { kind: 'seconds', size: span.size };
  return span.kind === 'log' ? undefined : span;
}

/** The start of the bin of epoch `t`; `align` shifts sub-day bins (aligntime), ignored for days and more. */
export function snapTime(t: number, span: TimeSpan, zone: string, align = 0): number {
  switch (span.kind) {
    case 'seconds': return toMicros(Math.floor(quotient(t - align, span.size)) * span.size + align);
    case 'days': return snapDays(t, span.count, zone);
    case 'months': return snapMonths(t, span.count, zone);
  }
}

function snapDays(t: number, count: number, zone: string): number {
  const ms = Math.floor(t) * 1000;
  const day = Math.floor((ms + offsetMinutesAt(ms, zone) * 60_000) / MS_PER_DAY);
  return wallToEpochMs(Math.floor(day / count) * count * MS_PER_DAY, zone) / 1000;
}

function snapMonths(t: number, count: number, zone: string): number {
  const w = wallTimeAt(t, zone);
  const month = Math.floor((w.year * 12 + w.month - 1) / count) * count;
  return wallToEpochMs(wallMs(Math.floor(month / 12), (month % 12) + 1, 1), zone) / 1000;
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
const TIME_LADDER: readonly TimeSpan[] = [
  { kind: 'seconds', size: 1 },
  { kind: 'seconds', size: 10 },
  { kind: 'seconds', size: 60 },
  { kind: 'seconds', size: 300 },
  { kind: 'seconds', size: 1800 },
  { kind: 'seconds', size: 3600 },
  { kind: 'days', count: 1 },
  { kind: 'months', count: 1 },
  { kind: 'months', count: 12 },
];

/** Approximate length of a time span in seconds (months as 1/12 of 365.2425 days). */
export function spanSeconds(span: TimeSpan): number {
  if (span.kind === 'seconds') return span.size;
  return span.kind === 'days' ? span.count * 86_400 : span.count * 2_629_746;
}

/** The first ladder span whose bins over `[min, max]` fit `bins` and that is not below `minspan` seconds. */
export function autoTimeSpan(min: number, max: number, bins: number, minspan = 0): TimeSpan {
  const count = (s: TimeSpan): number => {
    if (s.kind === 'seconds') return Math.floor(max / s.size) - Math.floor(min / s.size) + 1;
    return Math.ceil((max - min) / spanSeconds(s)) + 1;
  };
  for (const s of TIME_LADDER) if (spanSeconds(s) >= minspan && count(s) <= bins) return s;
  let years = 10;
  while (Math.ceil((max - min) / (years * 31_556_952)) + 1 > bins) years *= 10;
  return { kind: 'months', count: years * 12 };
}

/** `a / b` that lands on the integer when float error leaves it a hair below (0.3 / 0.1). */
function quotient(a: number, b: number): number {
  const q = a / b;
  const r = Math.round(q);
  return Math.abs(q - r) <= 16 * Number.EPSILON * Math.max(1, Math.abs(q)) ? r : q;
}

/** Epoch seconds to the microsecond, the finest time Splunk keeps. */
function toMicros(t: number): number {
  return Math.round(t * 1e6) / 1e6;
}

/** Strip float noise from a computed boundary (3 * 0.1 -> 0.3). */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

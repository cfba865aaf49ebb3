/**
 * The span texts of timechart, `chart ... BY _time span=`, streamstats time_window and sparkline
 * (Search Reference "timechart", bin and span options): a length (`30m`, `1d`, `2mon`, `500ms`,
 * `3600` seconds) or a snap span (`w@w1`), aligned by time/time-span.ts; and, without span=,
 * timechart's default span for the data's range.
 */
import { parseRelativeTime } from '../time/relative-syntax.js';
import { binStart, nextBinStart, readSpanLength, SECOND, spanOf, type TimeSpan } from '../time/time-span.js';

/**
 * `30m`, `1d`, `2mon`, `500ms`, `3600` (seconds), or a snap span `w@w1` / `1d@d`; undefined when
 * the text is none of these (or a subsecond span that does not divide a second, as documented).
 */
export function parseTimeSpan(text: string, align = 0): TimeSpan | undefined {
  const s = text.trim();
  if (s.includes('@')) return parseSnapSpan(s);
  const length = readSpanLength(s);
  // bin takes `.5h` and `5.h`; timechart never has.
  if (!length || (length.digits !== undefined && !/^\d+(\.\d+)?$/.test(length.digits))) return undefined;
  const unit = length.unit ?? SECOND;
  if (unit.kind === 'fixed' && unit.size < 1 && !dividesSecond(length.amount, unit.size)) return undefined;
  return spanOf(length.amount, unit, align);
}

/** Subsecond spans must divide a second evenly (1000ms is refused: use 1s). */
function dividesSecond(count: number, unitSeconds: number): boolean {
  const micros = Math.round(count * unitSeconds * 1e6);
  return Number.isInteger(count) && micros < 1e6 && 1e6 % micros === 0;
}

/** `w@w1`, `1d@d`, `mon@mon`: one unit, bins starting at the snapped time. */
function parseSnapSpan(s: string): TimeSpan | undefined {
  const m = /^[+-]?(\d*)([a-z]+)(@[a-z]+\d?)$/i.exec(s);
  if (!m || (m[1] !== '' && m[1] !== '1')) return undefined;
  const snap = parseRelativeTime(m[3]!);
  const next = parseRelativeTime(`+1${m[2]}${m[3]}`);
  return snap && next ? { kind: 'snap', snap, next } : undefined;
}

/** Candidate spans for a timechart without `span=`, smallest first (the documented thresholds). */
const DEFAULT_SPANS: readonly TimeSpan[] = [
  ...[1, 5, 10, 30, 60, 300, 600, 1800, 3600].map((seconds): TimeSpan => ({ kind: 'fixed', seconds, align: 0 })),
  { kind: 'days', days: 1 },
  { kind: 'months', months: 1 },
  { kind: 'months', months: 12 },
];

/**
 * The smallest default span giving at most `bins` bins over [first, last] and no shorter than
 * `minSeconds` (`minspan`): over 24 hours that is 30m (10m would give 144), over 7 days 1d, over
 * a year 1mon, as the documented default-span table shows.
 */
export function defaultSpan(first: number, last: number, bins: number, zone: string, minSeconds = 0): TimeSpan {
  for (const span of DEFAULT_SPANS) {
    if (nominalSeconds(span) < minSeconds) continue;
    if (countBins(span, first, last, zone, bins) <= bins) return span;
  }
  return DEFAULT_SPANS[DEFAULT_SPANS.length - 1]!;
}

function countBins(span: TimeSpan, first: number, last: number, zone: string, stopAfter: number): number {
  if (span.kind === 'fixed') return Math.floor((binStart(span, last, zone) - binStart(span, first, zone)) / span.seconds) + 1;
  let n = 1;
  for (let b = binStart(span, first, zone); n <= stopAfter; n++) {
    b = nextBinStart(span, b, zone);
    if (b > last) return n;
  }
  return n;
}

/** Seconds of a span, taking a day as 86400 and a month as 30 days (for `minspan` only). */
export function nominalSeconds(span: TimeSpan): number {
  if (span.kind === 'fixed') return span.seconds;
  if (span.kind === 'days') return span.days * 86400;
  if (span.kind === 'months') return span.months * 30 * 86400;
  return 0;
}

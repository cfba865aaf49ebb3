/**
 * Time bins of timechart (and `chart ... BY _time span=`), Search Reference "timechart" (bin and
 * span options, "Bin time spans and local time"): spans below a day are fixed lengths aligned on
 * epoch 0 ("Align the bin times to something other than base UNIX time (epoch 0)", `aligntime`),
 * so `span=24h` is not local midnight; `d`/`w` spans count local calendar days from 1970-01-01
 * (a week bin starts on a Thursday), `mon`/`q`/`y` spans count local months from year 0 (as `bin`
 * does: `1q` starts in January, April, July, October), and
 * snap spans (`span=w@w1`) start at the snapped time. A local day across a DST change is 23 or 25
 * hours long.
 */
import { MS_PER_DAY, wallMs } from '../time/calendar.js';
import { applyRelativeTime } from '../time/relative.js';
import { parseRelativeTime, type RelativeTime } from '../time/relative-syntax.js';
import { offsetMinutesAt, wallToEpochMs } from '../time/zone.js';

export type TimeSpan =
  | { readonly kind: 'fixed'; readonly seconds: number; readonly align: number }
  | { readonly kind: 'days'; readonly days: number }
  | { readonly kind: 'months'; readonly months: number }
  | { readonly kind: 'snap'; readonly snap: RelativeTime; readonly next: RelativeTime };

const FIXED: Readonly<Record<string, number>> = {
  us: 1e-6, ms: 1e-3, cs: 1e-2, ds: 1e-1,
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
};
const DAYS: Readonly<Record<string, number>> = { d: 1, day: 1, days: 1, w: 7, week: 7, weeks: 7 };
const MONTHS: Readonly<Record<string, number>> = {
  mon: 1, month: 1, months: 1,
  q: 3, qtr: 3, qtrs: 3, quarter: 3, quarters: 3,
  y: 12, yr: 12, yrs: 12, year: 12, years: 12,
};

/**
 * `30m`, `1d`, `2mon`, `500ms`, `3600` (seconds), or a snap span `w@w1` / `1d@d`; undefined when
 * the text is none of these (or a subsecond span that does not divide a second, as documented).
 */
export function parseTimeSpan(text: string, align = 0): TimeSpan | undefined {
  const s = text.trim();
  if (s.includes('@')) return parseSnapSpan(s);
  const m = /^(\d+(?:\.\d+)?)?([a-z]*)$/i.exec(s);
  if (!m || (m[1] === undefined && m[2] === '')) return undefined;
  const n = m[1] === undefined ? 1 : Number(m[1]);
  const unit = m[2]!.toLowerCase() || 's';
  if (!(n > 0)) return undefined;
  if (FIXED[unit] !== undefined) return fixedSpan(n, unit, align);
  if (!Number.isInteger(n)) return undefined;
  if (DAYS[unit] !== undefined) return { kind: 'days', days: n * DAYS[unit]! };
  if (MONTHS[unit] !== undefined) return { kind: 'months', months: n * MONTHS[unit]! };
  return undefined;
}

function fixedSpan(n: number, unit: string, align: number): TimeSpan | undefined {
  const seconds = n * FIXED[unit]!;
  if (FIXED[unit]! < 1) {
    // Subsecond spans must divide a second evenly (1000ms is refused: use 1s).
    const micros = Math.round(seconds * 1e6);
    if (!Number.isInteger(n) || micros >= 1e6 || 1e6 % micros !== 0) return undefined;
  }
  return { kind: 'fixed', seconds, align };
}

/** `w@w1`, `1d@d`, `mon@mon`: one unit, bins starting at the snapped time. */
function parseSnapSpan(s: string): TimeSpan | undefined {
  const m = /^[+-]?(\d*)([a-z]+)(@[a-z]+\d?)$/i.exec(s);
  if (!m || (m[1] !== '' && m[1] !== '1')) return undefined;
  const snap = parseRelativeTime(m[3]!);
  const next = parseRelativeTime(`+1${m[2]}${m[3]}`);
  return snap && next ? { kind: 'snap', snap, next } : undefined;
}

/** The start of the bin holding `t` (epoch seconds), in `zone`. */
export function binStart(span: TimeSpan, t: number, zone: string): number {
  switch (span.kind) {
    case 'fixed':
      return fixedStart(t, span.seconds, span.align);
    case 'days':
      return onLocalDays(t, zone, (day) => floorTo(day, span.days));
    case 'months':
      return monthStart(t, zone, (month) => floorTo(month, span.months));
    case 'snap':
      return applyRelativeTime(span.snap, t, zone) ?? t;
  }
}

/** The start of the bin after the one starting at `start`. */
export function nextBinStart(span: TimeSpan, start: number, zone: string): number {
  let next: number;
  switch (span.kind) {
    case 'fixed':
      return fixedStart(start + span.seconds, span.seconds, span.align);
    case 'days':
      next = onLocalDays(start, zone, (day) => day + span.days);
      break;
    case 'months':
      next = monthStart(start, zone, (month) => month + span.months);
      break;
    case 'snap':
      next = applyRelativeTime(span.next, start, zone) ?? NaN;
  }
  // A bin may not be empty or go backwards (a midnight that does not exist moves forward).
  return next > start ? next : start + 1;
}

/** Whole microseconds, so `1.3` in `100ms` bins is 1.3 and not 1.2000000000000002. */
function fixedStart(t: number, seconds: number, align: number): number {
  if (seconds >= 1) return Math.floor((t - align) / seconds) * seconds + align;
  const size = Math.round(seconds * 1e6);
  const us = Math.round((t - align) * 1e6);
  return (Math.floor(us / size) * size) / 1e6 + align;
}

function floorTo(n: number, size: number): number {
  return Math.floor(n / size) * size;
}

/** Local calendar day number of `t` (days since 1970-01-01 in `zone`), changed, back to epoch. */
function onLocalDays(t: number, zone: string, change: (day: number) => number): number {
  const ms = Math.floor(t) * 1000;
  const day = Math.floor((ms + offsetMinutesAt(ms, zone) * 60_000) / MS_PER_DAY);
  return wallToEpochMs(change(day) * MS_PER_DAY, zone) / 1000;
}

/** Local month number of `t` (months since January of year 0, as bin counts them), changed, to its 1st. */
function monthStart(t: number, zone: string, change: (month: number) => number): number {
  const ms = Math.floor(t) * 1000;
  const d = new Date(ms + offsetMinutesAt(ms, zone) * 60_000);
  const month = change(d.getUTCFullYear() * 12 + d.getUTCMonth());
  const year = Math.floor(month / 12);
  return wallToEpochMs(wallMs(year, month - year * 12 + 1, 1), zone) / 1000;
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

/**
 * Time spans (`30s`, `1h`, `2w`, `1mon`) and the bin a time falls in, for bin, timechart, chart,
 * streamstats and sparkline (Search Reference "bin" and "timechart", "Bin time spans and local
 * time"). Spans below a day are fixed lengths aligned on epoch 0, or on `aligntime`, so `span=24h`
 * is not local midnight. "When a <span-length> of a day or more is used, the span is aligned to
 * midnight in the timezone of the user": `d`/`w` count local days from 1970-01-01 (a week starts
 * on a Thursday), `mon`/`q`/`y` local months from year 0 (`1q` starts in January, April, July,
 * October); a local day across a DST change is 23 or 25 hours long. Snap spans (`w@w1`) start at
 * the snapped time. Each command's own grammar (bin's numbers and logs, timechart's snaps) reads
 * its lengths here.
 */
import { MS_PER_DAY, wallMs } from './calendar.js';
import { applyRelativeTime } from './relative.js';
import { timeUnitNamed, type RelativeTime, type TimeUnit } from './relative-syntax.js';
import { offsetMinutesAt, wallToEpochMs } from './zone.js';

export type TimeSpan =
  | { readonly kind: 'fixed'; readonly seconds: number; readonly align: number }
  | { readonly kind: 'days'; readonly days: number }
  | { readonly kind: 'months'; readonly months: number }
  | { readonly kind: 'snap'; readonly snap: RelativeTime; readonly next: RelativeTime };

/** A span given by its length: every kind but snap. */
export type LengthSpan = Exclude<TimeSpan, { kind: 'snap' }>;

/** One of a unit: so many seconds, local days or local months. */
export interface SpanUnit {
  readonly kind: 'fixed' | 'days' | 'months';
  readonly size: number;
}

const UNIT_SIZES: Readonly<Record<TimeUnit, SpanUnit>> = {
  s: { kind: 'fixed', size: 1 },
  m: { kind: 'fixed', size: 60 },
  h: { kind: 'fixed', size: 3600 },
  d: { kind: 'days', size: 1 },
  w: { kind: 'days', size: 7 },
  mon: { kind: 'months', size: 1 },
  q: { kind: 'months', size: 3 },
  y: { kind: 'months', size: 12 },
};

/** Spans, unlike time modifiers, also take parts of a second. */
const SUBSECOND_UNITS = new Map<string, SpanUnit>(
  ([['us', 1e-6], ['ms', 1e-3], ['cs', 1e-2], ['ds', 1e-1]] as const).map(([name, size]) => [name, { kind: 'fixed', size }]),
);

export const SECOND: SpanUnit = UNIT_SIZES.s;

/** A length as written: the number's text (absent in `h`), its value (1 when absent), the unit (absent in `10`). */
export interface SpanLength {
  readonly digits: string | undefined;
  readonly amount: number;
  readonly unit: SpanUnit | undefined;
}

const LENGTH = /^(\d+\.?\d*|\.\d+)?([a-z]+)?$/i;

/** `30s`, `1.5h`, `.5h`, `2w`, `1mon`, `h`, `10`; undefined for other text or an unknown unit. */
export function readSpanLength(text: string): SpanLength | undefined {
  const m = LENGTH.exec(text.trim());
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const name = m[2]?.toLowerCase();
  const unit = name === undefined ? undefined : spanUnitNamed(name);
  if (name !== undefined && unit === undefined) return undefined;
  return { digits: m[1], amount: m[1] === undefined ? 1 : Number(m[1]), unit };
}

function spanUnitNamed(name: string): SpanUnit | undefined {
  const unit = timeUnitNamed(name);
  return unit === undefined ? SUBSECOND_UNITS.get(name) : UNIT_SIZES[unit];
}

/** `amount` of `unit`; undefined unless the amount is positive, and whole for days and months. */
export function spanOf(amount: number, unit: SpanUnit, align = 0): LengthSpan | undefined {
  if (!(amount > 0)) return undefined;
  if (unit.kind === 'fixed') return { kind: 'fixed', seconds: amount * unit.size, align };
  if (!Number.isInteger(amount)) return undefined;
  return unit.kind === 'days' ? { kind: 'days', days: amount * unit.size } : { kind: 'months', months: amount * unit.size };
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

/**
 * Counted in whole microseconds, the finest time Splunk keeps, so float error cannot move a
 * boundary: 1.3 in `100ms` bins is 1.3, not 1.2000000000000002, and 09:59:59.999999 stays in
 * the 09:00 bin of `1h`.
 */
function fixedStart(t: number, seconds: number, align: number): number {
  const size = Math.max(1, Math.round(seconds * 1e6));
  const shift = Math.round(align * 1e6);
  return (floorTo(Math.round(t * 1e6) - shift, size) + shift) / 1e6;
}

/** The multiple of `size` at or below `n`; the remainder is exact where a quotient would round. */
function floorTo(n: number, size: number): number {
  const r = n % size;
  return r < 0 ? n - r - size : n - r;
}

/** Local calendar day number of `t` (days since 1970-01-01 in `zone`), changed, back to epoch. */
function onLocalDays(t: number, zone: string, change: (day: number) => number): number {
  const ms = Math.floor(t) * 1000;
  const day = Math.floor((ms + offsetMinutesAt(ms, zone) * 60_000) / MS_PER_DAY);
  return wallToEpochMs(change(day) * MS_PER_DAY, zone) / 1000;
}

/** Local month number of `t` (months since January of year 0), changed, to its 1st. */
function monthStart(t: number, zone: string, change: (month: number) => number): number {
  const ms = Math.floor(t) * 1000;
  const d = new Date(ms + offsetMinutesAt(ms, zone) * 60_000);
  const month = change(d.getUTCFullYear() * 12 + d.getUTCMonth());
  const year = Math.floor(month / 12);
  return wallToEpochMs(wallMs(year, month - year * 12 + 1, 1), zone) / 1000;
}

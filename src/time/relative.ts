/**
 * Time modifiers (`earliest=`, `latest=`, `relative_time()`): `now`, epochs, absolute times in a
 * timeformat and relative expressions, evaluated against an injected clock. Splunk docs: "Time
 * modifiers" (spec 04 TM1, TM2). Calendar work happens on wall time in the user's zone.
 */
import { daysInMonth, MS_PER_DAY, wallMs } from './calendar.js';
import type { Clock } from './clock.js';
import { parseRelativeTime, type RelativeTime, type SnapUnit, type TimeOffset } from './relative-syntax.js';
import { parseTimeExact } from './strptime.js';
import { offsetMinutesAt, wallToEpochMs } from './zone.js';

/** Splunk's default format for absolute time modifiers: `11/15/2022:20:00:00`. */
export const MODIFIER_TIME_FORMAT = '%m/%d/%Y:%H:%M:%S';

const EXACT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600 };

/** True for `now`, `now()` and relative expressions (`-24h`, `@d`, `-1d@d+2h`). */
export function isRelativeModifier(text: string): boolean {
  const s = text.trim();
  return s === 'now' || s === 'now()' || parseRelativeTime(s) !== undefined;
}

/**
 * Epoch seconds for a time modifier, or undefined when it is not valid. `0` is the beginning of
 * time; an integer (or decimal) is an epoch; anything else not relative must match `timeformat`
 * entirely and is read in the clock's zone.
 */
export function resolveTimeModifier(
  text: string,
  clock: Clock,
  timeformat: string = MODIFIER_TIME_FORMAT,
): number | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  if (s === 'now' || s === 'now()') return clock.now;
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  const relative = parseRelativeTime(s);
  if (relative) return applyRelativeTime(relative, clock.now, clock.zone);
  return parseTimeExact(s, timeformat, clock.zone);
}

/** Steps apply left to right: offsets left of `@`, then the snap, then later offsets (TM2). */
export function applyRelativeTime(rel: RelativeTime, now: number, zone: string): number | undefined {
  let t = now;
  for (const step of rel.steps) {
    t = step.kind === 'offset' ? applyOffset(t, step.offset, zone) : snapDown(t, step.unit, zone);
    if (!Number.isFinite(t)) return undefined;
  }
  return t;
}

/**
 * s/m/h offsets are exact seconds; d/w keep the wall-clock time across DST (`-1d` at 09:00 is
 * 09:00 yesterday even if that was 23 or 25 hours ago); mon/q/y clamp to the end of the month
 * (`-1mon` from March 31 is February 29 in 2024).
 */
function applyOffset(t: number, { amount, unit }: TimeOffset, zone: string): number {
  const exact = EXACT_SECONDS[unit];
  if (exact !== undefined) return t + amount * exact;
  if (unit === 'd' || unit === 'w') {
    const days = unit === 'w' ? amount * 7 : amount;
    return onWallTime(t, zone, (wall) => wall + days * MS_PER_DAY);
  }
  const months = unit === 'y' ? amount * 12 : unit === 'q' ? amount * 3 : amount;
  return onWallTime(t, zone, (wall) => addMonths(wall, months));
}

/** Apply `change` to the wall time of `t` in `zone`; the subseconds of `t` are kept. */
function onWallTime(t: number, zone: string, change: (wall: number) => number): number {
  const whole = Math.floor(t);
  const ms = whole * 1000;
  const wall = ms + offsetMinutesAt(ms, zone) * 60_000;
  const moved = change(wall);
  if (!Number.isFinite(moved) || Math.abs(moved) > 8.64e15) return NaN;
  return wallToEpochMs(moved, zone) / 1000 + (t - whole);
}

function addMonths(wall: number, months: number): number {
  const d = new Date(wall);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month));
  const timeOfDay = wall - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return wallMs(year, month, day) + timeOfDay;
}

/**
 * Round down to the latest unit boundary not after `t`, in the user's zone. s/m/h snap on the
 * instant's own offset so a repeated DST hour never snaps forward; larger units go to local
 * midnight (`@w1` = the most recent Monday 00:00, today if today is Monday).
 */
function snapDown(t: number, unit: SnapUnit, zone: string): number {
  const whole = Math.floor(t);
  const offsetSeconds = offsetMinutesAt(whole * 1000, zone) * 60;
  if (typeof unit === 'string' && unit in EXACT_SECONDS) {
    const size = EXACT_SECONDS[unit]!;
    const local = whole + offsetSeconds;
    return local - (((local % size) + size) % size) - offsetSeconds;
  }
  return onWallTime(whole, zone, (wall) => snapWall(wall, unit));
}

function snapWall(wall: number, unit: SnapUnit): number {
  const d = new Date(wall);
  const midnight = wall - (((wall % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY);
  const [year, month] = [d.getUTCFullYear(), d.getUTCMonth() + 1];
  if (typeof unit === 'object') return midnight - ((d.getUTCDay() - unit.weekday + 7) % 7) * MS_PER_DAY;
  switch (unit) {
    case 'w':
      return midnight - d.getUTCDay() * MS_PER_DAY;
    case 'mon':
      return wallMs(year, month, 1);
    case 'q':
      return wallMs(year, month - ((month - 1) % 3), 1);
    case 'y':
      return wallMs(year, 1, 1);
    default:
      return midnight; // 'd' (s/m/h are handled by snapDown)
  }
}

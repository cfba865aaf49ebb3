/**
 * Calendar arithmetic on wall-clock times. A wall time is encoded as "wall milliseconds": the
 * local date and time written as if it were UTC, so JavaScript's UTC Date methods do the
 * proleptic Gregorian math and zone.ts converts between wall and epoch milliseconds.
 */
import { offsetMinutesAt } from './zone.js';

export const MS_PER_DAY = 86_400_000;

/** The broken-down local time of an instant in a zone (struct tm, plus microseconds). */
export interface WallTime {
  readonly epoch: number; // whole epoch seconds (floor)
  readonly micros: number; // 0..999999, truncated from the instant's fraction
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly weekday: number; // 0 = Sunday
  readonly yearDay: number; // 1-366
  readonly offset: number; // minutes east of UTC
  readonly ms: number; // the instant in epoch milliseconds (whole seconds)
  readonly zone: string;
}

/**
 * Split epoch seconds into whole seconds and microseconds. Rounding to the microsecond first
 * absorbs binary error (1709647629.123456 is stored as ...123455999...), so digits printed by
 * `%6N` are the ones written; coarser widths then truncate.
 */
export function splitSeconds(epochSeconds: number): { whole: number; micros: number } {
  let whole = Math.floor(epochSeconds);
  let micros = Math.round((epochSeconds - whole) * 1e6);
  if (micros >= 1_000_000) {
    whole += 1;
    micros -= 1_000_000;
  }
  return { whole, micros };
}

/** The wall time of `epochSeconds` in `zone`. */
export function wallTimeAt(epochSeconds: number, zone: string): WallTime {
  const { whole, micros } = splitSeconds(epochSeconds);
  const ms = whole * 1000;
  const offset = offsetMinutesAt(ms, zone);
  const d = new Date(ms + offset * 60_000);
  const year = d.getUTCFullYear();
  return {
    epoch: whole,
    micros,
    year,
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
    yearDay: Math.floor((d.getTime() - wallMs(year, 1, 1)) / MS_PER_DAY) + 1,
    offset,
    ms,
    zone,
  };
}

/** Wall milliseconds of a local date and time; handles years 0-99, which Date.UTC maps to 19xx. */
export function wallMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  if (year >= 100 || year < 0) return ms;
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() - 1900);
  return d.getTime();
}

const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/**
 * `whole` seconds plus subsecond `digits` as written, rounded once to the nearest double:
 * (1705312800 * 10^6 + 123456) / 10^6 is exact integer arithmetic and one correctly rounded
 * division, so "…00.123456" gives the same double as the literal 1705312800.123456.
 */
export function addFraction(whole: number, digits: string): number {
  const k = digits.length;
  if (k === 0) return whole;
  if (k <= 6 && Math.abs(whole) < 9e9) {
    const scale = POW10[k]!;
    return (whole * scale + Number(digits)) / scale;
  }
  return whole >= 0 ? Number(`${whole}.${digits}`) : whole + Number(`0.${digits}`);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** ISO 8601 week number and week-based year (`%V`, `%G`): weeks start Monday, week 1 holds Jan 4. */
export function isoWeek(t: WallTime): { week: number; year: number } {
  const mondayBased = (t.weekday + 6) % 7;
  const thursday = t.yearDay - 1 - mondayBased + 3; // 0-based day of year of this week's Thursday
  if (thursday < 0) {
    const prevDays = isLeapYear(t.year - 1) ? 366 : 365;
    return { week: Math.floor((thursday + prevDays) / 7) + 1, year: t.year - 1 };
  }
  if (thursday >= (isLeapYear(t.year) ? 366 : 365)) return { week: 1, year: t.year + 1 };
  return { week: Math.floor(thursday / 7) + 1, year: t.year };
}

/** Week of the year with weeks starting on `firstDay` (0 = Sunday for `%U`, 1 = Monday for `%W`). */
export function weekOfYear(t: WallTime, firstDay: number): number {
  const sinceFirst = (t.weekday - firstDay + 7) % 7;
  return Math.floor((t.yearDay - 1 + 7 - sinceFirst) / 7);
}

/**
 * Event timestamp auto-detection (spec 06 J6 fallback): epoch seconds/milliseconds and ISO 8601 /
 * RFC 3339. Called once per event, so the common RFC 3339 shape is parsed by hand with Date.UTC
 * (no luxon, no regex) and every subsecond digit is kept: `…T10:00:00.123456Z` -> 1705312800.123456.
 */
import { addFraction, daysInMonth, wallMs } from './calendar.js';
import { wallToEpochMs } from './zone.js';

const ISO_DATE = String.raw`(\d{4})-(\d{2})-(\d{2})`;
const ISO_TIME = String.raw`(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?`;
const ISO_ZONE = String.raw`\s*(?:([Zz]|UTC|GMT)|([+-])(\d{2})(?::?(\d{2}))?)?`;
const ISO = new RegExp(`^${ISO_DATE}${ISO_TIME}${ISO_ZONE}$`);

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * Integer digit counts that identify an epoch and how many of them are subseconds: 9-10 digits
 * are seconds (1973-2286), 13 milliseconds, 16 microseconds, 19 nanoseconds. Other lengths are
 * not taken for timestamps (a 5-digit number is more likely a count than a time in 1970).
 */
const EPOCH_SUBSECOND_DIGITS: ReadonlyMap<number, number> = new Map([
  [9, 0], [10, 0], [13, 3], [16, 6], [19, 9],
]);

/** `_time` from an event value: epoch (number or digits) or ISO 8601; undefined if neither. */
export function parseEventTimestamp(value: string | number, zone: string): number | undefined {
  if (typeof value === 'number') return epochFromNumber(value);
  const fast = parseRfc3339(value, zone);
  if (fast !== null) return fast;
  const s = value.trim();
  const decimal = DECIMAL.exec(s);
  if (decimal) return epochFromDigits(decimal[1]!, decimal[2] ?? '');
  return parseIsoTimestamp(s, zone);
}

function epochFromNumber(n: number): number | undefined {
  if (!Number.isFinite(n) || n <= 0) return undefined;
  const sub = EPOCH_SUBSECOND_DIGITS.get(String(Math.trunc(n)).length);
  return sub === undefined ? undefined : n / 10 ** sub;
}

/** Epoch from digits, moving the decimal point in the text so no precision is lost. */
function epochFromDigits(intPart: string, fracPart: string): number | undefined {
  const sub = EPOCH_SUBSECOND_DIGITS.get(intPart.length);
  if (sub === undefined) return undefined;
  const cut = intPart.length - sub;
  return addFraction(Number(intPart.slice(0, cut)), intPart.slice(cut) + fracPart);
}

/**
 * ISO 8601 / RFC 3339 date-times: `2024-01-15T10:00:00Z`, `...00.123456+02:00`, a space instead
 * of `T`, a trailing `UTC`, minutes-only times, or a date alone (midnight). Without a zone the
 * time is read in `zone`. Undefined when the text is not in one of these forms or not a real date.
 */
export function parseIsoTimestamp(text: string, zone: string): number | undefined {
  const fast = parseRfc3339(text, zone);
  if (fast !== null) return fast;
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  let offset: number | undefined;
  if (m[8] !== undefined) offset = 0;
  else if (m[9] !== undefined) offset = (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11] ?? 0));
  return build([year, month, day, hour, minute, second], m[7] ?? '', offset, zone);
}

/** Date and time fields to epoch seconds; undefined for impossible dates and times. */
function build(f: number[], digits: string, offset: number | undefined, zone: string): number | undefined {
  const [year, month, day, hour, minute, second] = f as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const wall = wallMs(year, month, day, hour, minute, second);
  const ms = offset === undefined ? wallToEpochMs(wall, zone) : wall - offset * 60_000;
  return addFraction(ms / 1000, digits);
}

/** Two digits at `i` as a number, or -1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Hand parser for `YYYY-MM-DD(T| )HH:MM:SS[.fff…][Z|±HH:MM]`, the shape of nearly every JSON log.
 * Returns null (not undefined) when the text has another shape, so the caller tries the regex.
 */
function parseRfc3339(s: string, zone: string): number | undefined | null {
  const sep = s[10];
  if (s.length < 19 || s[4] !== '-' || s[7] !== '-' || (sep !== 'T' && sep !== ' ')) return null;
  if (s[13] !== ':' || s[16] !== ':') return null;
  const f = [two(s, 0), two(s, 2), two(s, 5), two(s, 8), two(s, 11), two(s, 14), two(s, 17)];
  if (f.some((n) => n < 0)) return null;
  const fields = [f[0]! * 100 + f[1]!, ...f.slice(2)];
  let pos = 19;
  if (s[pos] === '.' || s[pos] === ',') {
    while (isDigit(s.charCodeAt(pos + 1))) pos++;
    if (pos === 19) return null;
    pos++;
  }
  const digits = pos > 19 ? s.slice(20, pos) : '';
  const offset = rfc3339Offset(s, pos);
  return offset === null ? null : build(fields, digits, offset, zone);
}

/** The zone suffix at `pos`: none (undefined), `Z` (0) or `±HH:MM` (minutes); null for others. */
function rfc3339Offset(s: string, pos: number): number | undefined | null {
  const rest = s.length - pos;
  if (rest === 0) return undefined;
  if (rest === 1) return s[pos] === 'Z' ? 0 : null;
  const sign = s[pos] === '-' ? -1 : s[pos] === '+' ? 1 : 0;
  const hh = two(s, pos + 1);
  const mm = two(s, pos + 4);
  if (rest !== 6 || sign === 0 || s[pos + 3] !== ':' || hh < 0 || mm < 0) return null;
  return sign * (hh * 60 + mm);
}

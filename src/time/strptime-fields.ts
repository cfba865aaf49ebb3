/**
 * One matcher per strptime variable: each reads its field at a position and records it.
 * Numbers take 1..n digits ("Leading zeros are accepted but not required") after optional
 * spaces, so `1/5/2024:7:00:00` matches `%m/%d/%Y:%H:%M:%S`. Names are case-insensitive.
 */
import type { VarCode } from './format-scan.js';
import { MONTHS, WEEKDAYS } from './names.js';
import { ABBREVIATION_OFFSETS, validateZone } from './zone.js';

/** What a parse collected so far; strptime.ts turns it into an instant. */
export interface ParsedFields {
  year?: number;
  century?: number;
  twoDigitYear?: number;
  month?: number;
  day?: number;
  yearDay?: number;
  hour?: number;
  hour12?: number;
  pm?: boolean;
  minute?: number;
  second?: number;
  fraction: string; // subsecond digits as written
  epoch?: number;
  offset?: number; // minutes east of UTC, from %z / %Ez / a %Z abbreviation
  zone?: string; // IANA zone from %Z
}

/** Reads at `pos`; returns the position after the field, or -1 when it does not match. */
export type Matcher = (text: string, pos: number, f: ParsedFields) => number;

type Setter = (f: ParsedFields, value: number) => void;

function skipSpaces(text: string, pos: number): number {
  while (text.charCodeAt(pos) === 32) pos++;
  return pos;
}

/** 1..`maxDigits` digits in [lo, hi]. */
function numberField(maxDigits: number, lo: number, hi: number, set: Setter): Matcher {
  return (text, start, f) => {
    const pos = skipSpaces(text, start);
    let end = pos;
    let value = 0;
    while (end - pos < maxDigits) {
      const c = text.charCodeAt(end) - 48;
      if (!(c >= 0 && c <= 9)) break;
      value = value * 10 + c;
      end++;
    }
    if (end === pos || value < lo || value > hi) return -1;
    set(f, value);
    return end;
  };
}

/** Digits that are read but do not determine the date (week numbers, weekday numbers). */
const ignored = (maxDigits: number, lo: number, hi: number): Matcher => numberField(maxDigits, lo, hi, () => {});

/** Subsecond digits: up to `maxDigits`, kept as text for exact decimals. */
function fractionField(maxDigits: number): Matcher {
  return (text, pos, f) => {
    let end = pos;
    while (end - pos < maxDigits && /[0-9]/.test(text[end] ?? '')) end++;
    if (end === pos) return -1;
    f.fraction = text.slice(pos, end);
    return end;
  };
}

/** `%s`: an optional minus and up to 10 digits, so `%s%3N` splits a 13-digit millisecond epoch. */
const epochField: Matcher = (text, start, f) => {
  const pos = skipSpaces(text, start);
  const m = /^-?\d{1,10}/.exec(text.slice(pos, pos + 11));
  if (!m) return -1;
  f.epoch = Number(m[0]);
  return pos + m[0].length;
};

/** One of `names` in full or as its first three letters (full names are tried first). */
function nameField(names: readonly string[], set: Setter): Matcher {
  return (text, pos, f) => {
    const rest = text.slice(pos, pos + 12).toLowerCase();
    for (const len of [Infinity, 3]) {
      const i = names.findIndex((n) => rest.startsWith(n.slice(0, len).toLowerCase()));
      if (i >= 0) {
        set(f, i);
        return pos + Math.min(len, names[i]!.length);
      }
    }
    return -1;
  };
}

const meridiem: Matcher = (text, pos, f) => {
  const two = text.slice(pos, pos + 2).toUpperCase();
  if (two !== 'AM' && two !== 'PM') return -1;
  f.pm = two === 'PM';
  return pos + 2;
};

/** `Z`, `+hh`, `+hhmm`, `+hh:mm` or `+hh:mm:ss`, whichever of the %z spellings the format used. */
const offsetField: Matcher = (text, pos, f) => {
  if (text[pos] === 'Z' || text[pos] === 'z') {
    f.offset = 0;
    return pos + 1;
  }
  const m = /^([+-])(\d{2})(?::?(\d{2})(?::?\d{2})?)?/.exec(text.slice(pos, pos + 9));
  if (!m) return -1;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  f.offset = m[1] === '-' ? -minutes : minutes;
  return pos + m[0].length;
};

/** `%Ez`: a signed offset in minutes (Splunk-specific). */
const offsetMinutesField: Matcher = (text, pos, f) => {
  const m = /^[+-]?\d{1,4}/.exec(text.slice(pos, pos + 5));
  if (!m || Math.abs(Number(m[0])) > 1440) return -1;
  f.offset = Number(m[0]);
  return pos + m[0].length;
};

/** `%Z`: a known abbreviation (`UTC`, `EST`, `CEST`) or an IANA name (`America/New_York`). */
const zoneField: Matcher = (text, pos, f) => {
  const m = /^[A-Za-z][A-Za-z_]*(?:\/[A-Za-z_]+)*/.exec(text.slice(pos, pos + 40));
  if (!m) return -1;
  const offset = ABBREVIATION_OFFSETS.get(m[0].toUpperCase());
  if (offset !== undefined) f.offset = offset;
  else if (m[0].includes('/') && validateZone(m[0])) f.zone = m[0];
  else return -1;
  return pos + m[0].length;
};

export const FIELD_MATCHERS: Readonly<Record<VarCode, (width: number | undefined) => Matcher>> = {
  Y: () => numberField(4, 0, 9999, (f, v) => (f.year = v)),
  y: () => numberField(2, 0, 99, (f, v) => (f.twoDigitYear = v)),
  C: () => numberField(2, 0, 99, (f, v) => (f.century = v)),
  m: () => numberField(2, 1, 12, (f, v) => (f.month = v)),
  d: () => numberField(2, 1, 31, (f, v) => (f.day = v)),
  e: () => numberField(2, 1, 31, (f, v) => (f.day = v)),
  H: () => numberField(2, 0, 23, (f, v) => (f.hour = v)),
  k: () => numberField(2, 0, 23, (f, v) => (f.hour = v)),
  I: () => numberField(2, 1, 12, (f, v) => (f.hour12 = v)),
  l: () => numberField(2, 1, 12, (f, v) => (f.hour12 = v)),
  p: () => meridiem,
  P: () => meridiem,
  M: () => numberField(2, 0, 59, (f, v) => (f.minute = v)),
  S: () => numberField(2, 0, 60, (f, v) => (f.second = v)),
  a: () => nameField(WEEKDAYS, () => {}),
  A: () => nameField(WEEKDAYS, () => {}),
  b: () => nameField(MONTHS, (f, i) => (f.month = i + 1)),
  B: () => nameField(MONTHS, (f, i) => (f.month = i + 1)),
  j: () => numberField(3, 1, 366, (f, v) => (f.yearDay = v)),
  w: () => ignored(1, 0, 6),
  u: () => ignored(1, 1, 7),
  U: () => ignored(2, 0, 53),
  W: () => ignored(2, 0, 53),
  V: () => ignored(2, 1, 53),
  G: () => ignored(4, 0, 9999),
  g: () => ignored(2, 0, 99),
  s: () => epochField,
  N: (width) => fractionField(width ?? 9),
  Q: (width) => fractionField(width ?? 3),
  f: () => fractionField(6),
  z: () => offsetField,
  ':z': () => offsetField,
  '::z': () => offsetField,
  ':::z': () => offsetField,
  Ez: () => offsetMinutesField,
  Z: () => zoneField,
};

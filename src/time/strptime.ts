/**
 * Splunk strptime: text + format -> epoch seconds (`convert mktime`, eval `strptime()`, absolute
 * `earliest=`/`latest=`). Leading zeros are optional, `%s` reads an epoch, `%z`/`%Z` override the
 * user's zone. Splunk docs: "Date and time format variables" (TF2 in spec 04).
 */
import { addFraction, daysInMonth, isLeapYear, wallMs } from './calendar.js';
import { scanFormat, type Directive } from './format-scan.js';
import { FIELD_MATCHERS, type Matcher, type ParsedFields } from './strptime-fields.js';
import { wallToEpochMs } from './zone.js';

/** A compiled parser: the epoch seconds and the index where parsing stopped, or undefined. */
export type TimeParser = (text: string, zone: string) => { epoch: number; end: number } | undefined;

/** Compile a format into a parser; literal whitespace matches any run of whitespace (as in C). */
export function compileParser(format: string): TimeParser {
  const matchers = scanFormat(format).map(toMatcher);
  return (text, zone) => {
    const fields: ParsedFields = { fraction: '' };
    let pos = 0;
    for (const match of matchers) {
      pos = match(text, pos, fields);
      if (pos < 0) return undefined;
    }
    const epoch = assemble(fields, zone);
    return epoch === undefined ? undefined : { epoch, end: pos };
  };
}

function toMatcher(d: Directive): Matcher {
  return d.kind === 'text' ? literalMatcher(d.text) : FIELD_MATCHERS[d.code](d.width);
}

function literalMatcher(literal: string): Matcher {
  return (text, start) => {
    let pos = start;
    for (const ch of literal) {
      if (/\s/.test(ch)) {
        while (pos < text.length && /\s/.test(text[pos]!)) pos++;
      } else if (text[pos] === ch) {
        pos++;
      } else {
        return -1;
      }
    }
    return pos;
  };
}

const parsers = new Map<string, TimeParser>();

function cachedParser(format: string): TimeParser {
  let parser = parsers.get(format);
  if (!parser) {
    if (parsers.size >= 500) parsers.clear();
    parser = compileParser(format);
    parsers.set(format, parser);
  }
  return parser;
}

/**
 * Parse `text` with `format` in `zone`. Text after the end of the format is ignored, as C
 * strptime (which Splunk's follows) stops when the format ends:
 * `strptime("2024-01-15T10:00:00.123Z", "%Y-%m-%dT%H:%M:%S")` gives 1705312800.
 */
export function parseTime(text: string, format: string, zone: string): number | undefined {
  return cachedParser(format)(text, zone)?.epoch;
}

/** Like parseTime, but the whole text (bar trailing whitespace) must match: time modifiers. */
export function parseTimeExact(text: string, format: string, zone: string): number | undefined {
  const result = cachedParser(format)(text, zone);
  if (!result || text.slice(result.end).trim() !== '') return undefined;
  return result.epoch;
}

/**
 * Build epoch seconds from the parsed fields. Missing fields default to 1970-01-01 00:00:00
 * (in the zone); an impossible date (Feb 30) gives undefined rather than rolling over.
 */
function assemble(f: ParsedFields, zone: string): number | undefined {
  if (f.epoch !== undefined) {
    // A negative `%s` with subseconds ("-5.5" as %s.%N) is -5.5, not -5 + 0.5.
    return f.epoch < 0 ? -addFraction(-f.epoch, f.fraction) : addFraction(f.epoch, f.fraction);
  }
  const year = yearOf(f);
  let { month = 1, day = 1 } = f;
  if (f.month === undefined && f.day === undefined && f.yearDay !== undefined) {
    if (f.yearDay > (isLeapYear(year) ? 366 : 365)) return undefined;
    const d = new Date(wallMs(year, 1, 1) + (f.yearDay - 1) * 86_400_000);
    month = d.getUTCMonth() + 1;
    day = d.getUTCDate();
  }
  if (day > daysInMonth(year, month)) return undefined;
  const hour = f.hour12 !== undefined ? (f.hour12 % 12) + (f.pm ? 12 : 0) : (f.hour ?? 0);
  const wall = wallMs(year, month, day, hour, f.minute ?? 0, f.second ?? 0);
  const ms = f.offset !== undefined ? wall - f.offset * 60_000 : wallToEpochMs(wall, f.zone ?? zone);
  return Number.isFinite(ms) ? addFraction(ms / 1000, f.fraction) : undefined;
}

/** `%y` alone follows POSIX: 69-99 are 19xx, 00-68 are 20xx; `%C` supplies the century. */
function yearOf(f: ParsedFields): number {
  if (f.year !== undefined) return f.year;
  if (f.twoDigitYear !== undefined) {
    if (f.century !== undefined) return f.century * 100 + f.twoDigitYear;
    return f.twoDigitYear + (f.twoDigitYear < 69 ? 2000 : 1900);
  }
  return f.century !== undefined ? f.century * 100 : 1970;
}

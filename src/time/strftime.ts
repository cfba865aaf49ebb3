/**
 * Splunk strftime: epoch seconds -> text in the user's time zone (`convert ctime`, eval
 * `strftime()`). Formats are compiled once into a closure per query; parsing (strptime) lives in
 * strptime.ts and is re-exported here. Splunk docs: "Date and time format variables".
 */
import { isoWeek, wallTimeAt, weekOfYear, type WallTime } from './calendar.js';
import { scanFormat, type VarCode } from './format-scan.js';
import { MONTHS, WEEKDAYS } from './names.js';
import { zoneAbbreviation } from './zone.js';

export { parseTime } from './strptime.js';

/** A compiled format: formats one instant in a zone. */
export type Formatter = (epochSeconds: number, zone: string) => string;

type Emit = (t: WallTime, width: number | undefined) => string;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const space2 = (n: number): string => (n < 10 ? ` ${n}` : String(n));
const hour12 = (t: WallTime): number => (t.hour % 12 === 0 ? 12 : t.hour % 12);

/** Leading `width` digits of the microseconds; digits past the sixth are zeros (truncation). */
function subseconds(micros: number, width: number): string {
  const six = String(micros).padStart(6, '0');
  return width <= 6 ? six.slice(0, width) : six.padEnd(width, '0');
}

/** `+hhmm` with `sep` between the parts; `parts` = 1 (`+hh`), 2 (`+hhmm`) or 3 (`+hhmmss`). */
function offsetText(offset: number, sep: string, parts: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const fields = [pad2(Math.floor(abs / 60)), pad2(abs % 60), '00'].slice(0, parts);
  return sign + fields.join(sep);
}

const EMITTERS: Readonly<Record<VarCode, Emit>> = {
  Y: (t) => String(t.year),
  y: (t) => pad2(((t.year % 100) + 100) % 100),
  C: (t) => pad2(Math.floor(t.year / 100)),
  m: (t) => pad2(t.month),
  d: (t) => pad2(t.day),
  e: (t) => space2(t.day),
  H: (t) => pad2(t.hour),
  k: (t) => space2(t.hour),
  I: (t) => pad2(hour12(t)),
  l: (t) => space2(hour12(t)),
  p: (t) => (t.hour < 12 ? 'AM' : 'PM'),
  P: (t) => (t.hour < 12 ? 'am' : 'pm'),
  M: (t) => pad2(t.minute),
  S: (t) => pad2(t.second),
  a: (t) => WEEKDAYS[t.weekday]!.slice(0, 3),
  A: (t) => WEEKDAYS[t.weekday]!,
  b: (t) => MONTHS[t.month - 1]!.slice(0, 3),
  B: (t) => MONTHS[t.month - 1]!,
  j: (t) => String(t.yearDay).padStart(3, '0'),
  w: (t) => String(t.weekday),
  u: (t) => String(t.weekday === 0 ? 7 : t.weekday),
  U: (t) => pad2(weekOfYear(t, 0)),
  W: (t) => pad2(weekOfYear(t, 1)),
  V: (t) => pad2(isoWeek(t).week),
  G: (t) => String(isoWeek(t).year),
  g: (t) => pad2(((isoWeek(t).year % 100) + 100) % 100),
  s: (t) => String(t.epoch),
  N: (t, width) => subseconds(t.micros, width ?? 9),
  Q: (t, width) => subseconds(t.micros, width ?? 3),
  f: (t) => subseconds(t.micros, 6),
  z: (t) => offsetText(t.offset, '', 2),
  ':z': (t) => offsetText(t.offset, ':', 2),
  '::z': (t) => offsetText(t.offset, ':', 3),
  ':::z': (t) => offsetText(t.offset, ':', 1),
  // Splunk only says "timezone in minutes"; we print the signed offset: +0, -420, +330.
  Ez: (t) => (t.offset < 0 ? String(t.offset) : `+${t.offset}`),
  Z: (t) => zoneAbbreviation(t.ms, t.zone),
};

/** Compile a format once; the closure is what `convert ctime` calls per row. */
export function compileFormat(format: string): Formatter {
  const parts = scanFormat(format).map((d): string | ((t: WallTime) => string) => {
    if (d.kind === 'text') return d.text;
    const emit = EMITTERS[d.code];
    return (t) => emit(t, d.width);
  });
  return (epochSeconds, zone) => {
    const t = wallTimeAt(epochSeconds, zone);
    let out = '';
    for (const p of parts) out += typeof p === 'string' ? p : p(t);
    return out;
  };
}

const compiled = new Map<string, Formatter>();
const COMPILED_LIMIT = 500;

/** Format epoch seconds with a Splunk format in `zone` (compiled formats are cached). */
export function formatTime(epochSeconds: number, format: string, zone: string): string {
  let formatter = compiled.get(format);
  if (!formatter) {
    if (compiled.size >= COMPILED_LIMIT) compiled.clear();
    formatter = compileFormat(format);
    compiled.set(format, formatter);
  }
  return formatter(epochSeconds, zone);
}

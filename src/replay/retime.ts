/**
 * Shift a timestamp written in an event by a number of microseconds, keeping how it is written:
 * epoch seconds/milliseconds/microseconds/nanoseconds keep their unit and decimals; ISO 8601 keeps
 * its separator, precision (extra digits past microseconds are kept as written) and zone suffix
 * (`Z`, `+02:00`, ` UTC`, or none: then the wall time in the zone it was read in); a TIME_FORMAT
 * is written back with strftime. This is what Splunk's replay tooling does (attack_data and
 * contentctl parse the time field in its format, add now - newest, and write it back in that format).
 */
import { splitSeconds } from '../time/calendar.js';
import { formatTime } from '../time/strftime.js';
import { offsetMinutesAt, wallToEpochMs } from '../time/zone.js';

/** Integer digit counts of an epoch and how many of them are subseconds (as time/timestamp.ts reads them). */
const EPOCH_SUBSECOND_DIGITS: ReadonlyMap<number, number> = new Map([
  [9, 0], [10, 0], [13, 3], [16, 6], [19, 9],
]);

const EPOCH = /^(\s*)(\d+)(?:\.(\d+))?(\s*)$/;
const ISO =
  /^(\s*)(\d{4})-(\d{2})-(\d{2})(?:([Tt ])(\d{2}):(\d{2})(?::(\d{2})(?:([.,])(\d+))?)?)?(\s*)(Z|z|UTC|GMT|([+-])(\d{2})(?::?(\d{2}))?)?(\s*)$/;

/** Epoch seconds (a double) as exact microseconds. */
export function toMicros(seconds: number): bigint {
  const { whole, micros } = splitSeconds(seconds);
  return BigInt(whole) * 1_000_000n + BigInt(micros);
}

/** Microseconds as the shortest decimal seconds text (`1714989610.724818`, `1714989610`). */
export function microsText(micros: bigint): string {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const whole = abs / 1_000_000n;
  const frac = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac === '' ? '' : `.${frac}`}`;
}

/**
 * `text` moved by `delta` microseconds in the same notation, or undefined when it is in none we
 * can write back. `format`: the TIME_FORMAT it was read with; `zone`: the zone it was read in.
 */
export function shiftTimestampText(text: string, time: number, delta: bigint, zone: string, format?: string): string | undefined {
  if (format !== undefined) return formatTime(Number(toMicros(time) + delta) / 1e6, format, zone);
  return shiftEpochText(text, delta) ?? shiftIsoText(text, delta, zone);
}

/** `1714989610`, `1714989610724`, `1714989610.724818`: same unit, same number of decimals. */
function shiftEpochText(text: string, delta: bigint): string | undefined {
  const m = EPOCH.exec(text);
  if (!m) return undefined;
  const [, lead, int, frac = '', trail] = m as unknown as [string, string, string, string | undefined, string];
  const sub = EPOCH_SUBSECOND_DIGITS.get(int.length);
  if (sub === undefined) return undefined;
  const scale = sub + frac.length; // the value is an integer count of 10^-scale seconds
  const value = BigInt(int + frac);
  const step = scale >= 6 ? delta * 10n ** BigInt(scale - 6) : delta / 10n ** BigInt(6 - scale);
  const digits = (value + step).toString().padStart(scale + 1, '0');
  const cut = digits.length - frac.length;
  return lead + digits.slice(0, cut) + (frac === '' ? '' : `.${digits.slice(cut)}`) + trail;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** ISO 8601 / RFC 3339 in the same shape; the zone suffix is written as it was. */
function shiftIsoText(text: string, delta: bigint, zone: string): string | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[2], m[3], m[4], m[6], m[7], m[8]].map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const frac = m[10] ?? '';
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (!Number.isFinite(wall)) return undefined;
  const fixed = fixedOffset(m[12], m[13], m[14], m[15]);
  const ms = fixed === undefined ? wallToEpochMs(wall, zone) : wall - fixed * 60_000;
  const micros = BigInt(ms) * 1000n + BigInt(frac.slice(0, 6).padEnd(6, '0')) + delta;
  const newMs = Number((micros - (((micros % 1000n) + 1000n) % 1000n)) / 1000n);
  const offset = fixed ?? offsetMinutesAt(newMs, zone);
  const w = new Date(newMs + offset * 60_000);
  let out = `${m[1]}${pad(w.getUTCFullYear(), 4)}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`;
  if (m[5] !== undefined) {
    out += `${m[5]}${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
    if (m[8] !== undefined) out += `:${pad(w.getUTCSeconds())}`;
    if (m[9] !== undefined) out += m[9] + fractionDigits(micros, frac);
  }
  return out + m[11] + (m[12] ?? '') + m[16];
}

/** The subsecond digits of `micros` at the width written; digits past the sixth are kept as written. */
function fractionDigits(micros: bigint, written: string): string {
  const six = (((micros % 1_000_000n) + 1_000_000n) % 1_000_000n).toString().padStart(6, '0');
  return written.length <= 6 ? six.slice(0, written.length) : six + written.slice(6);
}

/** Minutes east of UTC written in the text; undefined when the text has no zone. */
function fixedOffset(token: string | undefined, sign: string | undefined, hh: string | undefined, mm: string | undefined): number | undefined {
  if (token === undefined) return undefined;
  if (sign === undefined) return 0;
  return (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm ?? 0));
}

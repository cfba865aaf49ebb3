/**
 * Conversion functions (Search Reference, "Conversion functions"; docs/eval/conversion.md):
 * tonumber, tostring (hex, binary, commas, duration), ipmask, and the typed conversions toint and
 * todouble. printf lives with the text functions (text.ts, printf.ts).
 */
import { asString, firstValue } from '../coerce.js';
import type { EvalValue } from '../types.js';
import { formatNumber, toNumber } from '../values.js';
import { plain, type CallSite, type EvalFunction } from './define.js';
import { groupThousands, plainDigits, roundDecimal } from './decimal.js';
import { literalArg, withCheck } from './literal-args.js';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const HEX_PREFIXED = /^([+-]?)0[xX]([0-9a-fA-F]+)$/;
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Text in a base from 2 to 36, or undefined. No surrounding spaces ("if the value contains a
 * leading and trailing space, the function returns NULL"); a decimal point only in base 10; a 0x
 * prefix in base 16 and, as C's strtod reads it, in base 10.
 */
export function parseInBase(text: string, base: number): number | undefined {
  const hex = HEX_PREFIXED.exec(text);
  if (hex && (base === 10 || base === 16)) return (hex[1] === '-' ? -1 : 1) * parseInt(hex[2]!, 16);
  if (base === 10) return DECIMAL.test(text) ? Number(text) : undefined;
  const m = /^([+-]?)([0-9a-zA-Z]+)$/.exec(text);
  if (!m || [...m[2]!.toLowerCase()].some((c) => DIGITS.indexOf(c) < 0 || DIGITS.indexOf(c) >= base)) return undefined;
  return (m[1] === '-' ? -1 : 1) * parseInt(m[2]!, base);
}

function validBase(b: number | null): b is number {
  return b !== null && Number.isInteger(b) && b >= 2 && b <= 36;
}

function baseOf(v: EvalValue | undefined): number | null {
  if (v === undefined) return 10;
  const x = firstValue(v);
  const b = typeof x === 'number' ? x : typeof x === 'string' ? (toNumber(x) ?? null) : null;
  return validBase(b) ? b : null;
}

/** A number stays itself; text is read in the base; anything else (a boolean) is null. */
function toNumberIn(v: EvalValue, base: EvalValue | undefined): number | null {
  const b = baseOf(base);
  const x = firstValue(v);
  if (b === null) return null;
  if (typeof x === 'number') return x;
  return typeof x === 'string' ? (parseInBase(x, b) ?? null) : null;
}

/** A literal base out of 2..36 fails the search. */
function checkBase(site: CallSite): void {
  const base = literalArg(site, 1);
  if (base && !validBase(typeof base.value === 'number' ? base.value : null)) {
    site.fail(`the base must be an integer from 2 to 36, found ${JSON.stringify(base.value)}`);
  }
}

/**
 * tonumber("seven") fails the search ("the following search fails"); todouble("number") is null
 * ("the following search doesn't return any results"), so only tonumber checks literal text.
 */
function checkTonumber(site: CallSite): void {
  checkBase(site);
  const text = literalArg(site, 0);
  const base = literalArg(site, 1);
  const b = base ? (base.value as number) : 10;
  if (text && typeof text.value === 'string' && parseInBase(text.value, b) === undefined) {
    site.fail(`"${text.value}" is not a number in base ${b}`);
  }
}

const tonumber = withCheck(plain('tonumber', [1, 2], ([v, base]) => toNumberIn(v!, base)), checkTonumber);
const todouble = withCheck(plain('todouble', [1, 2], ([v, base]) => toNumberIn(v!, base)), checkBase);
const toint = withCheck(
  plain('toint', [1, 2], ([v, base]) => {
    const n = toNumberIn(v!, base);
    return n === null ? null : Math.floor(n);
  }),
  checkBase,
);

const MAX_SAFE = 2 ** 53 - 1;

/** hex and binary take integers from 0 to 2^53-1 ("Only integers in the range of 0 to 2^53 -1 are accepted"). */
function radixText(n: number, radix: number, prefix: string): string | null {
  return Number.isInteger(n) && n >= 0 && n <= MAX_SAFE ? prefix + n.toString(radix).toUpperCase() : null;
}

/** 12345.6789 -> "12,345.68": rounded to two decimals half away from zero; no trailing zeros added. */
export function commasText(n: number): string {
  const r = roundDecimal(n, 2);
  const { int, frac } = plainDigits(r);
  return (r < 0 ? '-' : '') + groupThousands(int) + (frac ? '.' + frac : '');
}

/** Seconds as [D+]HH:MM:SS, with microseconds when fractional: 615 -> "00:10:15", 90061 -> "1+01:01:01". */
export function durationText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const micros = Math.round(Math.abs(n) * 1e6);
  const whole = Math.floor(micros / 1e6);
  const frac = micros % 1e6;
  const two = (x: number) => String(x).padStart(2, '0');
  const days = Math.floor(whole / 86400);
  const clock = `${two(Math.floor((whole % 86400) / 3600))}:${two(Math.floor((whole % 3600) / 60))}:${two(whole % 60)}`;
  return `${n < 0 ? '-' : ''}${days > 0 ? `${days}+` : ''}${clock}${frac ? '.' + String(frac).padStart(6, '0') : ''}`;
}

const FORMATS: Readonly<Record<string, (n: number) => string | null>> = {
  hex: (n) => radixText(n, 16, '0x'),
  binary: (n) => radixText(n, 2, ''),
  commas: commasText,
  duration: durationText,
};

/**
 * tostring(value[, format]): booleans read "True"/"False"; the format applies only to numbers
 * (numeric field text counts), other text comes back unchanged.
 */
const tostring = withCheck(
  plain('tostring', [1, 2], ([v, format]) => {
    const x = firstValue(v!);
    if (typeof x === 'boolean') return x ? 'True' : 'False';
    if (format === undefined) return asString(v!);
    const f = asString(format);
    const conv = f === null ? undefined : FORMATS[f];
    if (!conv) return null;
    const n = typeof x === 'number' ? x : typeof x === 'string' ? toNumber(x) : undefined;
    return n === undefined ? asString(v!) : conv(n);
  }),
  (site) => {
    const f = literalArg(site, 1);
    if (f && !(typeof f.value === 'string' && f.value in FORMATS)) {
      site.fail(`the format must be "hex", "binary", "commas" or "duration", found ${JSON.stringify(f.value)}`);
    }
  },
);

/** Quad-dotted IPv4: four decimal integers from 0 to 255. */
export function parseIPv4(text: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  const parts = m?.slice(1).map(Number);
  return parts && parts.every((p) => p <= 255) ? parts : undefined;
}

const ipmask = withCheck(
  plain('ipmask', [2, 2], ([mask, ip]) => {
    const m = parseIPv4(asString(mask!) ?? '');
    const a = parseIPv4(asString(ip!) ?? '');
    return m && a ? a.map((x, i) => x & m[i]!).join('.') : null;
  }),
  (site) => {
    for (const i of [0, 1]) {
      const lit = literalArg(site, i);
      if (lit && parseIPv4(typeof lit.value === 'string' ? lit.value : formatNumber(Number(lit.value))) === undefined) {
        site.fail(`argument ${i + 1} must be a valid IPv4 address, found ${JSON.stringify(lit.value)}`);
      }
    }
  },
);

export const CONVERSION_FUNCTIONS: readonly EvalFunction[] = [tonumber, todouble, toint, tostring, ipmask];

/**
 * The printf format engine (Search Reference, Conversion functions, "printf"): C sprintf's
 * conversions %a %c %d %i %e %f %g %o %s %u %x (upper-case forms too) with Splunk's aliases %z (= %s)
 * and %p (= %X); flags `-` `+` space `#` `0` and `'` (thousands); width and precision, `*` taking
 * them from the arguments. %C, %n, %S and `%<num>$` are not supported (docs/eval/text.md).
 */
import { asNumber, asString } from '../coerce.js';
import type { EvalValue } from '../types.js';
import { exponentParts, fixedText, groupThousands, hexFloatText } from './decimal.js';

interface Flags {
  readonly minus: boolean;
  readonly plus: boolean;
  readonly space: boolean;
  readonly alt: boolean;
  readonly zero: boolean;
  readonly group: boolean;
}

interface Conversion {
  readonly flags: Flags;
  readonly width: number | '*' | undefined;
  readonly precision: number | '*' | undefined;
  readonly conv: string;
}

export type FormatPiece = string | Conversion;

/** What one conversion produced: padding goes between `lead` (sign, 0x) and `body` when zero-padding. */
interface Rendered {
  readonly lead: string;
  readonly body: string;
  readonly zeroPad: boolean;
}

const SPEC = /^([-+ #0']*)(\*|\d+)?(?:\.(\*|\d*))?(?:hh|h|ll|l|L|j|t|q)?([aAcdieEfFgGosuxXpz%])/;
const ANY_SPEC = /^[-+ #0']*(?:\*|\d+)?(?:\.(?:\*|\d*))?(?:hh|h|ll|l|L|j|t|q)?(.)/su;

/** The pieces of a format, or the reason it cannot be used. */
export function parseFormat(format: string): FormatPiece[] | string {
  const pieces: FormatPiece[] = [];
  let text = '';
  let i = 0;
  for (let pct = format.indexOf('%'); pct >= 0; pct = format.indexOf('%', i)) {
    text += format.slice(i, pct);
    const rest = format.slice(pct + 1);
    const m = SPEC.exec(rest);
    if (!m) return unsupported(rest);
    i = pct + 1 + m[0].length;
    if (m[4] === '%') {
      text += '%';
      continue;
    }
    if (text) pieces.push(text);
    text = '';
    const precision = m[3] === undefined ? undefined : size(m[3] || '0');
    pieces.push({ flags: parseFlags(m[1]!), width: size(m[2]), precision, conv: m[4]! });
  }
  text += format.slice(i);
  if (text) pieces.push(text);
  return pieces;
}

function unsupported(rest: string): string {
  if (rest === '') return 'the format ends with a lone "%"';
  if (/^\d+\$/.test(rest)) return 'the %<num>$ specifier is not supported';
  return `unsupported conversion specifier "%${ANY_SPEC.exec(rest)?.[1] ?? rest[0]}"`;
}

function parseFlags(text: string): Flags {
  const has = (c: string) => text.includes(c);
  return { minus: has('-'), plus: has('+'), space: has(' '), alt: has('#'), zero: has('0'), group: has("'") };
}

function size(text: string | undefined): number | '*' | undefined {
  return text === undefined ? undefined : text === '*' ? '*' : Number(text);
}

/** How many arguments the format consumes (values plus `*` widths and precisions). */
export function argumentsNeeded(pieces: readonly FormatPiece[]): number {
  let n = 0;
  for (const p of pieces) if (typeof p !== 'string') n += 1 + Number(p.width === '*') + Number(p.precision === '*');
  return n;
}

/** The formatted text, or null when an argument is missing or cannot be converted. */
export function renderFormat(pieces: readonly FormatPiece[], args: readonly EvalValue[]): string | null {
  let next = 0;
  let out = '';
  for (const p of pieces) {
    if (typeof p === 'string') {
      out += p;
      continue;
    }
    let flags = p.flags;
    let width = p.width === '*' ? intArg(args[next++]) : p.width;
    let precision = p.precision === '*' ? intArg(args[next++]) : p.precision;
    if (width === null || precision === null || next >= args.length) return null;
    if (width !== undefined && width < 0) [flags, width] = [{ ...flags, minus: true }, -width];
    if (precision !== undefined && precision < 0) precision = undefined;
    const r = convert(p.conv, args[next++]!, flags, precision);
    if (r === null) return null;
    out += pad(r, width ?? 0, flags);
  }
  return out;
}

function intArg(v: EvalValue | undefined): number | null {
  const n = v === undefined ? null : asNumber(v);
  return n === null || !Number.isFinite(n) ? null : Math.trunc(n);
}

function pad(r: Rendered, width: number, flags: Flags): string {
  const gap = width - [...r.lead].length - [...r.body].length;
  if (gap <= 0) return r.lead + r.body;
  if (flags.minus) return r.lead + r.body + ' '.repeat(gap);
  if (flags.zero && r.zeroPad) return r.lead + '0'.repeat(gap) + r.body;
  return ' '.repeat(gap) + r.lead + r.body;
}

function convert(conv: string, v: EvalValue, flags: Flags, precision: number | undefined): Rendered | null {
  switch (conv) {
    case 'd':
    case 'i':
      return signedInteger(v, flags, precision);
    case 'u':
    case 'o':
    case 'x':
    case 'X':
    case 'p':
      return unsignedInteger(conv, v, flags, precision);
    case 'c':
      return character(v);
    case 's':
    case 'z':
      return text(v, precision);
    default:
      return floating(conv, v, flags, precision);
  }
}

function sign(negative: boolean, flags: Flags): string {
  return negative ? '-' : flags.plus ? '+' : flags.space ? ' ' : '';
}

function integerDigits(n: bigint, radix: number, precision: number | undefined): string {
  if (precision === 0 && n === 0n) return '';
  return n.toString(radix).padStart(precision ?? 0, '0');
}

function signedInteger(v: EvalValue, flags: Flags, precision: number | undefined): Rendered | null {
  const x = asNumber(v);
  if (x === null || !Number.isFinite(x)) return null;
  const n = BigInt(Math.trunc(x));
  const digits = integerDigits(n < 0n ? -n : n, 10, precision);
  const body = flags.group ? groupThousands(digits) : digits;
  return { lead: sign(n < 0n, flags), body, zeroPad: precision === undefined };
}

/** Negative values wrap as 64-bit unsigned integers, as C's conversions of a long long do. */
function unsignedInteger(conv: string, v: EvalValue, flags: Flags, precision: number | undefined): Rendered | null {
  const x = asNumber(v);
  if (x === null || !Number.isFinite(x)) return null;
  const n = BigInt.asUintN(64, BigInt(Math.trunc(x)));
  const radix = conv === 'u' ? 10 : conv === 'o' ? 8 : 16;
  let digits = integerDigits(n, radix, precision);
  if (conv === 'X' || conv === 'p') digits = digits.toUpperCase();
  if (conv === 'o' && flags.alt && !digits.startsWith('0')) digits = '0' + digits;
  if (conv === 'u' && flags.group) digits = groupThousands(digits);
  const lead = radix === 16 && flags.alt && n !== 0n ? (conv === 'x' ? '0x' : '0X') : '';
  return { lead, body: digits, zeroPad: precision === undefined };
}

function character(v: EvalValue): Rendered | null {
  const x = asNumber(v);
  if (x !== null) {
    const cp = Math.trunc(x);
    return cp >= 0 && cp <= 0x10ffff ? { lead: '', body: String.fromCodePoint(cp), zeroPad: false } : null;
  }
  const s = asString(v);
  return s === null ? null : { lead: '', body: [...s][0] ?? '', zeroPad: false };
}

function text(v: EvalValue, precision: number | undefined): Rendered | null {
  const s = asString(v);
  if (s === null) return null;
  return { lead: '', body: precision === undefined ? s : [...s].slice(0, precision).join(''), zeroPad: false };
}

function floating(conv: string, v: EvalValue, flags: Flags, precision: number | undefined): Rendered | null {
  const x = asNumber(v);
  if (x === null) return null;
  const upper = conv === conv.toUpperCase();
  const lead = sign(x < 0 || Object.is(x, -0), flags);
  if (!Number.isFinite(x)) {
    const word = Number.isNaN(x) ? 'nan' : 'inf';
    return { lead, body: upper ? word.toUpperCase() : word, zeroPad: false };
  }
  const lower = conv.toLowerCase();
  if (lower === 'a') {
    const hex = hexFloatText(x, precision, flags.alt).slice(2);
    return { lead: lead + (upper ? '0X' : '0x'), body: upper ? hex.toUpperCase() : hex, zeroPad: true };
  }
  const body = lower === 'f' ? fixed(x, precision ?? 6, flags)
    : lower === 'e' ? exponential(x, precision ?? 6, flags.alt)
    : general(x, precision, flags);
  return { lead, body: upper ? body.toUpperCase() : body, zeroPad: true };
}

function fixed(x: number, frac: number, flags: Flags): string {
  const s = fixedText(x, frac) + (frac === 0 && flags.alt ? '.' : '');
  return flags.group ? groupInteger(s) : s;
}

function groupInteger(s: string): string {
  const dot = s.indexOf('.');
  return dot < 0 ? groupThousands(s) : groupThousands(s.slice(0, dot)) + s.slice(dot);
}

function exponential(x: number, frac: number, alt: boolean): string {
  const { digits, exp } = exponentParts(x, frac);
  const mantissa = digits[0]! + (frac > 0 ? '.' + digits.slice(1) : alt ? '.' : '');
  return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** %g: %e when the exponent is < -4 or >= the precision, else %f; trailing zeros dropped unless `#`. */
function general(x: number, precision: number | undefined, flags: Flags): string {
  const p = precision === undefined ? 6 : Math.max(precision, 1);
  const exp = x === 0 ? 0 : exponentParts(x, p - 1).exp;
  if (exp < -4 || exp >= p) {
    const s = exponential(x, p - 1, flags.alt);
    return flags.alt ? s : s.replace(/\.?0+e/, 'e');
  }
  let s = fixedText(x, p - 1 - exp);
  if (!flags.alt && s.includes('.')) s = s.replace(/\.?0+$/, '');
  else if (flags.alt && !s.includes('.')) s += '.';
  return flags.group ? groupInteger(s) : s;
}

/**
 * Text functions (Search Reference, "Text functions"; docs/eval/text.md): len/length, lower, upper,
 * ltrim, rtrim, trim, substr, urldecode, and printf (a Conversion function in Splunk's docs, kept
 * here with its format engine in printf.ts). replace, spath and split belong to other families.
 */
import { asNumber, asString, fromList, valuesList } from '../coerce.js';
import type { Row } from '../../data/event.js';
import type { Compiled, EvalValue } from '../types.js';
import { formatNumber } from '../values.js';
import { lazy, plain, VARIADIC, type CallSite, type EvalFunction } from './define.js';
import { alias, literalArg, requireNumericLiterals, withCheck } from './literal-args.js';
import { argumentsNeeded, parseFormat, renderFormat, type FormatPiece } from './printf.js';

/** Characters, not UTF-16 units: len("héllo") is 5 and substr counts code points too. */
function codePoints(s: string): string[] {
  return [...s];
}

/** The number of code points, counted without building them (a 64 MB `_raw` is no 64M-element array). */
function codePointCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

const len = plain('len', [1, 1], ([v]) => {
  const s = asString(v!);
  return s === null ? null : codePointCount(s);
});

/** lower/upper apply to every value of a multivalue field ("You can use this function on multivalue fields"). */
function perValue(name: string, f: (s: string) => string): EvalFunction {
  return plain(name, [1, 1], ([v]) => fromList(valuesList(v!).map((x) => f(typeof x === 'number' ? formatNumber(x) : x))));
}

/** Without trim_chars, spaces and tabs are removed (Text functions, ltrim/rtrim/trim: Usage). */
function trimmer(name: string, left: boolean, right: boolean): EvalFunction {
  return plain(name, [1, 2], ([v, chars]) => {
    const s = asString(v!);
    const set = chars === undefined ? ' \t' : asString(chars);
    if (s === null || set === null) return null;
    const strip = new Set(codePoints(set));
    const cps = codePoints(s);
    let a = 0;
    let b = cps.length;
    while (left && a < b && strip.has(cps[a]!)) a++;
    while (right && b > a && strip.has(cps[b - 1]!)) b--;
    return cps.slice(a, b).join('');
  });
}

/**
 * substr(str, start[, length]) with SQLite's substr rules, which the docs name: 1-based, a
 * negative start counts from the end, start 0 is the position before the first character, a
 * negative length takes the characters before start.
 */
function sqliteSubstr(cps: readonly string[], start: number, length: number | undefined): string {
  let p1 = start;
  let p2 = length === undefined ? cps.length : Math.abs(length);
  if (p1 < 0) {
    p1 += cps.length;
    if (p1 < 0) {
      p2 = Math.max(p2 + p1, 0);
      p1 = 0;
    }
  } else if (p1 > 0) p1--;
  else if (p2 > 0) p2--;
  if (length !== undefined && length < 0) {
    p1 -= p2;
    if (p1 < 0) {
      p2 += p1;
      p1 = 0;
    }
  }
  return cps.slice(p1, p1 + p2).join('');
}

const substr = withCheck(
  plain('substr', [2, 3], ([v, start, length]) => {
    const s = asString(v!);
    const p1 = asNumber(start!);
    const p2 = length === undefined ? undefined : asNumber(length);
    if (s === null || p1 === null || p2 === null) return null;
    return sqliteSubstr(codePoints(s), Math.trunc(p1), p2 === undefined ? undefined : Math.trunc(p2));
  }),
  (site) => requireNumericLiterals(site, [1, 2]),
);

/** %XX escapes are UTF-8 bytes; `+` is a space, as in query strings; a malformed escape stays as written. */
export function urlDecode(s: string): string {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  let i = 0;
  while (i < s.length) {
    if (s[i] === '%' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 3;
    } else if (s[i] === '+') {
      bytes.push(0x20);
      i += 1;
    } else {
      const ch = String.fromCodePoint(s.codePointAt(i)!);
      bytes.push(...encoder.encode(ch));
      i += ch.length;
    }
  }
  return new TextDecoder().decode(Uint8Array.from(bytes));
}

const urldecode = plain('urldecode', [1, 1], ([v]) => {
  const s = asString(v!);
  return s === null ? null : urlDecode(s);
});

/** A literal format, parsed once; unsupported specifiers and too few arguments fail at bind time. */
function literalFormat(site: CallSite, given: number): readonly FormatPiece[] | undefined {
  const lit = literalArg(site, 0);
  if (!lit || typeof lit.value !== 'string') return undefined;
  const pieces = parseFormat(lit.value);
  if (typeof pieces === 'string') return site.fail(pieces);
  const need = argumentsNeeded(pieces);
  if (need > given) site.fail(`the format needs ${need} argument(s) after it, found ${given}`);
  return pieces;
}

/** A format read per result (from a field): the last one parsed is kept; an unusable one is undefined. */
function dynamicFormat(format: Compiled): (row: Row) => readonly FormatPiece[] | undefined {
  let last: { text: string; pieces: FormatPiece[] | string } | undefined;
  return (row) => {
    const text = asString(format(row));
    if (text === null) return undefined;
    if (last?.text !== text) last = { text, pieces: parseFormat(text) };
    return typeof last.pieces === 'string' ? undefined : last.pieces;
  };
}

/** printf(format, args...): see printf.ts; a null argument gives null. */
const printf = lazy('printf', [1, VARIADIC], (args, site) => {
  const [format, ...values] = args as [Compiled, ...Compiled[]];
  const fixed = literalFormat(site, values.length);
  const piecesFor = fixed ? () => fixed : dynamicFormat(format);
  return (row) => {
    const vs: EvalValue[] = values.map((a) => a(row));
    if (vs.some((v) => v === null)) return null;
    const pieces = piecesFor(row);
    return pieces === undefined ? null : renderFormat(pieces, vs);
  };
});

export const TEXT_FUNCTIONS: readonly EvalFunction[] = [
  len,
  alias(len, 'length'),
  perValue('lower', (s) => s.toLowerCase()),
  perValue('upper', (s) => s.toUpperCase()),
  trimmer('ltrim', true, false),
  trimmer('rtrim', false, true),
  trimmer('trim', true, true),
  substr,
  urldecode,
  printf,
];

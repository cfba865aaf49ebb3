/**
 * Character sets as sorted, disjoint code point ranges plus Unicode property references (`\p{L}`),
 * optionally negated. Every class escape (`\d`, `\s`, `\h`, `[[:alpha:]]`, ...) becomes ranges with
 * PCRE's meaning, so the JavaScript emitter never relies on JavaScript's own, wider, `\s`.
 */

export const MAX_CP = 0x10ffff;

/** A Unicode property as JavaScript spells it inside `\p{...}`, e.g. `L`, `LC`, `Script=Greek`. */
export interface PropRef {
  readonly name: string;
  readonly negated: boolean;
}

export interface CharSet {
  /** Flat [lo0, hi0, lo1, hi1, ...], sorted, disjoint, non-adjacent. */
  readonly ranges: readonly number[];
  readonly props: readonly PropRef[];
  readonly negated: boolean;
}

export function ranges(...pairs: readonly (readonly [number, number])[]): number[] {
  return normalize(pairs.flat());
}

/** Sort and merge a flat list of [lo, hi] pairs. */
export function normalize(flat: readonly number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    const last = out.length - 1;
    if (last > 0 && lo <= out[last]! + 1) out[last] = Math.max(out[last]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

export function complement(r: readonly number[]): number[] {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < r.length; i += 2) {
    if (r[i]! > next) out.push(next, r[i]! - 1);
    next = r[i + 1]! + 1;
  }
  if (next <= MAX_CP) out.push(next, MAX_CP);
  return out;
}

export function inRanges(r: readonly number[], cp: number): boolean {
  let lo = 0;
  let hi = r.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < r[mid * 2]!) hi = mid - 1;
    else if (cp > r[mid * 2 + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

const propTests = new Map<string, RegExp>();

function propTest(p: PropRef): RegExp {
  let re = propTests.get(p.name);
  if (!re) {
    re = new RegExp(`^\\p{${p.name}}$`, 'u');
    propTests.set(p.name, re);
  }
  return re;
}

export function setHas(s: CharSet, cp: number): boolean {
  let hit = inRanges(s.ranges, cp);
  if (!hit && s.props.length > 0) {
    const ch = String.fromCodePoint(cp);
    hit = s.props.some((p) => propTest(p).test(ch) !== p.negated);
  }
  return hit !== s.negated;
}

/** The set as plain ranges, or undefined when it holds properties (not enumerated). */
export function plainRanges(s: CharSet): readonly number[] | undefined {
  if (s.props.length > 0) return undefined;
  return s.negated ? complement(s.ranges) : s.ranges;
}

/** Whether two sets may share a code point (true when unknown: properties are not enumerated). */
export function mayOverlap(a: CharSet, b: CharSet): boolean {
  const x = plainRanges(a);
  const y = plainRanges(b);
  if (!x || !y) return true;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i + 1]! < y[j]!) i += 2;
    else if (y[j + 1]! < x[i]!) j += 2;
    else return true;
  }
  return false;
}

export function union(a: CharSet, b: CharSet): CharSet {
  const x = plainRanges(a);
  const y = plainRanges(b);
  if (x && y) return { ranges: normalize([...x, ...y]), props: [], negated: false };
  // Only used for analysis: a set with properties is widened to everything.
  return { ranges: [0, MAX_CP], props: [], negated: false };
}

export const ANY: CharSet = { ranges: [0, MAX_CP], props: [], negated: false };
export const NOT_NEWLINE: CharSet = { ranges: [0, 9, 11, MAX_CP], props: [], negated: false };

/** PCRE's class escapes, without UCP: ASCII digits, word characters and white space. */
export const DIGIT = ranges([0x30, 0x39]);
export const WORD = ranges([0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]);
/** `\s`: space, \t \n \v \f \r (PCRE 8.34+ and PCRE2 include VT). */
export const SPACE = ranges([0x09, 0x0d], [0x20, 0x20]);
/** `\h`: horizontal white space (PCRE2 pattern spec, "Generic character types"). */
export const HSPACE = ranges([0x09, 0x09], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x180e, 0x180e],
  [0x2000, 0x200a], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000]);
/** `\v` in PCRE is vertical white space, not JavaScript's VT character. */
export const VSPACE = ranges([0x0a, 0x0d], [0x85, 0x85], [0x2028, 0x2029]);

/** POSIX classes inside brackets (`[[:alpha:]]`), ASCII as PCRE without UCP defines them. */
export const POSIX: Readonly<Record<string, readonly number[]>> = {
  alnum: ranges([0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]),
  alpha: ranges([0x41, 0x5a], [0x61, 0x7a]),
  ascii: ranges([0, 0x7f]),
  blank: ranges([0x09, 0x09], [0x20, 0x20]),
  cntrl: ranges([0, 0x1f], [0x7f, 0x7f]),
  digit: DIGIT,
  graph: ranges([0x21, 0x7e]),
  lower: ranges([0x61, 0x7a]),
  print: ranges([0x20, 0x7e]),
  punct: ranges([0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]),
  space: SPACE,
  upper: ranges([0x41, 0x5a]),
  word: WORD,
  xdigit: ranges([0x30, 0x39], [0x41, 0x46], [0x61, 0x66]),
};

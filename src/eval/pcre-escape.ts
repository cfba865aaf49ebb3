/**
 * PCRE escapes and character classes (PCRE2 pattern spec, "Backslash", "Character classes", "POSIX
 * character classes"): `\d \w \s \h \v \R \N`, `\p{..}`, `\x{..}`, `\o{..}`, `\cX`, octal, `\Q..\E`,
 * `[...]` with ranges and `[:name:]`. Class escapes mean what PCRE means without UCP (ASCII `\w`).
 */
import type { PcreNode, SetNode } from './pcre-ast.js';
import { complement, DIGIT, HSPACE, MAX_CP, normalize, POSIX, SPACE, VSPACE, WORD, type PropRef } from './pcre-charset.js';
import { foldRanges } from './pcre-fold.js';
import type { PcreReader } from './pcre-reader.js';
import { unicodeProperty } from './pcre-property.js';

/** What a class escape stands for: ranges and properties, and whether it is case-sensitive content. */
interface ClassPart {
  readonly ranges: readonly number[];
  readonly props: readonly PropRef[];
  /** Named classes with letters (`\w`, `[:alpha:]`) and properties: caseless matching leaves them alone. */
  readonly fixed: boolean;
}

const CLASS_ESCAPES: Readonly<Record<string, readonly number[]>> = {
  d: DIGIT, w: WORD, s: SPACE, h: HSPACE, v: VSPACE,
};

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { a: 7, e: 0x1b, f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09 };

/** `\d`, `\W`, `\p{L}`... at the cursor (after the backslash), or undefined. */
function classEscape(r: PcreReader, at: number): ClassPart | undefined {
  const c = r.peek();
  const lower = c.toLowerCase();
  if (lower in CLASS_ESCAPES) {
    r.pos++;
    const base = CLASS_ESCAPES[lower]!;
    return { ranges: c === lower ? base : complement(base), props: [], fixed: lower === 'w' };
  }
  if (c === 'p' || c === 'P') {
    r.pos++;
    const name = r.peek() === '{' ? (r.pos++, r.readUntil('}', '\\p{')) : r.pattern[r.pos++] ?? '';
    const prop = unicodeProperty(name, c === 'P', r, at);
    return { ranges: prop.ranges, props: prop.props, fixed: true };
  }
  return undefined;
}

/** A single-character escape (after the backslash): `\n`, `\x{263A}`, `\101`, `\cA`, `\.`. */
function charEscape(r: PcreReader, at: number, inClass: boolean): number {
  const c = r.peek();
  if (c in SIMPLE_ESCAPES) return r.pos++, SIMPLE_ESCAPES[c]!;
  if (c === 'b' && inClass) return r.pos++, 8;
  if (c === 'x') return r.pos++, hexEscape(r, at);
  if (c === 'o' && r.peek(1) === '{') {
    r.pos += 2;
    return codePoint(r, parseInt(digitsOrFail(r.readUntil('}', '\\o{'), /^[0-7]+$/, r, at), 8), at);
  }
  if (c === 'c') {
    const x = r.peek(1);
    if (!/^[\x20-\x7e]$/.test(x)) r.fail('\\c must be followed by a printable ASCII character', at);
    r.pos += 2;
    return x.toUpperCase().charCodeAt(0) ^ 0x40;
  }
  if (/[0-7]/.test(c)) {
    const m = /^[0-7]{1,3}/.exec(r.pattern.slice(r.pos))![0];
    r.pos += m.length;
    return parseInt(m, 8);
  }
  if ('uUlLN'.includes(c)) r.unsupported(`\\${c} (PCRE does not support \\L, \\l, \\N{name}, \\U, or \\u)`, at);
  if (/[A-Za-z0-9]/.test(c)) r.fail(`unrecognized escape sequence "\\${c}"`, at);
  return r.nextCodePoint();
}

function hexEscape(r: PcreReader, at: number): number {
  if (r.peek() === '{') {
    r.pos++;
    return codePoint(r, parseInt(digitsOrFail(r.readUntil('}', '\\x{'), /^[0-9a-fA-F]+$/, r, at), 16), at);
  }
  const m = /^[0-9a-fA-F]{0,2}/.exec(r.pattern.slice(r.pos))![0];
  r.pos += m.length;
  return m === '' ? 0 : parseInt(m, 16);
}

function digitsOrFail(text: string, shape: RegExp, r: PcreReader, at: number): string {
  if (!shape.test(text)) r.fail(`invalid digits "${text}" in escape`, at);
  return text;
}

function codePoint(r: PcreReader, cp: number, at: number): number {
  if (cp > MAX_CP || (cp >= 0xd800 && cp <= 0xdfff)) r.fail('character code point value is too large or a surrogate', at);
  return cp;
}

/** An escape outside a class, the backslash at `at` already consumed; backreferences are elsewhere. */
export function atomEscape(r: PcreReader, at: number): PcreNode {
  const c = r.peek();
  const part = classEscape(r, at);
  if (part) return classNode(r, part.ranges, part.props, false, part.fixed);
  if (c === 'N' && r.peek(1) !== '{') return r.pos++, { kind: 'Dot', dotall: false };
  if (c === 'N' && r.startsWith('N{U+')) {
    r.pos += 4;
    const hex = digitsOrFail(r.readUntil('}', '\\N{U+'), /^[0-9a-fA-F]+$/, r, at);
    return { kind: 'Char', cp: codePoint(r, parseInt(hex, 16), at), caseless: r.flags.i };
  }
  if (c === 'R') return r.pos++, { kind: 'Newline' };
  return { kind: 'Char', cp: charEscape(r, at, false), caseless: r.flags.i };
}

function classNode(r: PcreReader, literal: readonly number[], props: readonly PropRef[], negated: boolean, fixed: boolean): SetNode {
  return {
    kind: 'Set',
    set: { ranges: normalize(literal), props, negated },
    caseless: r.flags.i,
    foldSensitive: r.flags.i && fixed,
  };
}

/** `[...]`, the `[` at `at` already consumed. */
export function parseClass(r: PcreReader, at: number): SetNode {
  const negated = r.peek() === '^';
  if (negated) r.pos++;
  const acc = { literal: [] as number[], named: [] as number[], props: [] as PropRef[], fixed: false, quoting: false };
  let first = true;
  for (;;) {
    if (r.done) r.fail('missing terminating ] for character class', at);
    if (r.peek() === ']' && !first && !acc.quoting) break;
    first = false;
    const item = classItem(r, acc);
    if (item.kind === 'part') {
      acc.named.push(...item.part.ranges);
      acc.props.push(...item.part.props);
      acc.fixed ||= item.part.fixed;
    } else if (item.kind === 'char') {
      acc.literal.push(item.cp, rangeEnd(r, acc, item.cp));
    }
  }
  r.pos++;
  const folded = r.flags.i ? foldRanges(normalize(acc.literal)) : acc.literal;
  return classNode(r, [...folded, ...acc.named], acc.props, negated, acc.fixed);
}

/** The end of a range `a-z` when a hyphen follows `lo` (a hyphen before `]` is literal). */
function rangeEnd(r: PcreReader, acc: { quoting: boolean }, lo: number): number {
  if (acc.quoting || r.peek() !== '-' || r.peek(1) === ']' || r.peek(1) === '') return lo;
  const dash = r.pos++;
  const end = classItem(r, acc);
  if (end.kind !== 'char') r.fail('invalid range in character class', dash);
  if (end.cp < lo) r.fail('range out of order in character class', dash);
  return end.cp;
}

type ClassItem = { kind: 'char'; cp: number } | { kind: 'part'; part: ClassPart } | { kind: 'none' };

function classItem(r: PcreReader, acc: { quoting: boolean }): ClassItem {
  const at = r.pos;
  if (acc.quoting) {
    if (!r.startsWith('\\E')) return { kind: 'char', cp: r.nextCodePoint() };
    acc.quoting = false;
    return (r.pos += 2), { kind: 'none' };
  }
  if (r.startsWith('[:') || r.startsWith('[=') || r.startsWith('[.')) {
    const posix = /^\[:(\^?)([a-z]+):\]/.exec(r.pattern.slice(r.pos));
    if (posix) return (r.pos += posix[0].length), { kind: 'part', part: posixClass(r, posix[2]!, posix[1] === '^', at) };
    if (/^\[([=.]).*?\1\]/.test(r.pattern.slice(r.pos))) r.unsupported('POSIX collating element', at);
  }
  if (r.peek() !== '\\') return { kind: 'char', cp: r.nextCodePoint() };
  r.pos++;
  if (r.peek() === 'Q' || r.peek() === 'E') {
    acc.quoting = r.pattern[r.pos++] === 'Q';
    return { kind: 'none' };
  }
  const part = classEscape(r, at);
  if (part) return { kind: 'part', part };
  if ('RXBNGAzZK'.includes(r.peek())) r.fail(`escape sequence "\\${r.peek()}" is invalid in a character class`, at);
  if (r.peek() === '8' || r.peek() === '9') return { kind: 'char', cp: r.nextCodePoint() };
  return { kind: 'char', cp: charEscape(r, at, true) };
}

function posixClass(r: PcreReader, name: string, negated: boolean, at: number): ClassPart {
  // PCRE: caseless [:upper:] and [:lower:] match all ASCII letters (pcre2_compile.c, "posix_class <= 2").
  const key = r.flags.i && (name === 'upper' || name === 'lower') ? 'alpha' : name;
  const base = POSIX[key];
  if (!base) r.fail(`unknown POSIX class name "${name}"`, at);
  return { ranges: negated ? complement(base) : base, props: [], fixed: /alpha|alnum|word|xdigit|upper|lower|graph|print|punct/.test(key) };
}

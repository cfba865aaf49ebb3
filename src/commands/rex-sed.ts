/**
 * `rex mode=sed` expressions (Search Reference: rex, "sed-expression"): `s/<regex>/<replacement>/<flags>`
 * replaces the first match, every match (`g`) or the N-th match (`N`; `Ng` the N-th and every
 * later one, as sed does); `\1`..`\9` in the replacement are groups (`\0` the whole match).
 * `y/<from>/<to>/` substitutes characters one for one. Any delimiter other than a letter, digit,
 * backslash or space may replace `/`; an escaped delimiter stands for itself.
 */
import { SplError } from '../errors/spl-error.js';
import type { PcreRegExp } from '../eval/pcre.js';
import type { Span } from '../spl/ast.js';
import { compileCommandRegex } from './regex-compile.js';

export type SedFunction = (value: string) => string;

interface Written {
  readonly text: string;
  readonly quoted: boolean;
  readonly span: Span;
}

/** Compile a sed expression once; throws B404 (or B105 for its regex) at the expression. */
export function compileSed(written: Written): SedFunction {
  const text = written.text;
  const fail = (reason: string): never => {
    throw new SplError('B404', { expr: text, reason }, { span: written.span });
  };
  const op = text[0];
  if (op !== 's' && op !== 'y') return fail('it must start with s (replace) or y (substitute characters)');
  const delim = text[1];
  if (delim === undefined || /[\w\s\\]/.test(delim)) return fail('expected a delimiter such as / after the command letter');
  const parts = splitParts(text.slice(2), delim);
  if (parts === null || parts.length !== 3) return fail(`expected ${op}${delim}...${delim}...${delim}`);
  const [first, second, flags] = parts as [string, string, string];
  if (op === 'y') {
    if (flags !== '') return fail('y takes no flags');
    return transliterate(unescapeDelim(first, delim), unescapeDelim(second, delim), fail);
  }
  const which = parseFlags(flags, fail);
  const regex = compileCommandRegex('rex', { text: first, quoted: false, span: written.span }, 'g');
  return replacer(regex, parseReplacement(second, delim), which);
}

/** Split at unescaped delimiters: [pattern, replacement, flags], or null when a part is missing. */
function splitParts(body: string, delim: string): string[] | null {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length) {
      current += c + body[i + 1];
      i++;
    } else if (c === delim && parts.length < 2) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (parts.length < 2) return null;
  parts.push(current);
  return parts;
}

function unescapeDelim(s: string, delim: string): string {
  return s.split(`\\${delim}`).join(delim);
}

/** Which matches to replace: from the `nth` (1-based), and whether every later one too. */
interface Which {
  readonly nth: number;
  readonly all: boolean;
}

function parseFlags(flags: string, fail: (reason: string) => never): Which {
  const m = /^(\d*)(g?)$/.exec(flags);
  if (!m) return fail(`unknown flag in '${flags}': use g, a number, or both`);
  const nth = m[1] === '' ? 1 : Number(m[1]);
  if (nth < 1) return fail('occurrence numbers start at 1');
  return { nth, all: m[2] === 'g' };
}

type Piece = string | number;

/** `\N` (a digit) is group N, `\` + delimiter the delimiter, `\\` a backslash; the rest is literal. */
function parseReplacement(rep: string, delim: string): Piece[] {
  const out: Piece[] = [];
  let literal = '';
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i]!;
    const next = rep[i + 1];
    if (c === '\\' && next !== undefined && /\d/.test(next)) {
      out.push(literal, Number(next));
      literal = '';
      i++;
    } else if (c === '\\' && (next === '\\' || next === delim)) {
      literal += next;
      i++;
    } else {
      literal += c;
    }
  }
  out.push(literal);
  return out;
}

function replacer(regex: PcreRegExp, template: readonly Piece[], which: Which): SedFunction {
  return (value) => {
    regex.lastIndex = 0;
    let out = '';
    let from = 0;
    let count = 0;
    for (let m = regex.exec(value); m !== null; m = regex.exec(value)) {
      count++;
      const end = m.index + m[0].length;
      if (count >= which.nth && (which.all || count === which.nth)) {
        out += value.slice(from, m.index) + expand(template, m);
        from = end;
      }
      if (m[0].length === 0) regex.lastIndex = end + 1;
      if (!which.all && count >= which.nth) break;
    }
    return out + value.slice(from);
  };
}

function expand(template: readonly Piece[], m: RegExpExecArray): string {
  let s = '';
  for (const p of template) s += typeof p === 'number' ? (m[p] ?? '') : p;
  return s;
}

function transliterate(from: string, to: string, fail: (reason: string) => never): SedFunction {
  const a = [...from];
  const b = [...to];
  if (a.length !== b.length) return fail(`y needs strings of equal length (${a.length} and ${b.length} characters)`);
  const map = new Map<string, string>();
  a.forEach((c, i) => {
    if (!map.has(c)) map.set(c, b[i]!);
  });
  return (value) => {
    let out = '';
    for (const c of value) out += map.get(c) ?? c;
    return out;
  };
}

/**
 * Regular-expression and network functions (Search Reference, "Comparison and Conditional
 * functions": match, cidrmatch; "Text functions": replace; docs/eval/regex.md). Patterns are PCRE,
 * run through src/eval/pcre.ts; a literal pattern is compiled once when the search is bound and an
 * invalid one fails the search before any event is read (B105). searchmatch() uses the search
 * compiler instead (search-match.ts).
 */
import { parseCidr, cidrContains } from '../../search/cidr.js';
import { asString, fromList, valuesList } from '../coerce.js';
import type { PcreRegExp } from '../pcre.js';
import type { EvalScalar, EvalValue } from '../types.js';
import { formatNumber } from '../values.js';
import { plain, type EvalFunction } from './define.js';
import { regexArgument } from './regex-arg.js';

const text = (x: EvalScalar): string => (typeof x === 'number' ? formatNumber(x) : x);

/** match(str, regex): true when the regex matches anywhere in a value (any value of a multivalue). */
const match: EvalFunction = {
  name: 'match',
  minArgs: 2,
  maxArgs: 2,
  compile([str, pattern], site) {
    const regex = regexArgument(pattern!, site.args[1]!, site, '');
    return (row) => {
      const v = str!(row);
      const re = regex(row);
      if (v === null || re === null) return null;
      return valuesList(v).some((x) => re.test(text(x)));
    };
  },
};

/**
 * replace(str, regex, replacement): every match replaced. In the replacement `\1`..`\9` are the
 * groups (`\0` the whole match) and `\\` a backslash; `$` has no special meaning (unlike
 * JavaScript's replace). Each value of a multivalue field is replaced.
 */
const replace: EvalFunction = {
  name: 'replace',
  minArgs: 3,
  maxArgs: 3,
  compile([str, pattern, replacement], site) {
    const regex = regexArgument(pattern!, site.args[1]!, site, 'g');
    return (row) => {
      const v = str!(row);
      const re = regex(row);
      const rep = asString(replacement!(row));
      if (v === null || re === null || rep === null) return null;
      const template = parseReplacement(rep);
      return fromList(valuesList(v).map((x) => replaceAll(text(x), re, template)));
    };
  },
};

/** A replacement split into literal text and group numbers. */
type Template = readonly (string | number)[];

function parseReplacement(rep: string): Template {
  const out: (string | number)[] = [];
  let literal = '';
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i]!;
    const next = rep[i + 1];
    if (c === '\\' && next !== undefined && /[0-9]/.test(next)) {
      out.push(literal, Number(next));
      literal = '';
      i++;
    } else if (c === '\\' && next === '\\') {
      literal += '\\';
      i++;
    } else {
      literal += c;
    }
  }
  out.push(literal);
  return out;
}

function replaceAll(input: string, re: PcreRegExp, template: Template): string {
  re.lastIndex = 0;
  let out = '';
  let last = 0;
  for (let m = re.exec(input); m !== null; m = re.exec(input)) {
    out += input.slice(last, m.index);
    for (const part of template) out += typeof part === 'number' ? (m[part] ?? '') : part;
    last = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex = advance(input, re.lastIndex);
  }
  re.lastIndex = 0;
  return out + input.slice(last);
}

/** After an empty match, step over one code point (the regex has the u flag). */
function advance(s: string, i: number): number {
  const cp = s.codePointAt(i);
  return i + (cp !== undefined && cp > 0xffff ? 2 : 1);
}

/** cidrmatch(cidr, ip): true when an address (any value of a multivalue) is in the subnet; IPv4 and IPv6. */
const cidrmatch = plain('cidrmatch', [2, 2], ([cidrText, ip]): EvalValue => {
  const c = asString(cidrText!);
  const cidr = c === null ? undefined : parseCidr(c.trim());
  if (!cidr) return false;
  return valuesList(ip!).some((x) => cidrContains(cidr, text(x)));
});

export const REGEX_FUNCTIONS: readonly EvalFunction[] = [match, replace, cidrmatch];

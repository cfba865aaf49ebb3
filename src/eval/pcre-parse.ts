/**
 * PCRE pattern -> PcreTree (PCRE2 pattern spec, pcre2pattern(3)): alternation, groups of every
 * kind, quantifiers (greedy, lazy, possessive), inline options with PCRE's scoping (an option set
 * inside a group lasts to the end of that group, across later alternatives), backreferences in all
 * their spellings. Constructs with no exact translation are refused here, each by name.
 */
import type { GroupKind, PcreNode, PcreTree } from './pcre-ast.js';
import { backslash, ref, resolveRefs } from './pcre-backslash.js';
import { parseClass } from './pcre-escape.js';
import { GROUP_NAME, PcreReader, type PcreFlags } from './pcre-reader.js';

export function parsePcre(pattern: string, flags: PcreFlags): PcreTree {
  const r = new PcreReader(pattern, flags);
  skipLeadingVerbs(r);
  const root = parseAlternation(r);
  if (!r.done) r.fail('unmatched closing parenthesis');
  resolveRefs(r);
  return { root, groupCount: r.groupCount, names: r.names };
}

/** `(*UTF)`, `(*UTF8)`, `(*LF)` at the start are what splq does anyway; other start verbs are refused. */
function skipLeadingVerbs(r: PcreReader): void {
  for (;;) {
    const m = /^\(\*([A-Z_0-9=]+)\)/.exec(r.pattern.slice(r.pos));
    if (!m || m[1] === 'FAIL' || m[1] === 'F') return;
    if (!['UTF', 'UTF8', 'LF'].includes(m[1]!)) r.unsupported(`the start-of-pattern option (*${m[1]})`, r.pos);
    r.pos += m[0].length;
  }
}

function parseAlternation(r: PcreReader): PcreNode {
  const alternatives = [parseSequence(r)];
  while (r.peek() === '|') {
    r.pos++;
    alternatives.push(parseSequence(r));
  }
  return alternatives.length === 1 ? alternatives[0]! : { kind: 'Alt', alternatives };
}

function parseSequence(r: PcreReader): PcreNode {
  const items: PcreNode[] = [];
  for (;;) {
    r.skipIgnorable();
    if (r.done || r.peek() === '|' || r.peek() === ')') break;
    if (r.startsWith('\\Q')) {
      r.pos += 2;
      quoted(r, items);
      continue;
    }
    if (r.startsWith('\\E')) {
      r.pos += 2;
      continue;
    }
    const atom = parseAtom(r);
    if (atom === undefined) continue; // an option setting such as (?i)
    items.push(quantified(r, atom));
  }
  if (items.length === 0) return { kind: 'Empty' };
  return items.length === 1 ? items[0]! : { kind: 'Seq', items };
}

/** `\Q...\E`: literal characters; a quantifier after `\E` applies to the last one, as in PCRE. */
function quoted(r: PcreReader, items: PcreNode[]): void {
  while (!r.done && !r.startsWith('\\E')) {
    const cp = r.nextCodePoint();
    const last = r.done || r.startsWith('\\E');
    const node: PcreNode = { kind: 'Char', cp, caseless: r.flags.i };
    if (!last) {
      items.push(node);
      continue;
    }
    if (r.startsWith('\\E')) r.pos += 2;
    items.push(quantified(r, node));
    return;
  }
  if (r.startsWith('\\E')) r.pos += 2;
}

function parseAtom(r: PcreReader): PcreNode | undefined {
  const at = r.pos;
  const c = r.peek();
  switch (c) {
    case '(': return parseGroup(r);
    case '[': return r.pos++, parseClass(r, at);
    case '.': return r.pos++, { kind: 'Dot', dotall: r.flags.s };
    case '^': return r.pos++, { kind: 'Anchor', anchor: r.flags.m ? 'lineStart' : 'start' };
    case '$': return r.pos++, { kind: 'Anchor', anchor: r.flags.m ? 'lineEnd' : 'endNl' };
    case '\\': return r.pos++, backslash(r, at);
    case '*': case '+': case '?': return r.fail('quantifier does not follow a repeatable item');
    case '{':
      if (quantifierAt(r)) r.fail('quantifier does not follow a repeatable item');
      return r.pos++, { kind: 'Char', cp: 0x7b, caseless: r.flags.i };
    default: return { kind: 'Char', cp: r.nextCodePoint(), caseless: r.flags.i };
  }
}

const LOOKAROUND: Readonly<Record<string, GroupKind>> = { '?=': 'ahead', '?!': 'notAhead', '?<=': 'behind', '?<!': 'notBehind', '?>': 'atomic', '?:': 'plain' };

/** `(` ... `)` of every kind; undefined for an option setting `(?i)` (no node). */
function parseGroup(r: PcreReader): PcreNode | undefined {
  const at = r.pos++;
  const rest = r.pattern.slice(r.pos, r.pos + 4);
  if (rest.startsWith('*')) return verb(r, at);
  if (!rest.startsWith('?')) return groupBody(r, at, r.flags.n ? 'plain' : 'capture', undefined);
  const kind = ['?<=', '?<!', '?=', '?!', '?>', '?:'].find((k) => rest.startsWith(k));
  if (kind) {
    r.pos += kind.length;
    return groupBody(r, at, LOOKAROUND[kind]!, undefined);
  }
  const named = /^\?(?:P?<([^>]*)>|'([^']*)')/.exec(r.pattern.slice(r.pos));
  if (named) {
    const name = named[1] ?? named[2]!;
    if (!GROUP_NAME.test(name)) r.fail(`invalid group name "${name}"`, at);
    r.pos += named[0].length;
    return groupBody(r, at, 'capture', name);
  }
  if (rest.startsWith('?P=')) {
    r.pos += 3;
    const name = r.readUntil(')', '(?P=');
    if (!GROUP_NAME.test(name)) r.fail(`invalid group name "${name}"`, at);
    return ref(r, 0, name, at);
  }
  refuseSpecialGroup(r, rest, at);
  return optionGroup(r, at);
}

function refuseSpecialGroup(r: PcreReader, rest: string, at: number): void {
  if (/^\?(R|[+-]?\d)/.test(rest)) r.unsupported('recursion or subroutine call (?R)/(?n)', at);
  if (rest.startsWith('?&') || rest.startsWith('?P>')) r.unsupported('subroutine call by name (?&name)/(?P>name)', at);
  if (rest.startsWith('?(')) r.unsupported('conditional group (?(condition)...)', at);
  if (rest.startsWith('?|')) r.unsupported('branch reset group (?|...)', at);
  if (rest.startsWith('?C')) r.unsupported('callout (?C...)', at);
}

/** `(?imsxnU-imsxnU)` (rest of the group) or `(?imsx-imsx:...)` (scoped); `(?^)` resets. */
function optionGroup(r: PcreReader, at: number): PcreNode | undefined {
  const m = /^\?(\^?)([A-Za-z]*)(?:-([A-Za-z]*))?([:)])/.exec(r.pattern.slice(r.pos));
  if (!m) return r.fail('unrecognized character after (? or (?-', at + 1);
  const flags: Record<string, boolean> = m[1] ? { i: false, m: false, s: false, x: false, U: false, n: false } : { ...r.flags };
  for (const [letters, on] of [[m[2]!, true], [m[3] ?? '', false]] as const) {
    for (const letter of letters) {
      if (letter === 'J') r.unsupported('duplicate group names (?J)', at);
      if (!'imsxnU'.includes(letter)) r.fail(`unknown option letter "${letter}" in (?...)`, at);
      flags[letter] = on;
    }
  }
  r.pos += m[0].length;
  if (m[4] === ')') {
    r.flags = flags as unknown as PcreFlags;
    return undefined;
  }
  const saved = r.flags;
  r.flags = flags as unknown as PcreFlags;
  const body = parseAlternation(r);
  r.flags = saved;
  closeGroup(r, at);
  return { kind: 'Group', group: 'plain', body };
}

function groupBody(r: PcreReader, at: number, group: GroupKind, name: string | undefined): PcreNode {
  const index = group === 'capture' ? r.openGroup(name, at) : undefined;
  const saved = r.flags;
  const body = parseAlternation(r);
  r.flags = saved;
  closeGroup(r, at);
  return { kind: 'Group', group, body, ...(index !== undefined ? { index } : {}), ...(name !== undefined ? { name } : {}) };
}

function closeGroup(r: PcreReader, at: number): void {
  if (r.peek() !== ')') r.fail('missing closing parenthesis', at);
  r.pos++;
}

/** Backtracking control verbs: `(*FAIL)` is `(?!)`; the others change the search itself: refused. */
function verb(r: PcreReader, at: number): PcreNode {
  const m = /^\*([A-Za-z_]*)(?::[^)]*)?\)/.exec(r.pattern.slice(r.pos));
  if (m && (m[1] === 'FAIL' || m[1] === 'F')) return (r.pos += m[0].length), { kind: 'Fail' };
  if (m && /^[a-z_]+$/.test(m[1]!) && m[0].includes(':')) r.unsupported(`alphabetic assertion (*${m[1]}:...)`, at);
  if (m) r.unsupported(`backtracking control verb (*${m[1]})`, at);
  return r.fail('quantifier does not follow a repeatable item', at + 1);
}

/** Whether `{n}`, `{n,}` or `{n,m}` starts at the cursor (otherwise `{` is a literal, as in PCRE). */
function quantifierAt(r: PcreReader): RegExpExecArray | null {
  return /^\{(\d+)(,(\d*))?\}/.exec(r.pattern.slice(r.pos));
}

function quantified(r: PcreReader, atom: PcreNode): PcreNode {
  r.skipIgnorable();
  let min: number;
  let max: number;
  const c = r.peek();
  const braces = c === '{' ? quantifierAt(r) : null;
  if (c === '*' || c === '+' || c === '?') {
    [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    r.pos++;
  } else if (braces) {
    min = Number(braces[1]);
    max = braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3]);
    if (min > 65535 || (max !== Infinity && max > 65535)) r.fail('number too big in {} quantifier');
    if (max < min) r.fail('numbers out of order in {} quantifier');
    r.pos += braces[0].length;
  } else {
    return atom;
  }
  let mode: 'greedy' | 'lazy' | 'possessive' = r.flags.U ? 'lazy' : 'greedy';
  if (r.peek() === '?') mode = r.flags.U ? 'greedy' : 'lazy';
  else if (r.peek() === '+') mode = 'possessive';
  if (r.peek() === '?' || r.peek() === '+') r.pos++;
  r.skipIgnorable();
  if ('*+?'.includes(r.peek()) && !r.done) r.fail('quantifier does not follow a repeatable item');
  if (r.peek() === '{' && quantifierAt(r)) r.fail('quantifier does not follow a repeatable item');
  return { kind: 'Repeat', body: atom, min, max, mode };
}

/**
 * What follows a backslash outside a character class (PCRE2 pattern spec, "Backslash"): anchors,
 * backreferences in every spelling (`\1`, `\g{-1}`, `\k<name>`...; named ones resolved once the
 * whole pattern is read, so forward references work), refused escapes, and the rest (pcre-escape).
 */
import type { PcreNode } from './pcre-ast.js';
import { atomEscape } from './pcre-escape.js';
import { GROUP_NAME, type PcreReader, type PendingRef } from './pcre-reader.js';

/** After a backslash outside a class: anchors, backreferences, refused escapes, or atomEscape. */
export function backslash(r: PcreReader, at: number): PcreNode {
  const c = r.peek();
  if (r.done) r.fail('\\ at end of pattern', at);
  const anchors: Record<string, PcreNode> = {
    A: { kind: 'Anchor', anchor: 'start' }, z: { kind: 'Anchor', anchor: 'end' }, Z: { kind: 'Anchor', anchor: 'endNl' },
    b: { kind: 'Anchor', anchor: 'word' }, B: { kind: 'Anchor', anchor: 'notWord' },
  };
  if (anchors[c]) return r.pos++, anchors[c]!;
  const refused: Record<string, string> = {
    K: '\\K (reset match start)', G: '\\G (anchor at the end of the previous match)', C: '\\C (single code unit)',
    X: '\\X (extended grapheme cluster)',
  };
  if (refused[c]) r.unsupported(refused[c]!, at);
  if (c === 'g' || c === 'k') return r.pos++, namedOrRelativeRef(r, c, at);
  if (/[1-9]/.test(c)) {
    const digits = /^\d+/.exec(r.pattern.slice(r.pos))![0];
    const n = Number(digits);
    if (n < 10 || c === '8' || c === '9' || n <= r.groupCount) {
      r.pos += digits.length;
      return ref(r, n, undefined, at);
    }
  }
  return atomEscape(r, at);
}

export function ref(r: PcreReader, index: number, name: string | undefined, offset: number): PcreNode {
  const node: PendingRef = { kind: 'Backref', index, caseless: r.flags.i, name, offset };
  r.refs.push(node);
  return node;
}

/** `\g1 \g{-1} \g{name} \k<name> \k'name' \k{name}`; `\g<..>` is a subroutine call (refused). */
function namedOrRelativeRef(r: PcreReader, letter: string, at: number): PcreNode {
  const open = r.peek();
  if (letter === 'g' && (open === '<' || open === "'")) r.unsupported('subroutine call \\g<...>', at);
  const close = { '<': '>', "'": "'", '{': '}' }[open];
  let text: string;
  if (close) {
    r.pos++;
    text = r.readUntil(close, `\\${letter}${open}`);
  } else if (letter === 'g') {
    text = /^-?\d*/.exec(r.pattern.slice(r.pos))![0];
    r.pos += text.length;
  } else {
    return r.fail('\\k is not followed by a name in <>, \'\' or {}', at);
  }
  if (letter === 'g' && /^-?\d+$/.test(text)) {
    const n = Number(text);
    if (n === 0) r.fail('a numbered reference must not be zero', at);
    return ref(r, n < 0 ? r.groupCount + n + 1 : n, undefined, at);
  }
  if (!GROUP_NAME.test(text)) r.fail(`invalid group name "${text}"`, at);
  return ref(r, 0, text, at);
}

export function resolveRefs(r: PcreReader): void {
  for (const ref of r.refs) {
    if (ref.name !== undefined) {
      ref.index = r.names.indexOf(ref.name);
      if (ref.index < 1) r.fail(`reference to non-existent group "${ref.name}"`, ref.offset);
    } else if (ref.index < 1 || ref.index > r.groupCount) {
      r.fail(`reference to non-existent group ${ref.index}`, ref.offset);
    }
  }
}


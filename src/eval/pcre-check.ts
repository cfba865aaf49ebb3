/**
 * Places where JavaScript's backtracking semantics differ from PCRE's on the same translated
 * syntax (ECMA-262 RegExp semantics vs pcre2pattern(3)), found statically:
 *  - JavaScript clears the groups of a repeated group at each iteration; PCRE keeps the last value
 *    (`(?:(a)|b)+` on "ab": PCRE group 1 = "a", JavaScript undefined). The linear engine keeps
 *    PCRE's behaviour, so such patterns run there (or are refused when it cannot run them).
 *  - JavaScript rejects an empty iteration; PCRE accepts it and stops (`(a|)*` on "b": "" vs unset).
 *  - A backreference to an unset group matches the empty string in JavaScript, fails in PCRE.
 *  - JavaScript reads lookbehinds right to left, so groups in a variable-length one may differ.
 */
import type { PcreNode } from './pcre-ast.js';

export interface SemanticGap {
  readonly construct: string;
  /** True when running the pattern on the linear engine gives PCRE's result. */
  readonly linearFixes: boolean;
}

export function semanticGap(root: PcreNode): SemanticGap | undefined {
  const gaps: SemanticGap[] = [];
  definitelySet(root, new Set(), gaps);
  return gaps.find((g) => !g.linearFixes) ?? gaps[0];
}

function captures(node: PcreNode, out: number[] = []): number[] {
  if (node.kind === 'Group' && node.group === 'capture') out.push(node.index!);
  if (node.kind === 'Seq') node.items.forEach((n) => captures(n, out));
  if (node.kind === 'Alt') node.alternatives.forEach((n) => captures(n, out));
  if (node.kind === 'Group' || node.kind === 'Repeat') captures(node.body, out);
  return out;
}

export function nullable(node: PcreNode): boolean {
  switch (node.kind) {
    case 'Char': case 'Set': case 'Dot': case 'Newline': case 'Fail': return false;
    case 'Seq': return node.items.every(nullable);
    case 'Alt': return node.alternatives.some(nullable);
    case 'Group': return node.group === 'capture' || node.group === 'plain' || node.group === 'atomic' ? nullable(node.body) : true;
    case 'Repeat': return node.min === 0 || nullable(node.body);
    default: return true;
  }
}

/** Groups certainly set after `node` matched, given those set before; records the gaps met. */
function definitelySet(node: PcreNode, before: ReadonlySet<number>, gaps: SemanticGap[]): ReadonlySet<number> {
  switch (node.kind) {
    case 'Seq': return node.items.reduce((acc, n) => definitelySet(n, acc, gaps), before);
    case 'Alt': {
      const outs = node.alternatives.map((n) => definitelySet(n, before, gaps));
      return new Set([...outs[0]!].filter((g) => outs.every((o) => o.has(g))));
    }
    case 'Backref':
      if (!before.has(node.index)) gaps.push({ construct: `backreference to group ${node.index}, which may be unset there`, linearFixes: false });
      return before;
    case 'Group': return groupSet(node, before, gaps);
    case 'Repeat': return repeatSet(node, before, gaps);
    default: return before;
  }
}

function groupSet(node: Extract<PcreNode, { kind: 'Group' }>, before: ReadonlySet<number>, gaps: SemanticGap[]): ReadonlySet<number> {
  const inner = definitelySet(node.body, before, gaps);
  switch (node.group) {
    case 'capture': return new Set([...inner, node.index!]);
    case 'notAhead': case 'notBehind': return before;
    case 'behind':
      if (captures(node.body).length > 0 && !fixedLength(node.body, true)) {
        gaps.push({ construct: 'capture group in a variable-length lookbehind', linearFixes: false });
      }
      return inner;
    default: return inner;
  }
}

function repeatSet(node: Extract<PcreNode, { kind: 'Repeat' }>, before: ReadonlySet<number>, gaps: SemanticGap[]): ReadonlySet<number> {
  const once = definitelySet(node.body, before, gaps);
  if (node.max > 1) {
    const inside = captures(node.body);
    if (inside.length > 0 && nullable(node.body)) {
      gaps.push({ construct: 'capture group in a repeated group that can match the empty string', linearFixes: false });
    } else if (inside.some((g) => !definitelySet(node.body, new Set(), []).has(g))) {
      gaps.push({ construct: 'capture group that a repeated group may skip', linearFixes: true });
    }
  }
  return node.min > 0 ? once : before;
}

/** The exact length of what `node` matches (code points), or undefined when it varies. */
export function length(node: PcreNode): number | undefined {
  switch (node.kind) {
    case 'Char': case 'Set': case 'Dot': return 1;
    case 'Empty': case 'Anchor': return 0;
    case 'Seq': {
      const parts = node.items.map(length);
      return parts.every((p) => p !== undefined) ? parts.reduce((a: number, b) => a + b!, 0) : undefined;
    }
    case 'Alt': {
      const parts = node.alternatives.map(length);
      return parts.every((p) => p !== undefined && p === parts[0]) ? parts[0] : undefined;
    }
    case 'Group': return node.group === 'capture' || node.group === 'plain' || node.group === 'atomic' ? length(node.body) : 0;
    case 'Repeat': {
      const one = length(node.body);
      return one !== undefined && node.min === node.max ? one * node.min : undefined;
    }
    default: return undefined;
  }
}

/** PCRE's rule for lookbehinds: each top-level alternative has a fixed length. */
function fixedLength(node: PcreNode, topLevel: boolean): boolean {
  if (topLevel && node.kind === 'Alt') return node.alternatives.every((n) => fixedLength(n, false));
  return length(node) !== undefined;
}

/** The longest text `node` can match (code points; Infinity when unbounded). */
export function maxLength(node: PcreNode): number {
  switch (node.kind) {
    case 'Char': case 'Set': case 'Dot': return 1;
    case 'Newline': return 2;
    case 'Seq': return node.items.reduce((a, n) => a + maxLength(n), 0);
    case 'Alt': return Math.max(...node.alternatives.map(maxLength));
    case 'Group': return node.group === 'capture' || node.group === 'plain' || node.group === 'atomic' ? maxLength(node.body) : 0;
    case 'Repeat': return node.max === 0 ? 0 : maxLength(node.body) * node.max;
    case 'Backref': return Infinity;
    default: return 0;
  }
}

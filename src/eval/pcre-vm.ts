/**
 * A linear-time matcher for PCRE trees without backreferences, lookarounds, atomic groups or
 * possessive quantifiers: Thompson's construction run as a Pike VM (Russ Cox, "Regular Expression
 * Matching: the Virtual Machine Approach", 2009; the design of RE2). Threads are kept in priority
 * order, so the match and its groups are the leftmost-first ones a backtracking PCRE reports; work
 * is O(pattern size x input length) whatever the pattern. Used for patterns whose backtracking
 * cost analysis (pcre-risk.ts) is too high for the input at hand.
 */
import type { AnchorKind, PcreNode, PcreTree } from './pcre-ast.js';
import { inRanges, setHas, VSPACE } from './pcre-charset.js';
import { caseVariants } from './pcre-fold.js';

const enum Op { Char, Match, Jmp, Split, Save, Assert, Fail }

/** Upper bound on compiled instructions (large counted repeats expand). */
export const MAX_PROGRAM = 100_000;

type Test = (cp: number) => boolean;

interface Program {
  readonly op: Op[];
  readonly x: number[];
  readonly y: number[];
  readonly tests: Test[];
  readonly asserts: (AnchorKind | 'notCrLf')[];
  readonly slots: number;
}

/** Whether the linear engine can run this tree (and why not, naming the construct). */
export function linearUnsupported(root: PcreNode): string | undefined {
  switch (root.kind) {
    case 'Backref': return 'backreference';
    case 'Repeat': return root.mode === 'possessive' ? 'possessive quantifier' : linearUnsupported(root.body);
    case 'Group':
      if (root.group === 'atomic') return 'atomic group (?>...)';
      if (root.group !== 'capture' && root.group !== 'plain') return 'lookaround assertion';
      return linearUnsupported(root.body);
    case 'Seq': return root.items.map(linearUnsupported).find((x) => x !== undefined);
    case 'Alt': return root.alternatives.map(linearUnsupported).find((x) => x !== undefined);
    default: return undefined;
  }
}

class Builder {
  readonly op: Op[] = [];
  readonly x: number[] = [];
  readonly y: number[] = [];
  readonly tests: Test[] = [];
  readonly asserts: (AnchorKind | 'notCrLf')[] = [];

  emit(op: Op, x = 0, y = 0): number {
    if (this.op.length >= MAX_PROGRAM) throw new RangeError('pattern too large for the linear-time engine');
    this.op.push(op);
    this.x.push(x);
    this.y.push(y);
    return this.op.length - 1;
  }

  test(t: Test): void {
    this.tests.push(t);
    this.emit(Op.Char, this.tests.length - 1);
  }

  assert(kind: AnchorKind | 'notCrLf'): void {
    this.asserts.push(kind);
    this.emit(Op.Assert, this.asserts.length - 1);
  }
}

export function compileProgram(tree: PcreTree): Program {
  const b = new Builder();
  compileNode(b, tree.root);
  b.emit(Op.Match);
  return { op: b.op, x: b.x, y: b.y, tests: b.tests, asserts: b.asserts, slots: (tree.groupCount + 1) * 2 };
}

function charTest(cp: number, caseless: boolean): Test {
  if (!caseless) return (c) => c === cp;
  let variants: readonly number[] | undefined; // computed on first use: the fold table is built lazily
  return (c) => c === cp || (variants ??= caseVariants(cp)).includes(c);
}

function compileNode(b: Builder, n: PcreNode): void {
  switch (n.kind) {
    case 'Empty': case 'Backref': return;
    case 'Char': return b.test(charTest(n.cp, n.caseless));
    case 'Set': return b.test((c) => setHas(n.set, c));
    case 'Dot': return b.test(n.dotall ? () => true : (c) => c !== 10);
    case 'Fail': return void b.emit(Op.Fail);
    case 'Anchor': return b.assert(n.anchor);
    case 'Newline': return compileNewline(b);
    case 'Seq': return n.items.forEach((i) => compileNode(b, i));
    case 'Alt': return compileAlt(b, n.alternatives);
    case 'Group':
      if (n.group !== 'capture') return compileNode(b, n.body);
      b.emit(Op.Save, n.index! * 2);
      compileNode(b, n.body);
      return void b.emit(Op.Save, n.index! * 2 + 1);
    case 'Repeat': return compileRepeat(b, n);
  }
}

/** `\R` = (?>\r\n|[\n\v\f\r\x85\u2028\u2029]): a lone CR only when no LF follows (atomic). */
function compileNewline(b: Builder): void {
  const split = b.emit(Op.Split);
  b.x[split] = b.op.length;
  b.test((c) => c === 13);
  b.test((c) => c === 10);
  const jmp = b.emit(Op.Jmp);
  b.y[split] = b.op.length;
  b.assert('notCrLf');
  b.test((c) => inRanges(VSPACE, c));
  b.x[jmp] = b.op.length;
}

function compileAlt(b: Builder, alternatives: readonly PcreNode[]): void {
  const jumps: number[] = [];
  alternatives.forEach((alt, i) => {
    if (i === alternatives.length - 1) return compileNode(b, alt);
    const split = b.emit(Op.Split, b.op.length + 1);
    compileNode(b, alt);
    jumps.push(b.emit(Op.Jmp));
    b.y[split] = b.op.length;
  });
  for (const j of jumps) b.x[j] = b.op.length;
}

function compileRepeat(b: Builder, n: Extract<PcreNode, { kind: 'Repeat' }>): void {
  const lazy = n.mode === 'lazy';
  for (let i = 0; i < n.min; i++) compileNode(b, n.body);
  if (n.max === Infinity) {
    const split = b.emit(Op.Split);
    const body = b.op.length;
    compileNode(b, n.body);
    b.emit(Op.Jmp, split);
    branch(b, split, body, b.op.length, lazy);
    return;
  }
  const splits: number[] = [];
  for (let i = n.min; i < n.max; i++) {
    const split = b.emit(Op.Split);
    splits.push(split);
    b.x[split] = b.op.length;
    compileNode(b, n.body);
  }
  for (const s of splits) branch(b, s, s + 1, b.op.length, lazy);
}

function branch(b: Builder, split: number, body: number, out: number, lazy: boolean): void {
  b.x[split] = lazy ? out : body;
  b.y[split] = lazy ? body : out;
}

function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function assertHolds(kind: AnchorKind | 'notCrLf', text: string, pos: number): boolean {
  const n = text.length;
  switch (kind) {
    case 'start': return pos === 0;
    case 'lineStart': return pos === 0 || (text.charCodeAt(pos - 1) === 10 && pos < n);
    case 'end': return pos === n;
    case 'endNl': return pos === n || (pos === n - 1 && text.charCodeAt(pos) === 10);
    case 'lineEnd': return pos === n || text.charCodeAt(pos) === 10;
    case 'word': return isWordAt(text, pos - 1) !== isWordAt(text, pos);
    case 'notWord': return isWordAt(text, pos - 1) === isWordAt(text, pos);
    case 'notCrLf': return !(text.charCodeAt(pos) === 13 && text.charCodeAt(pos + 1) === 10);
  }
}

/** Capture offsets of the leftmost-first match starting at or after `from` (only at `from` if sticky), or null. */
export function runProgram(p: Program, text: string, from: number, sticky: boolean): Int32Array | null {
  const mark = new Int32Array(p.op.length).fill(-1);
  let clist: Thread[] = [];
  let nlist: Thread[] = [];
  let matched: Int32Array | null = null;
  let gen = 0;
  const seed = (pos: number): void => {
    const caps = new Int32Array(p.slots).fill(-1);
    caps[0] = pos;
    addThread(p, text, mark, gen, clist, 0, caps, pos);
  };
  let pos = from;
  seed(pos);
  for (;;) {
    const cp = pos < text.length ? text.codePointAt(pos)! : -1;
    const next = pos + (cp > 0xffff ? 2 : 1);
    gen++;
    for (const t of clist) {
      if (p.op[t.pc] === Op.Match) {
        matched = t.caps.slice();
        matched[1] = pos;
        break; // lower-priority threads lose
      }
      if (cp >= 0 && p.tests[p.x[t.pc]!]!(cp)) addThread(p, text, mark, gen, nlist, t.pc + 1, t.caps, next);
    }
    [clist, nlist] = [nlist, []];
    if (cp < 0) break;
    pos = next;
    if (matched === null && !sticky) seed(pos);
    if (clist.length === 0 && (matched !== null || sticky)) break;
  }
  return matched;
}

interface Thread {
  readonly pc: number;
  readonly caps: Int32Array;
}

/** Follow jumps, splits (preferred branch first), saves and assertions from `pc0`; queue the threads that read. */
function addThread(p: Program, text: string, mark: Int32Array, gen: number, list: Thread[], pc0: number, caps0: Int32Array, pos: number): void {
  const stack: [number, Int32Array][] = [[pc0, caps0]];
  while (stack.length > 0) {
    let [pc, caps] = stack.pop()!;
    for (;;) {
      if (mark[pc] === gen) break;
      mark[pc] = gen;
      const op = p.op[pc]!;
      if (op === Op.Jmp) pc = p.x[pc]!;
      else if (op === Op.Split) {
        stack.push([p.y[pc]!, caps]);
        pc = p.x[pc]!;
      } else if (op === Op.Save) {
        caps = caps.slice();
        caps[p.x[pc]!] = pos;
        pc++;
      } else if (op === Op.Assert) {
        if (!assertHolds(p.asserts[p.x[pc]!]!, text, pos)) break;
        pc++;
      } else {
        if (op !== Op.Fail) list.push({ pc, caps });
        break;
      }
    }
  }
}

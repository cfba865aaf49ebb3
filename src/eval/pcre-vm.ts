/**
 * Compiles a PcreTree for the linear-time engine (run by pcre-vm-run.ts): Thompson's construction
 * as a Pike VM program (Russ Cox, "Regular Expression Matching: the Virtual Machine Approach",
 * 2009; the design of RE2). Threads keep PCRE's priority order, so the match and its groups are the
 * leftmost-first ones a backtracking PCRE reports, in O(program size x input length). Trees with
 * backreferences, atomic groups, possessive quantifiers or unbounded lookarounds are not taken.
 */
import { walk, type AnchorKind, type PcreNode, type PcreTree } from './pcre-ast.js';
import { Op, type Look, type Program, type Test } from './pcre-vm-run.js';
import { length, maxLength } from './pcre-check.js';
import { inRanges, setHas, VSPACE } from './pcre-charset.js';
import { caseVariants } from './pcre-fold.js';

/**
 * Lookarounds run as anchored sub-matches at the position reached, so only bounded ones are taken
 * (the work per position stays constant): lookaheads of at most this many characters, and
 * lookbehinds whose alternatives have fixed lengths (PCRE requires that anyway).
 */
const MAX_LOOKAROUND = 256;

/** Upper bound on compiled instructions (large counted repeats expand). */
export const MAX_PROGRAM = 100_000;

/** Whether the linear engine can run this tree (and why not, naming the construct). */
export function linearUnsupported(root: PcreNode): string | undefined {
  switch (root.kind) {
    case 'Backref': return 'backreference';
    case 'Repeat': return root.mode === 'possessive' ? 'possessive quantifier' : linearUnsupported(root.body);
    case 'Group':
      if (root.group === 'atomic') return 'atomic group (?>...)';
      if ((root.group === 'ahead' || root.group === 'notAhead') && !(maxLength(root.body) <= MAX_LOOKAROUND)) {
        return 'lookahead of unbounded length';
      }
      if ((root.group === 'behind' || root.group === 'notBehind') && behindLengths(root.body) === undefined) {
        return 'variable-length lookbehind';
      }
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
  readonly looks: Look[] = [];

  constructor(readonly slots: number) {}

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
  return programOf(tree.root, (tree.groupCount + 1) * 2);
}

function programOf(node: PcreNode, slots: number): Program {
  const b = new Builder(slots);
  compileNode(b, node);
  b.emit(Op.Match);
  return { op: b.op, x: b.x, y: b.y, tests: b.tests, asserts: b.asserts, looks: b.looks, slots };
}

/** The fixed length of each top-level alternative of a lookbehind, or undefined if one varies. */
function behindLengths(body: PcreNode): number[] | undefined {
  const alternatives = body.kind === 'Alt' ? body.alternatives : [body];
  const lengths = alternatives.map(length);
  return lengths.every((l): l is number => l !== undefined) ? lengths : undefined;
}

function compileLook(b: Builder, n: Extract<PcreNode, { kind: 'Group' }>): void {
  const behind = n.group === 'behind' || n.group === 'notBehind';
  const alternatives = behind && n.body.kind === 'Alt' ? n.body.alternatives : [n.body];
  const lengths = behind ? behindLengths(n.body)! : [-1];
  const slots: number[] = [];
  walk(n.body, (x) => (x.kind === 'Group' && x.group === 'capture' ? slots.push(x.index! * 2, x.index! * 2 + 1) : undefined));
  b.looks.push({
    negated: n.group === 'notAhead' || n.group === 'notBehind',
    programs: alternatives.map((alt, i) => ({ program: programOf(alt, b.slots), back: lengths[i]! })),
    slots,
  });
  b.emit(Op.Look, b.looks.length - 1);
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
      if (n.group !== 'capture' && n.group !== 'plain') return compileLook(b, n);
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

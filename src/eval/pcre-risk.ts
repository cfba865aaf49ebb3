/**
 * Static bound on a backtracking engine's work for a pattern (docs/eval/regex.md). The pattern
 * becomes a Glushkov automaton (one state per character position); then, after Weideman et al.,
 * "Analyzing Matching Time Behavior of Backtracking Regular Expression Matchers by Using Ambiguity
 * of NFA" (CIAA 2016): exponential work iff some state has two distinct loops reading the same
 * word (checked exactly on the product automaton of each loop), else polynomial of degree k where
 * k is the longest chain of loops that can read a common word (over-approximated character-wise;
 * an unanchored search adds the implicit leading loop).
 */
import type { PcreNode, PcreTree } from './pcre-ast.js';
import { ANY, mayOverlap, union, VSPACE, type CharSet } from './pcre-charset.js';
import { intersect, stronglyConnected } from './pcre-graph.js';

export interface BacktrackRisk {
  /** Two ways to loop on one word: work grows exponentially with the input. */
  readonly exponential: boolean;
  /** Polynomial degree of the work (1 = linear), for the whole search. */
  readonly degree: number;
}

const MAX_POSITIONS = 4000;
const MAX_PRODUCT = 400_000;
const UNROLL = 3;

interface Fragment { nullable: boolean; first: number[]; last: number[] }

/** A lookaround body and the number of positions created before it (those textually before it). */
interface Lookaround { readonly body: PcreNode; readonly before: number }

class Automaton {
  readonly sets: CharSet[] = [];
  readonly follow: Set<number>[] = [];
  /** An edge made twice: two different ways (e.g. the inner and outer loop of `(a+)+`) to read on. */
  readonly doubled: [number, number][] = [];
  complex = false;
  backrefs = false;

  position(set: CharSet): number {
    if (this.sets.length >= MAX_POSITIONS) this.complex = true;
    this.sets.push(set);
    this.follow.push(new Set());
    return this.sets.length - 1;
  }

  link(from: readonly number[], to: readonly number[]): void {
    for (const f of from) {
      for (const t of to) {
        if (this.follow[f]!.has(t)) this.doubled.push([f, t]);
        else this.follow[f]!.add(t);
      }
    }
  }
}

const EMPTY: Fragment = { nullable: true, first: [], last: [] };

function build(a: Automaton, node: PcreNode, lookarounds: Lookaround[]): Fragment {
  if (a.complex) return EMPTY;
  switch (node.kind) {
    case 'Char': return single(a, { ranges: [node.cp, node.cp], props: [], negated: false });
    case 'Set': return single(a, node.set);
    case 'Dot': return single(a, ANY);
    case 'Newline': return single(a, { ranges: VSPACE, props: [], negated: false });
    case 'Fail': return single(a, { ranges: [], props: [], negated: false });
    // A backreference makes no choices of its own: one position; its comparison cost is counted in analyzeNode.
    case 'Backref': return (a.backrefs = true), single(a, ANY);
    case 'Empty': case 'Anchor': return EMPTY;
    case 'Seq': return node.items.reduce((acc, n) => sequence(a, acc, build(a, n, lookarounds)), EMPTY);
    case 'Alt': return node.alternatives.map((n) => build(a, n, lookarounds)).reduce(choice);
    case 'Group':
      if (node.group === 'capture' || node.group === 'plain' || node.group === 'atomic') return build(a, node.body, lookarounds);
      lookarounds.push({ body: node.body, before: a.sets.length });
      return EMPTY;
    case 'Repeat': return repeat(a, node, lookarounds);
  }
}

function single(a: Automaton, set: CharSet): Fragment {
  const p = a.position(set);
  return { nullable: false, first: [p], last: [p] };
}

function sequence(a: Automaton, x: Fragment, y: Fragment): Fragment {
  a.link(x.last, y.first);
  return {
    nullable: x.nullable && y.nullable,
    first: x.nullable ? [...x.first, ...y.first] : x.first,
    last: y.nullable ? [...x.last, ...y.last] : y.last,
  };
}

function choice(x: Fragment, y: Fragment): Fragment {
  return { nullable: x.nullable || y.nullable, first: [...x.first, ...y.first], last: [...x.last, ...y.last] };
}

function star(a: Automaton, body: () => Fragment, keepNullable: boolean): Fragment {
  const f = body();
  a.link(f.last, f.first);
  return { nullable: keepNullable ? f.nullable : true, first: f.first, last: f.last };
}

/** Small bounded repeats are unrolled; large ones read like unbounded ones (same growth). */
function repeat(a: Automaton, node: Extract<PcreNode, { kind: 'Repeat' }>, looks: Lookaround[]): Fragment {
  const body = (): Fragment => build(a, node.body, looks);
  if (node.max === 0) return EMPTY;
  if (node.max > UNROLL) return star(a, body, node.min > 0);
  let acc = EMPTY;
  for (let i = 0; i < node.max; i++) {
    const f = body();
    acc = sequence(a, acc, i < node.min ? f : { ...f, nullable: true });
  }
  return acc;
}

/** Risk of a whole search: unanchored patterns are tried at every offset. */
export function analyzeRisk(tree: PcreTree): BacktrackRisk {
  return analyzeNode(tree.root, !anchoredAtStart(tree.root));
}

function analyzeNode(root: PcreNode, unanchored: boolean): BacktrackRisk {
  const a = new Automaton();
  const lookarounds: Lookaround[] = [];
  const start = unanchored ? a.position(ANY) : -1;
  const f = build(a, root, lookarounds);
  if (unanchored) a.link([start], [start, ...f.first]);
  if (a.complex) return { exponential: true, degree: Infinity };
  const loops = stronglyConnected(a.follow).filter((c) => c.length > 1 || a.follow[c[0]!]!.has(c[0]!));
  const loopOf = new Map<number, number>();
  loops.forEach((c, i) => c.forEach((p) => loopOf.set(p, i)));
  const doubledInLoop = a.doubled.some(([f, t]) => loopOf.has(f) && loopOf.get(f) === loopOf.get(t));
  let exponential = doubledInLoop || loops.some((c) => ambiguousLoop(a, c));
  // Comparing a backreference costs up to its length: one more factor of the input length.
  let degree = (loops.length === 0 ? 1 : chainLength(a, loops)) + (a.backrefs ? 1 : 0);
  const inLoop = new Set(loops.flat());
  for (const look of lookarounds) {
    const sub = analyzeNode(look.body, false); // run at one position: no search loop of its own
    exponential ||= sub.exponential;
    // Evaluated once per way of reaching it: once per start offset when no loop of the pattern
    // comes before it, else once per backtracking step of the pattern (the degrees add up).
    const afterLoop = [...inLoop].some((p) => p < look.before && p !== start);
    degree = afterLoop ? degree + sub.degree : Math.max(degree, (unanchored ? 1 : 0) + sub.degree);
  }
  return { exponential, degree };
}

function anchoredAtStart(node: PcreNode): boolean {
  switch (node.kind) {
    case 'Anchor': return node.anchor === 'start';
    case 'Seq': return node.items.length > 0 && anchoredAtStart(node.items[0]!);
    case 'Alt': return node.alternatives.every(anchoredAtStart);
    case 'Group': return (node.group === 'capture' || node.group === 'plain' || node.group === 'atomic') && anchoredAtStart(node.body);
    default: return false;
  }
}

/**
 * Exponential ambiguity inside one loop: the product automaton restricted to the loop has a
 * strongly connected component holding both a pair (q, q) and a pair (p1, p2) with p1 != p2.
 */
function ambiguousLoop(a: Automaton, loop: readonly number[]): boolean {
  if (loop.length * loop.length > MAX_PRODUCT) return true;
  const member = new Set(loop);
  const id = (p: number, q: number): number => p * a.sets.length + q;
  const product = new Automaton();
  const ids = new Map<number, number>();
  const diagonal = new Set<number>();
  const node = (p: number, q: number): number => {
    let k = ids.get(id(p, q));
    if (k === undefined) {
      k = product.position(ANY);
      ids.set(id(p, q), k);
      if (p === q) diagonal.add(k);
    }
    return k;
  };
  const todo: [number, number][] = loop.map((q) => [q, q]);
  loop.forEach((q) => node(q, q));
  let edges = 0;
  while (todo.length > 0) {
    const [p, q] = todo.pop()!;
    const from = node(p, q);
    for (const p2 of a.follow[p]!) {
      if (!member.has(p2)) continue;
      for (const q2 of a.follow[q]!) {
        if (!member.has(q2) || !mayOverlap(a.sets[p2]!, a.sets[q2]!)) continue;
        if (++edges > MAX_PRODUCT * 4) return true;
        const known = ids.has(id(p2, q2));
        product.follow[from]!.add(node(p2, q2));
        if (!known) todo.push([p2, q2]);
      }
    }
  }
  return stronglyConnected(product.follow).some((c) => c.some((k) => diagonal.has(k)) && c.some((k) => !diagonal.has(k)));
}

/** The longest chain of loops L1 -> L2 -> ... where consecutive loops can read a common word. */
function chainLength(a: Automaton, loops: readonly number[][]): number {
  const sets = loops.map((c) => c.map((p) => a.sets[p]!).reduce(union));
  const memo = new Map<number, number>();
  const longest = (i: number): number => {
    const hit = memo.get(i);
    if (hit !== undefined) return hit;
    memo.set(i, 1);
    let best = 1;
    loops.forEach((_, j) => {
      if (j !== i && linkedThroughCommon(a, loops[i]!, loops[j]!, intersect(sets[i]!, sets[j]!))) best = Math.max(best, 1 + longest(j));
    });
    memo.set(i, best);
    return best;
  };
  return Math.max(...loops.map((_, i) => longest(i)));
}

/** A path from loop `x` into loop `y` through positions that can all read a character of `common`. */
function linkedThroughCommon(a: Automaton, x: readonly number[], y: readonly number[], common: CharSet | null): boolean {
  if (common === null) return false;
  const target = new Set(y);
  const seen = new Set<number>(x);
  const queue = [...x];
  while (queue.length > 0) {
    const p = queue.pop()!;
    for (const q of a.follow[p]!) {
      if (seen.has(q) || !mayOverlap(a.sets[q]!, common)) continue;
      if (target.has(q)) return true;
      seen.add(q);
      queue.push(q);
    }
  }
  return false;
}

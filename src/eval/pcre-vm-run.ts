/**
 * Running a compiled program (pcre-vm.ts) as a Pike VM: all threads advance together one code
 * point at a time, kept in priority order, each (instruction, position) visited once, so the work is
 * bounded by program size x input length. Lookarounds (bounded, see pcre-vm.ts) run as anchored
 * sub-matches at the position reached.
 */
import type { AnchorKind } from './pcre-ast.js';

/** Instructions of a program (parallel arrays `op`, `x`, `y`). */
export const Op = { Char: 0, Match: 1, Jmp: 2, Split: 3, Save: 4, Assert: 5, Fail: 6, Look: 7 } as const;
export type Op = (typeof Op)[keyof typeof Op];

export interface Look {
  readonly negated: boolean;
  /** One program per alternative, each with the length it reads back (lookbehind), or one with -1 (lookahead). */
  readonly programs: readonly { readonly program: Program; readonly back: number }[];
  /** Capture slots set inside (kept from a positive lookaround, as in PCRE). */
  readonly slots: readonly number[];
}

export type Test = (cp: number) => boolean;

export interface Program {
  readonly op: Op[];
  readonly x: number[];
  readonly y: number[];
  readonly tests: Test[];
  readonly asserts: (AnchorKind | 'notCrLf')[];
  readonly looks: Look[];
  readonly slots: number;
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
      } else if (op === Op.Look) {
        const next = evalLook(p.looks[p.x[pc]!]!, text, pos, caps);
        if (next === null) break;
        caps = next;
        pc++;
      } else {
        if (op !== Op.Fail) list.push({ pc, caps });
        break;
      }
    }
  }
}

/** The captures of a positive lookaround that holds at `pos` (merged into `caps`), or null. */
function evalLook(look: Look, text: string, pos: number, caps: Int32Array): Int32Array | null {
  let found: Int32Array | null = null;
  for (const { program, back } of look.programs) {
    const start = back < 0 ? pos : stepBack(text, pos, back);
    if (start < 0) continue;
    found = runProgram(program, text, start, true);
    if (found) break;
  }
  if (look.negated) return found ? null : caps;
  if (!found) return null;
  if (look.slots.length === 0) return caps;
  const merged = caps.slice();
  for (const s of look.slots) merged[s] = found[s]!;
  return merged;
}

/** The index `count` code points before `pos`, or -1. */
function stepBack(text: string, pos: number, count: number): number {
  let i = pos;
  for (let k = 0; k < count; k++) {
    if (i <= 0) return -1;
    const low = text.charCodeAt(i - 1);
    i -= low >= 0xdc00 && low <= 0xdfff && i >= 2 && (text.charCodeAt(i - 2) & 0xfc00) === 0xd800 ? 2 : 1;
  }
  return i;
}

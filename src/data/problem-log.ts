/**
 * The input problems of a run: each one counted by code, the first few hundred kept for messages,
 * so a binary file of a million lines that are not JSON costs counts, not memory.
 */
import type { InputProblem, InputProblemCode } from './records.js';

/** Problems kept with their details; the rest are only counted. */
const KEPT = 500;

export class ProblemLog {
  readonly kept: InputProblem[] = [];
  readonly counts = new Map<InputProblemCode, number>();

  add(problem: InputProblem): void {
    this.counts.set(problem.code, (this.counts.get(problem.code) ?? 0) + 1);
    if (this.kept.length < KEPT) this.kept.push(problem);
  }

  /** Another log's problems (a slice of the input read apart): its kept ones, then its counts. */
  absorb(kept: readonly InputProblem[], counts: ReadonlyArray<readonly [InputProblemCode, number]>): void {
    const added = new Map<InputProblemCode, number>();
    for (const p of kept) {
      this.add(p);
      added.set(p.code, (added.get(p.code) ?? 0) + 1);
    }
    for (const [code, n] of counts) this.counts.set(code, (this.counts.get(code) ?? 0) + n - (added.get(code) ?? 0));
  }
}

/** Problems by code, for a list that holds them all. */
export function countByCode(problems: readonly InputProblem[]): Map<InputProblemCode, number> {
  const counts = new Map<InputProblemCode, number>();
  for (const p of problems) counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
  return counts;
}

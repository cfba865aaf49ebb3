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
}

/** Problems by code, for a list that holds them all. */
export function countByCode(problems: readonly InputProblem[]): Map<InputProblemCode, number> {
  const counts = new Map<InputProblemCode, number>();
  for (const p of problems) counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
  return counts;
}

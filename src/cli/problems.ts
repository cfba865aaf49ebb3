/** Input problems (lines that are not JSON) are never fatal: a count and the first few on stderr. */
import type { InputProblem } from '../data/load.js';

const SHOWN = 5;

export function reportProblems(problems: readonly InputProblem[]): void {
  if (problems.length === 0) return;
  const lines = problems.slice(0, SHOWN).map((p) => `  ${p.file}:${p.line}: ${p.reason}`);
  if (problems.length > SHOWN) lines.push(`  ... and ${problems.length - SHOWN} more`);
  process.stderr.write(`warning: ${problems.length} event(s) were not valid JSON and were kept as raw text:\n${lines.join('\n')}\n`);
}

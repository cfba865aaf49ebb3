/**
 * Evaluate one eval expression through the real parser and compiler: `* | eval __v=<expr>`,
 * compiled with a pinned clock, on a row built from a plain object (arrays are multivalue).
 */
import type { FieldValue } from '../../../src/data/event.js';
import { compileExpression } from '../../../src/eval/compile.js';
import type { Compiled, EvalValue } from '../../../src/eval/types.js';
import { parse } from '../../../src/spl/parse.js';
import { SplError } from '../../../src/errors/spl-error.js';
import type { Clock } from '../../../src/time/clock.js';

export const CLOCK: Clock = { now: 1700000000, zone: 'UTC' };

/** Compile `expr` (bind-time errors such as B101/B102/B103 are thrown here). */
export function compile(expr: string, clock: Clock = CLOCK): Compiled {
  const pipeline = parse(`* | eval __v=${expr}`);
  const cmd = pipeline.commands[pipeline.commands.length - 1]!;
  if (cmd.kind !== 'eval') throw new Error(`not an eval command: ${cmd.kind}`);
  return compileExpression(cmd.assignments[0]!.expr, { clock, command: 'eval' });
}

/** Evaluate `expr` on a row holding `fields`. */
export function evaluate(expr: string, fields: Record<string, FieldValue> = {}, clock: Clock = CLOCK): EvalValue {
  return compile(expr, clock)({ fields: new Map(Object.entries(fields)), seq: 0 });
}

/** The code of the bind-time error `expr` raises, or undefined when it compiles. */
export function bindError(expr: string): string | undefined {
  try {
    compile(expr);
  } catch (e) {
    if (e instanceof SplError) return e.code;
    throw e;
  }
  return undefined;
}

/** One row of a table-driven function test: the doc example it comes from and the expected value. */
export interface EvalCase {
  readonly doc: string;
  readonly expr: string;
  readonly fields?: Record<string, FieldValue>;
  readonly expected: EvalValue;
}

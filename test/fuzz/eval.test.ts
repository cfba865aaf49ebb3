/**
 * Fuzz: the eval evaluator. Random expressions over every registered function (valid arities,
 * hostile arguments) are compiled and evaluated on random rows: text, numbers beyond 2^53, NaN,
 * infinities, empty and long multivalues, absent fields. Compiling may fail only with a bind
 * SplError; evaluating may fail only with an SplError; results are values of the model.
 * Budget: SPLQ_FUZZ_RUNS (see arbitraries.ts); long run: SPLQ_FUZZ_RUNS=100000 npx vitest run test/fuzz
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../../src/data/event.js';
import { compileExpression } from '../../src/eval/compile.js';
import type { Compiled, EvalValue } from '../../src/eval/types.js';
import { parse } from '../../src/spl/parse.js';
import { budget, evalExpr, onlySplErrors, row, TIMEOUT, trace } from './arbitraries.js';

const CLOCK = { now: 1_700_000_000, zone: 'UTC' };

function isEvalValue(v: EvalValue): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return true;
  return Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number');
}

function evaluateOn(expr: string, rows: readonly Map<string, FieldValue>[]): void {
  trace([expr, rows]);
  const text = `| makeresults | eval v=${expr}`;
  const pipeline = parse(text);
  const cmd = pipeline.commands[1]!;
  if (cmd.kind !== 'eval') throw new Error(`not an eval command: ${cmd.kind}`);
  let compiled: Compiled | undefined;
  const bindError = onlySplErrors(() => {
    compiled = compileExpression(cmd.assignments[0]!.expr, { clock: CLOCK, command: 'eval' });
  }, text.length);
  if (bindError) {
    expect(bindError.phase).toBe('bind');
    return;
  }
  rows.forEach((fields, seq) => {
    let value: EvalValue = null;
    onlySplErrors(() => {
      value = compiled!({ fields: new Map(fields), seq });
    }, text.length);
    expect(isEvalValue(value), `${expr} gave ${String(value)}`).toBe(true);
  });
}

describe('fuzz: eval expressions over hostile rows', () => {
  it('never throws anything but an SplError, and returns values of the model', () => {
    fc.assert(fc.property(evalExpr(), fc.array(row, { minLength: 1, maxLength: 4 }), evaluateOn), budget(1500));
  }, TIMEOUT);
});

/**
 * Statistical eval functions (Search Reference, "Statistical eval functions";
 * docs/eval/statistical.md): avg, max, min, random. They read every value of multivalue arguments
 * and skip absent ones.
 */
import { valuesList } from '../coerce.js';
import type { EvalScalar, EvalValue } from '../types.js';
import { compareBytes, toNumber } from '../values.js';
import { plain, VARIADIC, type CallSite, type EvalFunction } from './define.js';
import { literalArg, withCheck } from './literal-args.js';

/** The numbers among all values of the arguments; text that is not a number and nulls are skipped. */
export function numericValues(args: readonly EvalValue[]): number[] {
  const out: number[] = [];
  for (const v of args) {
    for (const x of valuesList(v)) {
      const n = toNumber(x);
      if (n !== undefined) out.push(n);
    }
  }
  return out;
}

/** `sum(1, 2, "3")` is an error: a quoted literal is a string even when it reads as a number. */
export function rejectStringLiterals(site: CallSite): void {
  site.args.forEach((_, i) => {
    const lit = literalArg(site, i);
    if (lit && typeof lit.value === 'string') {
      site.fail(`argument ${i + 1} must be a number or a field, found the string "${lit.value}"`);
    }
  });
}

/** avg(x, y) = sum(x, y) / (number of numeric values); the doc's examples give 7, 2 and 2.5. */
const avg = withCheck(
  plain(
    'avg',
    [1, VARIADIC],
    (args) => {
      const ns = numericValues(args);
      return ns.length === 0 ? null : ns.reduce((a, b) => a + b, 0) / ns.length;
    },
    'handle',
  ),
  rejectStringLiterals,
);

/** Numbers sort before strings ("Strings are greater than numbers"); strings in byte order. */
function compareForExtreme(x: EvalScalar, y: EvalScalar): number {
  const nx = toNumber(x);
  const ny = toNumber(y);
  if (nx !== undefined && ny !== undefined) return nx - ny;
  if (nx !== undefined) return -1;
  if (ny !== undefined) return 1;
  return compareBytes(String(x), String(y));
}

/** The greatest (or least) of all values, returned as it was (field text keeps its text). */
function extreme(name: string, direction: 1 | -1): EvalFunction {
  return plain(
    name,
    [1, VARIADIC],
    (args) => {
      let best: EvalScalar | undefined;
      for (const v of args) {
        for (const x of valuesList(v)) if (best === undefined || direction * compareForExtreme(x, best) > 0) best = x;
      }
      return best ?? null;
    },
    'handle',
  );
}

/** A pseudo-random integer from 0 to 2^31-1, different per call (not reproducible: Math.random). */
const random = plain('random', [0, 0], () => Math.floor(Math.random() * 2 ** 31));

export const STATISTICAL_FUNCTIONS: readonly EvalFunction[] = [avg, extreme('max', 1), extreme('min', -1), random];

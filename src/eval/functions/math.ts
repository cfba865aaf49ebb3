/**
 * Mathematical functions (Search Reference, "Mathematical functions"; docs/eval/math.md): abs,
 * ceiling/ceil, exact, exp, floor, ln, log, pi, pow, round, sigfig (sigfig.ts), sqrt, sum. Numeric
 * field text reads as a number; a string literal where a number is needed fails at bind time; a
 * result that is not a number (sqrt(-1)) is null.
 */
import { asNumber } from '../coerce.js';
import { roundDecimal } from './decimal.js';
import { plain, VARIADIC, type EvalFunction } from './define.js';
import { alias, allArgs, literalArg, requireNumericLiterals, withCheck } from './literal-args.js';
import { sigfig } from './sigfig.js';
import { numericValues, rejectStringLiterals } from './statistical.js';

/** A function of numbers: null when an argument is not a number or the result is NaN. */
function numeric(name: string, arity: readonly [number, number], f: (...xs: number[]) => number): EvalFunction {
  const fn = plain(name, arity, (args) => {
    const xs = args.map(asNumber);
    if (xs.some((x) => x === null)) return null;
    const r = f(...(xs as number[]));
    return Number.isNaN(r) ? null : r;
  });
  return withCheck(fn, (site) => requireNumericLiterals(site, allArgs(site)));
}

/** log(x[, base]): base 10 when omitted. */
function log(x: number, base?: number): number {
  return base === undefined ? Math.log10(x) : Math.log(x) / Math.log(base);
}

/**
 * round(x[, places]): half away from zero on the number as it prints, so round(2.555, 2) = 2.56
 * (the doc's example) although the double 2.555 is 2.55499999...; negative places are refused.
 */
const round = withCheck(
  plain('round', [1, 2], ([x, places]) => {
    const n = asNumber(x!);
    const p = places === undefined ? 0 : asNumber(places);
    if (n === null || p === null || p < 0) return null;
    return roundDecimal(n, Math.trunc(p));
  }),
  (site) => {
    requireNumericLiterals(site, allArgs(site));
    const places = literalArg(site, 1);
    if (places && typeof places.value === 'number' && places.value < 0) {
      site.fail(`the number of decimal places cannot be negative, found ${places.value}`);
    }
  },
);

/** sum(...): every numeric value of every argument; absent and non-numeric field values are skipped. */
const sum = withCheck(
  plain(
    'sum',
    [1, VARIADIC],
    (args) => {
      const ns = numericValues(args);
      return ns.length === 0 ? null : ns.reduce((a, b) => a + b, 0);
    },
    'handle',
  ),
  rejectStringLiterals,
);

const ceiling = numeric('ceiling', [1, 1], Math.ceil);

/** pi() "to 11 digits of precision", as Splunk prints it: 3.14159265359. */
const PI_11_DIGITS = 3.14159265359;

export const MATH_FUNCTIONS: readonly EvalFunction[] = [
  numeric('abs', [1, 1], Math.abs),
  ceiling,
  alias(ceiling, 'ceil'),
  numeric('exact', [1, 1], (x) => x),
  numeric('exp', [1, 1], Math.exp),
  numeric('floor', [1, 1], Math.floor),
  numeric('ln', [1, 1], Math.log),
  numeric('log', [1, 2], log),
  plain('pi', [0, 0], () => PI_11_DIGITS),
  numeric('pow', [2, 2], Math.pow),
  round,
  sigfig,
  numeric('sqrt', [1, 1], Math.sqrt),
  sum,
];

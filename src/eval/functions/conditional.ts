/**
 * Comparison and conditional functions (Search Reference, "Comparison and Conditional functions"):
 * if, case, coalesce, nullif, validate, true, false, null, in, like (match/cidrmatch live with the
 * regex and network helpers, searchmatch in search-match.ts).
 */
import { asCondition, asString, valuesList } from '../coerce.js';
import { compareScalars } from '../operators.js';
import { likeMatcher } from '../like.js';
import { lazy, plain, VARIADIC, type EvalFunction } from './define.js';
import { formatNumber } from '../values.js';

const ifFn = lazy('if', [3, 3], ([cond, then, otherwise]) => (row) => (asCondition(cond!(row)) === true ? then!(row) : otherwise!(row)));

/** case(c1, v1, c2, v2, ...): the value of the first true condition, else null. */
const caseFn = lazy('case', [2, VARIADIC], (args, site) => {
  if (args.length % 2 !== 0) site.fail('case() takes pairs of condition and value');
  return (row) => {
    for (let i = 0; i < args.length; i += 2) if (asCondition(args[i]!(row)) === true) return args[i + 1]!(row);
    return null;
  };
});

const coalesce = lazy('coalesce', [1, VARIADIC], (args) => (row) => {
  for (const a of args) {
    const v = a(row);
    if (v !== null) return v;
  }
  return null;
});

const nullif = plain('nullif', [2, 2], ([a, b]) => (compareScalars(scalar(a!), scalar(b!)) === 0 ? null : a!));

/** validate(c1, msg1, ...): the message of the first FALSE condition, else null. */
const validate = lazy('validate', [2, VARIADIC], (args, site) => {
  if (args.length % 2 !== 0) site.fail('validate() takes pairs of condition and message');
  return (row) => {
    for (let i = 0; i < args.length; i += 2) if (asCondition(args[i]!(row)) === false) return args[i + 1]!(row);
    return null;
  };
});

/** in(field, v1, v2, ...): true when a value of the field equals one of the values. */
const inFn = lazy('in', [2, VARIADIC], ([field, ...list]) => (row) => {
  const xs = valuesList(field!(row));
  if (xs.length === 0) return null;
  const ys = list.flatMap((l) => valuesList(l(row)));
  return xs.some((x) => ys.some((y) => compareScalars(x, y) === 0));
});

const like = plain('like', [2, 2], ([text, pattern]) => {
  const p = asString(pattern!);
  const xs = valuesList(text!);
  return p === null ? null : xs.some((x) => likeMatcher(p)(typeof x === 'number' ? formatNumber(x) : x));
});

function scalar(v: NonNullable<Parameters<typeof asString>[0]>): string | number {
  return typeof v === 'number' ? v : (asString(v) ?? '');
}

export const CONDITIONAL_FUNCTIONS: readonly EvalFunction[] = [
  ifFn,
  caseFn,
  coalesce,
  nullif,
  validate,
  inFn,
  like,
  plain('true', [0, 0], () => true),
  plain('false', [0, 0], () => false),
  plain('null', [0, 0], () => null),
];

/**
 * Eval operators (Search Reference, eval: "Operators"; docs/eval-semantics.md): arithmetic reads
 * numbers and yields null for anything else; `+` adds numbers and concatenates strings; `.`
 * concatenates; comparisons are numeric when both sides are numbers, else case-sensitive byte
 * order, true when any value of a multivalue side matches; logic is three-valued (null = unknown).
 */
import type { BinaryOp } from '../spl/ast.js';
import { asCondition, asNumber, asString, valuesList } from './coerce.js';
import type { EvalValue } from './types.js';
import { compareBytes, toNumber, formatNumber } from './values.js';
import { likeMatcher } from './like.js';

type Binary = (a: EvalValue, b: EvalValue) => EvalValue;

function arithmetic(op: (x: number, y: number) => number | null): Binary {
  return (a, b) => {
    const x = asNumber(a);
    const y = asNumber(b);
    return x === null || y === null ? null : op(x, y);
  };
}

const add: Binary = (a, b) => {
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== null && y !== null) return x + y;
  const s = asString(a);
  const t = asString(b);
  return s !== null && t !== null && typeof a !== 'number' && typeof b !== 'number' ? s + t : null;
};

const concat: Binary = (a, b) => {
  const s = asString(a);
  const t = asString(b);
  return s === null || t === null ? null : s + t;
};

/** -1/0/1 for two scalars: numeric when both read as numbers, else byte order. */
export function compareScalars(x: string | number, y: string | number): number {
  const nx = typeof x === 'number' ? x : toNumber(x);
  const ny = typeof y === 'number' ? y : toNumber(y);
  if (nx !== undefined && ny !== undefined) return nx < ny ? -1 : nx > ny ? 1 : 0;
  return compareBytes(typeof x === 'number' ? formatNumber(x) : x, typeof y === 'number' ? formatNumber(y) : y);
}

function comparison(holds: (c: number) => boolean): Binary {
  return (a, b) => {
    const xs = valuesList(a);
    const ys = valuesList(b);
    if (xs.length === 0 || ys.length === 0) return null;
    for (const x of xs) for (const y of ys) if (holds(compareScalars(x, y))) return true;
    return false;
  };
}

const like: Binary = (a, b) => {
  const pattern = asString(b);
  const xs = valuesList(a);
  if (pattern === null || xs.length === 0) return null;
  const test = likeMatcher(pattern);
  return xs.some((x) => test(typeof x === 'number' ? formatNumber(x) : x));
};

function logic(op: 'AND' | 'OR' | 'XOR'): Binary {
  return (a, b) => {
    const x = asCondition(a);
    const y = asCondition(b);
    if (op === 'AND') return x === false || y === false ? false : x === null || y === null ? null : true;
    if (op === 'OR') return x === true || y === true ? true : x === null || y === null ? null : false;
    return x === null || y === null ? null : x !== y;
  };
}

export const BINARY_OPERATORS: Readonly<Record<BinaryOp, Binary>> = {
  '+': add,
  '-': arithmetic((x, y) => x - y),
  '*': arithmetic((x, y) => x * y),
  '/': arithmetic((x, y) => (y === 0 ? null : x / y)),
  '%': arithmetic((x, y) => (y === 0 ? null : x % y)),
  '.': concat,
  '=': comparison((c) => c === 0),
  '==': comparison((c) => c === 0),
  '!=': (a, b) => {
    const eq = comparison((c) => c === 0)(a, b);
    return eq === null ? null : !eq;
  },
  '<': comparison((c) => c < 0),
  '>': comparison((c) => c > 0),
  '<=': comparison((c) => c <= 0),
  '>=': comparison((c) => c >= 0),
  LIKE: like,
  AND: logic('AND'),
  OR: logic('OR'),
  XOR: logic('XOR'),
};

export function not(v: EvalValue): EvalValue {
  const c = asCondition(v);
  return c === null ? null : !c;
}

export function negate(v: EvalValue): EvalValue {
  const n = asNumber(v);
  return n === null ? null : -n;
}

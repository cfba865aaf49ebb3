/**
 * sigfig(expr) (Search Reference, Mathematical functions, "sigfig"): "For multiplication and
 * division, the result should have the minimum number of significant figures of all of the
 * operands. For addition and subtraction, the result should have the same number of decimal places
 * as the least precise number." The precision of an operand comes from how it is written:
 * `sigfig(1.00*1111)` is 1110 because 1.00 has three significant figures.
 */
import type { Row } from '../../data/event.js';
import type { Expr } from '../../spl/ast.js';
import type { Span } from '../../source/span.js';
import { asNumber } from '../coerce.js';
import { formatNumber } from '../values.js';
import { leadingExponent, roundDecimal } from './decimal.js';
import { lazy } from './define.js';
import { requireNumericLiterals } from './literal-args.js';

/** Significant figures and decimal places (Infinity: exact or unknown) and, when known, the value. */
interface Precision {
  readonly sf: number;
  readonly dp: number;
  readonly value?: number;
}

type Meter = (row: Row) => Precision;

const EXACT: Precision = { sf: Infinity, dp: Infinity };
const NUMBER_TEXT = /^\s*[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/;

/** "1.00" -> 3 figures, 2 places; "1100" -> 2 figures (trailing zeros of an integer do not count). */
export function measureText(text: string): Precision | undefined {
  const m = NUMBER_TEXT.exec(text);
  if (!m || (m[1] === '' && !m[2])) return undefined;
  const frac = m[2] ?? '';
  const digits = (m[1]! + frac).replace(/^0+/, '');
  const sf = m[2] !== undefined ? digits.length : digits.replace(/0+$/, '').length;
  return { sf: Math.max(sf, 1), dp: frac.length - Number(m[3] ?? 0), value: Number(text) };
}

/**
 * The literal's text as written. The AST keeps a number literal's value only, so the text is
 * rebuilt from its length: `1.00` spans four characters where "1" has one.
 */
function numberLiteralText(value: number, span: Span): string {
  const text = formatNumber(Math.abs(value));
  const extra = span.end - span.start - text.length;
  if (extra <= 0 || !/^\d+(\.\d+)?$/.test(text)) return text;
  return text.includes('.') ? text + '0'.repeat(extra) : `${text}.${'0'.repeat(extra - 1)}`;
}

function arithmetic(op: string, x: number, y: number): number | undefined {
  if (op === '*') return x * y;
  if (op === '/') return y === 0 ? undefined : x / y;
  return op === '+' ? x + y : x - y;
}

function binaryMeter(op: string, left: Meter, right: Meter): Meter {
  return (row) => {
    const a = left(row);
    const b = right(row);
    const value = a.value !== undefined && b.value !== undefined ? arithmetic(op, a.value, b.value) : undefined;
    if (op === '*' || op === '/') {
      const sf = Math.min(a.sf, b.sf);
      return { sf, dp: value !== undefined && Number.isFinite(sf) ? sf - 1 - leadingExponent(value) : Infinity, value };
    }
    const dp = Math.min(a.dp, b.dp);
    return { dp, sf: value !== undefined && Number.isFinite(dp) ? leadingExponent(value) + 1 + dp : Infinity, value };
  };
}

function fieldPrecision(v: unknown): Precision {
  const x = Array.isArray(v) ? v[0] : v;
  if (typeof x === 'number') return measureText(formatNumber(x)) ?? EXACT;
  return typeof x === 'string' ? (measureText(x) ?? EXACT) : EXACT;
}

/** How precise an expression is, from its literals, field texts and arithmetic; other nodes count as exact. */
function meter(e: Expr): Meter {
  switch (e.kind) {
    case 'Literal': {
      const text = typeof e.value === 'number' ? numberLiteralText(e.value, e.span) : e.value;
      const fixed = (typeof text === 'string' ? measureText(text) : undefined) ?? EXACT;
      return () => fixed;
    }
    case 'Field':
      return (row) => fieldPrecision(row.fields.get(e.name));
    case 'Unary': {
      const operand = meter(e.operand);
      if (e.op !== '-') return operand;
      return (row) => {
        const p = operand(row);
        return p.value === undefined ? p : { ...p, value: -p.value };
      };
    }
    case 'Binary':
      return ['*', '/', '+', '-'].includes(e.op) ? binaryMeter(e.op, meter(e.left), meter(e.right)) : () => EXACT;
    default:
      return () => EXACT;
  }
}

export const sigfig = lazy('sigfig', [1, 1], ([arg], site) => {
  requireNumericLiterals(site, [0]);
  const expr = site.args[0]!;
  const measure = meter(expr);
  const op = expr.kind === 'Binary' ? expr.op : undefined;
  return (row) => {
    const x = asNumber(arg!(row));
    if (x === null) return null;
    const p = measure(row);
    if ((op === '*' || op === '/') && Number.isFinite(p.sf)) return roundDecimal(x, p.sf - 1 - leadingExponent(x));
    if ((op === '+' || op === '-') && Number.isFinite(p.dp)) return roundDecimal(x, p.dp);
    return x;
  };
});

/**
 * compileExpression(expr) -> a closure evaluated per result. Built once per query: function names
 * and arities are checked here (bind time), so a typo fails before any event is read; the switch on
 * node kinds delegates to one small function per kind.
 */
import type { FieldValue, Row } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import type { Expr } from '../spl/ast.js';
import { valuesList } from './coerce.js';
import { lookupFunction, FUNCTIONS } from './functions/registry.js';
import type { CallSite } from './functions/define.js';
import { BINARY_OPERATORS, compareScalars, negate, not } from './operators.js';
import type { CompileContext, Compiled, EvalValue } from './types.js';
import { closestName } from './suggest.js';

export function compileExpression(expr: Expr, ctx: CompileContext): Compiled {
  switch (expr.kind) {
    case 'Literal': return constant(expr.value);
    case 'Field': return fieldReader(expr.name);
    case 'Unary': return unary(expr, ctx);
    case 'Binary': return binary(expr, ctx);
    case 'In': return inList(expr, ctx);
    case 'Call': return call(expr, ctx);
  }
}

function constant(v: string | number | boolean | null): Compiled {
  return () => v;
}

export function fieldReader(name: string): Compiled {
  return (row: Row) => readField(row.fields.get(name));
}

function readField(v: FieldValue | undefined): EvalValue {
  return v === undefined ? null : (v as EvalValue);
}

function unary(expr: Extract<Expr, { kind: 'Unary' }>, ctx: CompileContext): Compiled {
  const operand = compileExpression(expr.operand, ctx);
  if (expr.op === 'NOT') return (row) => not(operand(row));
  if (expr.op === '-') return (row) => negate(operand(row));
  return operand;
}

function binary(expr: Extract<Expr, { kind: 'Binary' }>, ctx: CompileContext): Compiled {
  const left = compileExpression(expr.left, ctx);
  const right = compileExpression(expr.right, ctx);
  const op = BINARY_OPERATORS[expr.op];
  return (row) => op(left(row), right(row));
}

function inList(expr: Extract<Expr, { kind: 'In' }>, ctx: CompileContext): Compiled {
  const operand = compileExpression(expr.operand, ctx);
  const values = expr.values.map((v) => compileExpression(v, ctx));
  return (row) => {
    const xs = valuesList(operand(row));
    if (xs.length === 0) return null;
    const ys = values.flatMap((v) => valuesList(v(row)));
    return xs.some((x) => ys.some((y) => compareScalars(x, y) === 0));
  };
}

function call(expr: Extract<Expr, { kind: 'Call' }>, ctx: CompileContext): Compiled {
  const fn = lookupFunction(expr.name);
  if (!fn) {
    const hint = closestName(expr.name.toLowerCase(), [...FUNCTIONS.keys()]);
    throw new SplError('B101', { command: ctx.command, name: expr.name }, { span: expr.nameSpan, hints: hint ? [`Did you mean "${hint}"?`] : [] });
  }
  const n = expr.args.length;
  if (n < fn.minArgs || n > fn.maxArgs) {
    const expected = fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : fn.maxArgs === Infinity ? `at least ${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
    throw new SplError('B102', { command: ctx.command, name: fn.name, expected: `${expected} argument(s)`, found: String(n) }, { span: expr.span });
  }
  const site: CallSite = {
    args: expr.args,
    ctx,
    fail: (reason) => {
      throw new SplError('B103', { command: ctx.command, reason: `${fn.name}(): ${reason}` }, { span: expr.span });
    },
  };
  return fn.compile(expr.args.map((a) => compileExpression(a, ctx)), site);
}

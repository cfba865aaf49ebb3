/**
 * How eval functions are declared: name, arity (checked at bind time) and a compile step that
 * receives the compiled arguments and returns the compiled call. Most functions are plain (every
 * argument evaluated first); conditional ones take their arguments unevaluated (`if`, `case`);
 * functions with literal arguments (regexes) can prepare them once in `compile`.
 */
import type { Expr } from '../../spl/ast.js';
import type { CompileContext, Compiled, EvalValue } from '../types.js';

export interface CallSite {
  readonly args: readonly Expr[];
  readonly ctx: CompileContext;
  /** Raise a bind error about this call (bad literal argument, e.g. an invalid regex). */
  fail(reason: string): never;
}

export interface EvalFunction {
  readonly name: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  compile(args: readonly Compiled[], site: CallSite): Compiled;
}

/**
 * A function of evaluated arguments. With `nulls: 'propagate'` (the default) any null argument
 * makes the result null without calling `impl` (sqlglot's null_if_any).
 */
export function plain(
  name: string,
  arity: readonly [number, number],
  impl: (args: EvalValue[], site: CallSite) => EvalValue,
  nulls: 'propagate' | 'handle' = 'propagate',
): EvalFunction {
  return {
    name,
    minArgs: arity[0],
    maxArgs: arity[1],
    compile(args, site) {
      return (row) => {
        const values = args.map((a) => a(row));
        if (nulls === 'propagate' && values.some((v) => v === null)) return null;
        return impl(values, site);
      };
    },
  };
}

/** A function that decides itself which arguments to evaluate. */
export function lazy(
  name: string,
  arity: readonly [number, number],
  build: (args: readonly Compiled[], site: CallSite) => Compiled,
): EvalFunction {
  return { name, minArgs: arity[0], maxArgs: arity[1], compile: build };
}

export const VARIADIC = Number.POSITIVE_INFINITY;

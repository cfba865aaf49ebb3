/**
 * Bind-time checks on literal arguments. Splunk type-checks literals before any event is read:
 * `sum(1, 2, "3")` and `tonumber("seven")` fail the search (Search Reference, Mathematical and
 * Conversion functions), while the same values read from fields give null at run time.
 */
import type { CallSite, EvalFunction } from './define.js';

export type LiteralValue = string | number | boolean | null;

/** Argument i when it is written as a literal (`-2` counts as the number -2), else undefined. */
export function literalArg(site: CallSite, i: number): { readonly value: LiteralValue } | undefined {
  const e = site.args[i];
  if (!e) return undefined;
  if (e.kind === 'Literal') return { value: e.value };
  if (e.kind === 'Unary' && e.operand.kind === 'Literal' && typeof e.operand.value === 'number') {
    return { value: e.op === '-' ? -e.operand.value : e.operand.value };
  }
  return undefined;
}

/** Fail when any of the given arguments is a string literal where a number is required. */
export function requireNumericLiterals(site: CallSite, indexes: readonly number[]): void {
  for (const i of indexes) {
    const lit = literalArg(site, i);
    if (lit && typeof lit.value === 'string') {
      site.fail(`argument ${i + 1} must be a number, found the string "${lit.value}"`);
    }
  }
}

/** The indexes 0..n-1, for functions whose every argument is numeric. */
export function allArgs(site: CallSite): number[] {
  return site.args.map((_, i) => i);
}

/** The function with a bind-time check run before it compiles. */
export function withCheck(fn: EvalFunction, check: (site: CallSite) => void): EvalFunction {
  return {
    ...fn,
    compile(args, site) {
      check(site);
      return fn.compile(args, site);
    },
  };
}

/** The same function under another name (`ceil` for `ceiling`, `length` for `len`). */
export function alias(fn: EvalFunction, name: string): EvalFunction {
  return { ...fn, name };
}

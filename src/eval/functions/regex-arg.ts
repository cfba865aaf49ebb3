/**
 * A regular-expression argument of an eval function (match, replace, mvfind...): a literal pattern
 * is compiled once at bind time and an invalid one fails the search (B105, at the literal); a
 * pattern read from a field is compiled per distinct value through a small cache (R104 if invalid).
 */
import { SplError } from '../../errors/spl-error.js';
import type { Expr } from '../../spl/ast.js';
import { asString } from '../coerce.js';
import { compilePcre, PcreError, type PcreRegExp } from '../pcre.js';
import type { Compiled } from '../types.js';
import type { CallSite } from './define.js';

/** The compiled pattern for a row, or null when the pattern value is null. */
export type RegexSource = (row: Parameters<Compiled>[0]) => PcreRegExp | null;

const DYNAMIC_CACHE_LIMIT = 64;

/** `flags`: JavaScript's `g` for functions that iterate over matches (compilePcre's options). */
export function regexArgument(arg: Compiled, expr: Expr, site: CallSite, flags: string): RegexSource {
  if (expr.kind === 'Literal') {
    if (expr.value === null) return () => null;
    const re = compileOrThrow(String(expr.value), flags, site, expr, 'B105');
    return () => re;
  }
  const cache = new Map<string, PcreRegExp>();
  return (row) => {
    const text = asString(arg(row));
    if (text === null) return null;
    let re = cache.get(text);
    if (!re) {
      if (cache.size >= DYNAMIC_CACHE_LIMIT) cache.clear();
      re = compileOrThrow(text, flags, site, expr, 'R104');
      cache.set(text, re);
    }
    return re;
  };
}

function compileOrThrow(pattern: string, flags: string, site: CallSite, expr: Expr, code: 'B105' | 'R104'): PcreRegExp {
  try {
    return compilePcre(pattern, { flags });
  } catch (e) {
    if (!(e instanceof PcreError)) throw e;
    const reason = `${e.reason} at offset ${e.offset}`;
    throw new SplError(code, { command: site.ctx.command, pattern, reason }, { span: expr.span });
  }
}


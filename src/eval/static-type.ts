/**
 * What can be known of an expression's type before running it: enough to reject `eval x = a > 1`
 * at bind time, as Splunk does ("Fields cannot be assigned a boolean result").
 */
import type { Expr } from '../spl/ast.js';

const BOOLEAN_OPS = new Set(['=', '==', '!=', '<', '>', '<=', '>=', 'LIKE', 'AND', 'OR', 'XOR']);
const BOOLEAN_FUNCTIONS = new Set([
  'true', 'false', 'isnull', 'isnotnull', 'isnum', 'isint', 'isstr', 'isbool', 'like', 'in', 'match',
  'cidrmatch', 'searchmatch', 'json_valid', 'json_has_key_exact',
]);

export function returnsBoolean(e: Expr): boolean {
  switch (e.kind) {
    case 'Binary': return BOOLEAN_OPS.has(e.op);
    case 'Unary': return e.op === 'NOT';
    case 'In': return true;
    case 'Call': return BOOLEAN_FUNCTIONS.has(e.name.toLowerCase());
    default: return false;
  }
}

/** Informational functions (Search Reference): isnull, isnotnull, isnum, isint, isstr, isbool, typeof. */
import { toNumber } from '../values.js';
import { plain, type EvalFunction } from './define.js';
import type { EvalValue } from '../types.js';

const isNum = (v: EvalValue): boolean => typeof v === 'number' || (typeof v === 'string' && toNumber(v) !== undefined);

export const INFORMATIONAL_FUNCTIONS: readonly EvalFunction[] = [
  plain('isnull', [1, 1], ([v]) => v === null, 'handle'),
  plain('isnotnull', [1, 1], ([v]) => v !== null, 'handle'),
  plain('isnum', [1, 1], ([v]) => isNum(v!), 'handle'),
  plain('isint', [1, 1], ([v]) => isNum(v!) && Number.isInteger(typeof v === 'number' ? v : Number(v)), 'handle'),
  plain('isstr', [1, 1], ([v]) => typeof v === 'string' && !isNum(v), 'handle'),
  plain('isbool', [1, 1], ([v]) => typeof v === 'boolean', 'handle'),
  plain('typeof', [1, 1], ([v]) => (v === null ? 'Invalid' : typeof v === 'boolean' ? 'Boolean' : isNum(v!) ? 'Number' : Array.isArray(v) ? 'String' : 'String'), 'handle'),
];

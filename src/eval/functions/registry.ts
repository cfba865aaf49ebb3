/**
 * FUNCTIONS: every eval function by name, one family file each (Splunk's doc categories). Names are
 * case-insensitive (security_content writes `LIKE(...)`).
 */
import { CONDITIONAL_FUNCTIONS } from './conditional.js';
import type { EvalFunction } from './define.js';
import { INFORMATIONAL_FUNCTIONS } from './informational.js';

const FAMILIES: readonly (readonly EvalFunction[])[] = [CONDITIONAL_FUNCTIONS, INFORMATIONAL_FUNCTIONS];

export const FUNCTIONS: ReadonlyMap<string, EvalFunction> = new Map(
  FAMILIES.flat().map((f) => [f.name, f] as const),
);

export function lookupFunction(name: string): EvalFunction | undefined {
  return FUNCTIONS.get(name.toLowerCase());
}

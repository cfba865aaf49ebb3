/**
 * FUNCTIONS: every eval function by name, one family file each (Splunk's doc categories). Names are
 * case-insensitive (security_content writes `LIKE(...)`).
 */
import { CONDITIONAL_FUNCTIONS } from './conditional.js';
import { CONVERSION_FUNCTIONS } from './conversion.js';
import { CRYPTO_FUNCTIONS } from './crypto.js';
import { DATETIME_FUNCTIONS } from './datetime.js';
import type { EvalFunction } from './define.js';
import { INFORMATIONAL_FUNCTIONS } from './informational.js';
import { JSON_FUNCTIONS } from './json.js';
import { MATH_FUNCTIONS } from './math.js';
import { MULTIVALUE_FUNCTIONS } from './multivalue.js';
import { REGEX_FUNCTIONS } from './regex.js';
import { SEARCH_FUNCTIONS } from './search-match.js';
import { STATISTICAL_FUNCTIONS } from './statistical.js';
import { TEXT_FUNCTIONS } from './text.js';

const FAMILIES: readonly (readonly EvalFunction[])[] = [
  CONDITIONAL_FUNCTIONS,
  INFORMATIONAL_FUNCTIONS,
  MULTIVALUE_FUNCTIONS,
  JSON_FUNCTIONS,
  TEXT_FUNCTIONS,
  CONVERSION_FUNCTIONS,
  CRYPTO_FUNCTIONS,
  MATH_FUNCTIONS,
  STATISTICAL_FUNCTIONS,
  REGEX_FUNCTIONS,
  SEARCH_FUNCTIONS,
  DATETIME_FUNCTIONS,
];

export const FUNCTIONS: ReadonlyMap<string, EvalFunction> = new Map(
  FAMILIES.flat().map((f) => [f.name, f] as const),
);

export function lookupFunction(name: string): EvalFunction | undefined {
  return FUNCTIONS.get(name.toLowerCase());
}

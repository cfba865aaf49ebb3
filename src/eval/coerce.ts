/**
 * How eval reads values: as numbers (numeric text counts, spec 01 S8's number grammar), as text
 * (numbers print as Splunk prints them), and as booleans in conditions. A multivalue value reads
 * as its first value where one scalar is needed.
 */
import { formatNumber, toNumber } from './values.js';
import type { EvalScalar, EvalValue } from './types.js';

export function firstValue(v: EvalValue): string | number | boolean | null {
  if (Array.isArray(v)) return v.length === 0 ? null : (v[0] as EvalScalar);
  return v as string | number | boolean | null;
}

export function asNumber(v: EvalValue): number | null {
  const x = firstValue(v);
  if (typeof x === 'number') return x;
  if (typeof x === 'string') return toNumber(x) ?? null;
  return null;
}

export function asString(v: EvalValue): string | null {
  const x = firstValue(v);
  if (typeof x === 'string') return x;
  if (typeof x === 'number') return formatNumber(x);
  if (typeof x === 'boolean') return x ? 'true' : 'false';
  return null;
}

/** The values of a value as a list: [] for null, [v] for a scalar. */
export function valuesList(v: EvalValue): readonly EvalScalar[] {
  if (v === null) return [];
  if (Array.isArray(v)) return v as readonly EvalScalar[];
  if (typeof v === 'boolean') return [v ? 'true' : 'false'];
  return [v as EvalScalar];
}

/** A list back to a value: null when empty, a scalar for one value, else multivalue. */
export function fromList(list: readonly EvalScalar[]): EvalValue {
  if (list.length === 0) return null;
  return list.length === 1 ? list[0]! : list;
}

/** A condition: true, false, or null (unknown: a comparison with an absent field). */
export function asCondition(v: EvalValue): boolean | null {
  if (typeof v === 'boolean') return v;
  return null;
}

/**
 * Accumulator states across threads: an accumulator's own data fields as structured-clonable data,
 * and back into a fresh accumulator of the same function. Functions (a comparison, a finisher) are
 * left out: the fresh accumulator made by the same spec already has them. Nested accumulators
 * (allnum's inner one, rate's pair) travel inside their holder's state.
 */
import type { Accumulator } from './types.js';

const NESTED = '__accumulator__';
const PLAIN: ReadonlySet<object | null> = new Set([Object.prototype, Array.prototype, Map.prototype, Set.prototype, null]);

type State = Record<string, unknown>;

/** An instance of a class of ours (not a plain object, array, Map or Set). */
function isInstance(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !PLAIN.has(Object.getPrototypeOf(v) as object | null);
}

export function accumulatorState(acc: Accumulator): State {
  return stateOf(acc);
}

function stateOf(obj: object): State {
  const out: State = {};
  for (const [key, v] of Object.entries(obj)) {
    if (typeof v === 'function') continue;
    out[key] = isInstance(v) ? { [NESTED]: stateOf(v) } : v;
  }
  return out;
}

/** Fill `fresh` (just made by the same spec, with the same parameter) with a state; returns it. */
export function restoreAccumulator<A extends Accumulator>(fresh: A, state: unknown): A {
  restoreInto(fresh, state as State);
  return fresh;
}

function restoreInto(target: object, state: State): void {
  const fields = target as Record<string, unknown>;
  for (const [key, v] of Object.entries(state)) {
    const current = fields[key];
    if (isInstance(current) && typeof v === 'object' && v !== null && NESTED in v) restoreInto(current, (v as State)[NESTED] as State);
    else fields[key] = v;
  }
}

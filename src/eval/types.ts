/**
 * The eval value model. During evaluation a value is null (absent), a string, a number, a boolean
 * (only inside expressions: a field cannot hold one), or a multivalue list. Field text that looks
 * like a number stays text, so `eval y=x` keeps "1.50", but arithmetic and comparisons read it as a
 * number (Search Reference, eval: "numbers and strings"; docs/eval-semantics.md).
 */
import type { Row } from '../data/event.js';
import type { Clock } from '../time/clock.js';

export type EvalScalar = string | number;
export type EvalValue = null | string | number | boolean | readonly EvalScalar[];

/** An expression compiled once per query: evaluate it for one result. */
export type Compiled = (row: Row) => EvalValue;

export interface CompileContext {
  readonly clock: Clock;
  /** The command the expression belongs to, for messages (`eval`, `where`, `stats`). */
  readonly command: string;
}

export function isMultivalue(v: EvalValue): v is readonly EvalScalar[] {
  return Array.isArray(v);
}

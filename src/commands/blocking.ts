/** An operator that holds every row it receives and hands them over at the end of the input. */
import type { Row } from '../data/event.js';
import type { HoldLimit } from './limit-guard.js';
import type { Operator, Sink } from './types.js';

/**
 * `finish` pushes the output; the operator ends the downstream sink after it. `hold` makes a
 * guard per run that counts the rows held against max_rows.
 */
export function blocking(finish: (rows: Row[], next: Sink) => void, hold?: () => HoldLimit): Operator {
  return (next) => {
    const rows: Row[] = [];
    const limit = hold?.();
    return {
      push: (row) => {
        limit?.add();
        rows.push(row);
      },
      end: () => {
        finish(rows, next);
        next.end();
      },
    };
  };
}

/** A copy of a row whose field map can change without touching the original. */
export function copyRow(row: Row): Row {
  return { fields: new Map(row.fields), seq: row.seq };
}

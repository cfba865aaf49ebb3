/** An operator that holds every row it receives and hands them over at the end of the input. */
import type { Row } from '../data/event.js';
import type { Operator, Sink } from './types.js';

/** `finish` pushes the output; the operator ends the downstream sink after it. */
export function blocking(finish: (rows: Row[], next: Sink) => void): Operator {
  return (next) => {
    const rows: Row[] = [];
    return {
      push: (row) => rows.push(row),
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

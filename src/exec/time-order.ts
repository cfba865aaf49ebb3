/**
 * Newest first: a plain search returns events by descending `_time`, ties in input order
 * (spec 07 O6). Only the rows that reach this step are held, so a selective search stays small.
 */
import type { Row } from '../data/event.js';
import type { Operator } from '../commands/types.js';

export const timeOrderOperator: Operator = (next) => {
  const rows: Row[] = [];
  return {
    push: (row) => rows.push(row),
    end: () => {
      rows.sort(newestFirst);
      rows.forEach((row, i) => {
        row.seq = i;
        next.push(row);
      });
      next.end();
    },
  };
};

function timeOf(row: Row): number {
  const t = row.fields.get('_time');
  return typeof t === 'number' ? t : -Infinity;
}

function newestFirst(a: Row, b: Row): number {
  const ta = timeOf(a);
  const tb = timeOf(b);
  return ta !== tb ? tb - ta : a.seq - b.seq;
}

/** Rows -> the ResultSet the output stage renders (field order per spec 07 O4). */
import type { Row } from '../data/event.js';
import { eventFieldOrder } from '../output/field-order.js';
import type { ResultSet } from '../output/result-set.js';

export function resultSetOf(kind: 'events' | 'table', rows: readonly Row[]): ResultSet {
  const maps = rows.map((r) => r.fields);
  if (kind === 'events') return { kind: 'events', fields: eventFieldOrder(maps), rows: maps };
  const fields = new Set<string>();
  for (const m of maps) for (const k of m.keys()) fields.add(k);
  return { kind: 'table', fields: [...fields], rows: maps };
}

/** The job's time range: earliest inclusive, latest exclusive (spec 04 TM3). */
export function inWindow(w: { earliest?: number; latest?: number }): (t: number | undefined) => boolean {
  return (t) => t !== undefined && (w.earliest === undefined || t >= w.earliest) && (w.latest === undefined || t < w.latest);
}

export async function* filterEvents<E extends { time: number | undefined }>(events: AsyncIterable<E>, keep: (t: number | undefined) => boolean) {
  for await (const ev of events) if (keep(ev.time)) yield ev;
}

export async function* noEvents<E>(): AsyncGenerator<E> {}

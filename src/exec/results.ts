/** Rows -> the ResultSet the output stage renders (field order per spec 07 O4). */
import type { Row } from '../data/event.js';
import { eventFieldOrder } from '../output/field-order.js';
import type { ResultSet } from '../output/result-set.js';
import { compareBytes } from '../eval/values.js';
import { escapeRegex } from '../search/wildcard.js';

export function resultSetOf(kind: 'events' | 'table', rows: readonly Row[], columns: readonly string[] | null = null): ResultSet {
  const maps = rows.map((r) => r.fields);
  if (kind === 'events') return { kind: 'events', fields: eventFieldOrder(maps), rows: maps };
  const seen = new Set<string>();
  for (const m of maps) for (const k of m.keys()) seen.add(k);
  return { kind: 'table', fields: columns ? declaredOrder(columns, seen) : [...seen], rows: maps };
}

/**
 * Declared columns first, in their order (a listed field no row has still gets its column, as
 * `table` shows it); a pattern takes the matching fields in byte order; fields added later follow.
 */
function declaredOrder(columns: readonly string[], seen: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const c of columns) {
    if (!c.includes('*')) {
      out.add(c);
      continue;
    }
    const re = new RegExp(`^${c.split('*').map(escapeRegex).join('.*')}$`, 's');
    for (const f of [...seen].filter((x) => re.test(x)).sort(compareBytes)) out.add(f);
  }
  for (const f of seen) out.add(f);
  return [...out];
}

/** The job's time range: earliest inclusive, latest exclusive (spec 04 TM3). */
export function inWindow(w: { earliest?: number; latest?: number }): (t: number | undefined) => boolean {
  return (t) => t !== undefined && (w.earliest === undefined || t >= w.earliest) && (w.latest === undefined || t < w.latest);
}

/** The events of each batch inside the time range (`keep`); empty batches are dropped. */
export async function* filterBatches<E extends { time: number | undefined }>(batches: AsyncIterable<readonly E[]>, keep: (t: number | undefined) => boolean) {
  for await (const batch of batches) {
    const kept = batch.filter((ev) => keep(ev.time));
    if (kept.length > 0) yield kept;
  }
}

export async function* noEvents<E>(): AsyncGenerator<E> {}

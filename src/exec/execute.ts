/**
 * execute(plan, batches): events stream through the compiled operators; results are collected at
 * the end of the chain. Reading, field extraction and evaluation stay separate stages: this module
 * only connects them.
 */
import type { Row, RawEvent } from '../data/event.js';
import type { Sink } from '../commands/types.js';
import type { Plan } from '../bind/bind.js';

export interface ExecutionStats {
  events: number;
}

export async function execute(
  plan: Plan,
  batches: AsyncIterable<readonly RawEvent[]>,
  extract: (ev: RawEvent) => Row,
): Promise<{ rows: Row[]; stats: ExecutionStats }> {
  const rows: Row[] = [];
  const collect: Sink = { push: (row) => rows.push(row), end: () => undefined };
  const head = plan.operators.reduceRight<Sink>((next, op) => op(next), collect);
  const stats: ExecutionStats = { events: 0 };
  // Events come in batches (one per chunk read): one await per batch, not per event.
  for await (const batch of batches) {
    stats.events += batch.length;
    for (const ev of batch) head.push(extract(ev));
  }
  head.end();
  return { rows, stats };
}

/** Run a bound plan over rows already in memory, synchronously (nested pipelines). */
export function executeRows(plan: Plan, rows: readonly Row[]): Row[] {
  const out: Row[] = [];
  const collect: Sink = { push: (row) => out.push(row), end: () => undefined };
  const head = plan.operators.reduceRight<Sink>((next, op) => op(next), collect);
  for (const row of rows) head.push(row);
  head.end();
  return out;
}

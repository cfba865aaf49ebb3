/** Rows from plain objects, and a whole search run over inline JSON events (the real pipeline). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FieldValue, Row } from '../../../src/data/event.js';
import { runSearch } from '../../../src/pipeline.js';

export function rows(...objects: Record<string, FieldValue>[]): Row[] {
  return objects.map((o, seq) => ({ fields: new Map(Object.entries(o)), seq }));
}

const dir = mkdtempSync(join(tmpdir(), 'splq-exec-'));
let n = 0;

/** Run `spl` over HEC-wrapped events (one a minute from 2024-06-01T00:00:00Z); rows without `_raw`. */
export async function run(spl: string, events: readonly object[]): Promise<Record<string, unknown>[]> {
  const file = join(dir, `events-${n++}.ndjson`);
  const lines = events.map((e, i) => JSON.stringify({ time: 1717200000 + 60 * i, sourcetype: 't', event: e }));
  writeFileSync(file, lines.join('\n') + '\n');
  const result = await runSearch({
    query: { text: spl, name: '<query>' },
    macros: { defaultMacros: true, macroPaths: [], inlineMacros: [], strictMacros: false },
    inputs: [file],
    read: {},
    clock: { now: 1717300000, zone: 'UTC' },
  });
  return result.results.rows.map((m) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of m) if (k !== '_raw' && k !== '_time') out[k] = v;
    return out;
  });
}

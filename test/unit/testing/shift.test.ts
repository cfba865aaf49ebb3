import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../../../src/data/event.js';
import { readEvents } from '../../../src/data/load.js';
import { scanDatasets, writeShifted } from '../../../src/testing/shift.js';

async function read(file: string): Promise<RawEvent[]> {
  const out: RawEvent[] = [];
  for await (const ev of readEvents([file], { zone: 'UTC' }, () => undefined)) out.push(ev);
  return out;
}

describe('datasets replayed for a test', () => {
  const dir = mkdtempSync(join(tmpdir(), 'splq-shift-'));
  const a = join(dir, 'a.json');
  const b = join(dir, 'b.log');
  // Pretty-printed JSON (its _raw keeps the whitespace), and a plain text line without a time.
  writeFileSync(a, '[{"eventTime": "2024-01-01T00:00:00.25Z", "x": 1},\n {"eventTime": "2024-01-01T00:10:00Z", "x": 2}]');
  writeFileSync(b, 'plain text event\n');
  const inputs = [
    { path: a, sourcetype: 'aws:cloudtrail', source: 'trail', host: 'h1', index: 'cloud' },
    { path: b, sourcetype: 'syslog' },
  ];
  const time = { zone: 'UTC' };

  it('scans for the newest event time over every dataset', async () => {
    expect(await scanDatasets(inputs, time)).toEqual({ newest: Date.parse('2024-01-01T00:10:00Z') / 1000, events: 3, problems: 1 });
  });

  it('writes HEC envelopes: times moved by the same whole seconds, _raw and metadata kept, in order', async () => {
    const out = join(dir, 'replay.ndjson');
    expect(await writeShifted(inputs, time, 3600, out)).toBe(3);
    const [before, after] = [[...(await read(a)), ...(await read(b))], await read(out)];
    expect(after.map((e) => e.time)).toEqual(before.map((e) => (e.time === undefined ? undefined : e.time + 3600)));
    expect(after.map((e) => e.raw)).toEqual(before.map((e) => e.raw));
    expect(after.map((e) => e.json)).toEqual(before.map((e) => e.json));
    expect(after[0]!.meta).toEqual({ host: 'h1', source: 'trail', sourcetype: 'aws:cloudtrail', index: 'cloud' });
    expect(after[2]!.meta).toEqual({ host: 'unknown', source: b, sourcetype: 'syslog', index: 'main' });
    expect(after[0]!.time).toBe(Date.parse('2024-01-01T01:00:00.25Z') / 1000);
  });
});

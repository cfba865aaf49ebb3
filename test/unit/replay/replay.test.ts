import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../../../src/data/event.js';
import { extractFields } from '../../../src/data/extract.js';
import { readEvents } from '../../../src/data/load.js';
import { TimestampRuleSet } from '../../../src/datasets/index.js';
import type { DatasetInput } from '../../../src/datasets/index.js';
import { newSummary, replayEnvelopes, type ReplayOptions } from '../../../src/replay/index.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const EKS = join(REPO, 'fixtures/events/eks-audit.ndjson');
const STOP_LOGGING = join(REPO, '../shared/datasets/stratus-red-team-cloudtrail/detonation-logs/aws.execution.ssm-send-command.json');

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function replay(datasets: DatasetInput[], extra: Partial<ReplayOptions> = {}) {
  const summary = newSummary();
  const lines = await collect(replayEnvelopes({ datasets, rules: TimestampRuleSet.load([]), zone: 'UTC', ...extra }, summary));
  return { lines, summary };
}

async function readBack(lines: string[]): Promise<RawEvent[]> {
  const file = join(mkdtempSync(join(tmpdir(), 'splq-replay-')), 'out.ndjson');
  writeFileSync(file, lines.map((l) => l + '\n').join(''));
  return collect(readEvents([file], { zone: 'UTC' }, () => undefined));
}

async function readDirect(ds: DatasetInput): Promise<RawEvent[]> {
  return collect(readEvents([ds.path], { ...ds, zone: 'UTC', timestampRules: TimestampRuleSet.load([]).rules }, () => undefined));
}

/** What a search sees of an event: its fields (metadata, _time, _raw and JSON fields). */
function seen(ev: RawEvent) {
  return [...extractFields(ev).fields];
}

describe('replayEnvelopes', () => {
  it('round-trips HEC envelopes: the replayed file reads back to the same events', async () => {
    const ds = { path: EKS };
    const { lines, summary } = await replay([ds]);
    expect(summary).toMatchObject({ events: 400, timed: 400, rewritten: 0, shift: 0 });
    expect((await readBack(lines)).map(seen)).toEqual((await readDirect(ds)).map(seen));
  });

  it('gives plain events the dataset metadata and their own time; text lines stay text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'splq-replay-'));
    const file = join(dir, 'mixed.log');
    writeFileSync(file, '{"eventTime":"2024-01-15T10:00:00Z","n": 1.50}\nnot json at all\n42\n"quoted"\n');
    const ds = { path: file, sourcetype: 'aws:cloudtrail', source: 'aws_cloudtrail', host: 'h1', index: 'attack' };
    const { lines } = await replay([ds]);
    expect(JSON.parse(lines[0]!)).toEqual({ time: 1705312800, host: 'h1', source: 'aws_cloudtrail', sourcetype: 'aws:cloudtrail', index: 'attack', event: { eventTime: '2024-01-15T10:00:00Z', n: 1.5 } });
    expect(lines[0]).toContain('"n":1.50');
    expect(JSON.parse(lines[1]!).event).toBe('not json at all');
    expect(JSON.parse(lines[1]!)).not.toHaveProperty('time');
    expect((await readBack(lines)).map(seen)).toEqual((await readDirect(ds)).map((ev) => seen({ ...ev, raw: ev.raw.replace(': ', ':') })));
  });

  it('shifts the newest event to the target, keeps the spacing, and rewrites eventTime in its notation', async () => {
    const ds = { path: STOP_LOGGING, sourcetype: 'aws:cloudtrail', source: 'aws_cloudtrail' };
    const direct = await readDirect(ds);
    const target = Date.parse('2025-01-01T00:00:00Z') / 1000;
    const { lines, summary } = await replay([ds], { shiftTo: target });
    const back = await readBack(lines);
    const newest = Math.max(...direct.map((e) => e.time!));
    expect(summary).toMatchObject({ events: direct.length, rewritten: direct.length, unrewritable: 0, shift: target - newest });
    expect(Math.max(...back.map((e) => e.time!))).toBe(target);
    back.forEach((ev, i) => {
      expect(ev.time! - target).toBe(direct[i]!.time! - newest);
      const json = ev.json as { eventTime: string };
      expect(json.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(Date.parse(json.eventTime) / 1000).toBe(ev.time);
    });
    // Everything but the timestamp is the event as written (compacted, as HEC keeps an object event).
    const before = JSON.parse(direct[0]!.raw) as Record<string, unknown>;
    expect({ ...(back[0]!.json as object), eventTime: before.eventTime }).toEqual(before);
  });

  it('rewrites the time of text events read by a TIME_PREFIX rule, and of a --time-field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'splq-replay-'));
    writeFileSync(join(dir, 'props.conf'), '[app]\nTIME_PREFIX = ^ts=\nTIME_FORMAT = %d/%m/%Y %H:%M:%S\n');
    writeFileSync(join(dir, 'app.log'), 'ts=15/01/2024 10:00:00 user=bob\nts=15/01/2024 09:00:00 user=eve\n');
    writeFileSync(join(dir, 'nested.json'), '{"meta":{"at":[1705312800123]},"x":1}\n');
    const rules = TimestampRuleSet.load([join(dir, 'props.conf')]);
    const target = 1705312800 + 86400;
    const app = await replay([{ path: join(dir, 'app.log'), sourcetype: 'app' }], { rules, shiftTo: target });
    expect(app.lines.map((l) => JSON.parse(l).event)).toEqual(['ts=16/01/2024 10:00:00 user=bob', 'ts=16/01/2024 09:00:00 user=eve']);
    expect(app.lines.map((l) => JSON.parse(l).time)).toEqual([target, target - 3600]);
    const nested = await replay([{ path: join(dir, 'nested.json') }], { timeField: 'meta.at{}', shiftTo: target });
    expect(JSON.parse(nested.lines[0]!).event).toEqual({ meta: { at: [1705399199123] }, x: 1 });
  });

  it('counts timestamps it cannot write back, and still shifts their envelope time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'splq-replay-'));
    writeFileSync(join(dir, 'props.conf'), '[pair]\nTIMESTAMP_FIELDS = d, t\n');
    writeFileSync(join(dir, 'pair.ndjson'), '{"d":"2024-01-15","t":"10:00:00"}\n');
    const rules = TimestampRuleSet.load([join(dir, 'props.conf')]);
    const { lines, summary } = await replay([{ path: join(dir, 'pair.ndjson'), sourcetype: 'pair' }], { rules, shiftTo: 1800000000 });
    expect(summary).toMatchObject({ events: 1, rewritten: 0, unrewritable: 1 });
    expect(JSON.parse(lines[0]!)).toMatchObject({ time: 1800000000, event: { d: '2024-01-15', t: '10:00:00' } });
  });

  it('falls back as the reader does when the rule field does not parse', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'splq-replay-'));
    const line = readFileSync(EKS, 'utf8').split('\n')[0]!.replace(/"time":[0-9.]+,/, '');
    writeFileSync(join(dir, 'odd.ndjson'), line.replace(/"requestReceivedTimestamp":"[^"]*"/, '"requestReceivedTimestamp":"yesterday"') + '\n');
    const { lines, summary } = await replay([{ path: join(dir, 'odd.ndjson') }], { shiftTo: 1800000000 });
    expect(summary).toMatchObject({ events: 1, rewritten: 1, unrewritable: 0 });
    const ev = JSON.parse(lines[0]!) as { time: number; event: { stageTimestamp: string; requestReceivedTimestamp: string } };
    expect(ev.time).toBeGreaterThan(1799999999);
    expect(ev.time).toBeLessThanOrEqual(1800000000);
    expect(Math.abs(Date.parse(ev.event.stageTimestamp) / 1000 - ev.time)).toBeLessThan(0.001);
    expect(ev.event.requestReceivedTimestamp).toBe('yesterday');
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { envelopeTime, findEventTime, lookupFlattened, TIMESTAMP_FIELDS } from '../../src/data/event-time.js';
import type { RawEvent } from '../../src/data/event.js';
import { readEvents, type ReadOptions } from '../../src/data/load.js';

const UTC = { zone: 'UTC' };
const T = 1705312800; // 2024-01-15T10:00:00Z

describe('findEventTime: known fields (J6)', () => {
  it.each(TIMESTAMP_FIELDS.map((name) => [name]))('%s', (name) => {
    expect(findEventTime({ other: 'x', [name]: '2024-01-15T10:00:00Z' }, UTC)).toBe(T);
  });

  it('the first known field present wins, in list order', () => {
    const payload = { timestamp: '2024-01-15T11:00:00Z', requestReceivedTimestamp: '2024-01-15T10:00:00.123456Z' };
    expect(findEventTime(payload, UTC)).toBe(T + 0.123456);
  });

  it('a known field that does not parse is skipped', () => {
    expect(findEventTime({ time: 'yesterday', eventTime: '2024-01-15T10:00:00Z' }, UTC)).toBe(T);
  });

  it('epoch seconds and milliseconds, as numbers or text', () => {
    expect(findEventTime({ time: T }, UTC)).toBe(T);
    expect(findEventTime({ time: T * 1000 + 500 }, UTC)).toBe(T + 0.5);
    expect(findEventTime({ timestamp: String(T) }, UTC)).toBe(T);
  });

  it('a timestamp without zone is read in the given zone', () => {
    expect(findEventTime({ p_event_time: '2022-11-29 00:09:04.38' }, UTC)).toBe(1669680544.38);
    expect(findEventTime({ eventTime: '2024-01-15T10:00:00' }, { zone: 'Europe/Paris' })).toBe(T - 3600);
  });

  it('no timestamp: undefined, never the wall clock', () => {
    expect(findEventTime({ a: 1 }, UTC)).toBeUndefined();
    expect(findEventTime({ time: null, eventTime: { nested: 1 } }, UTC)).toBeUndefined();
    expect(findEventTime(undefined, UTC)).toBeUndefined();
    expect(findEventTime(['2024-01-15T10:00:00Z'], UTC)).toBeUndefined();
  });

  it('known fields are looked up at the top level only', () => {
    expect(findEventTime({ detail: { eventTime: '2024-01-15T10:00:00Z' } }, UTC)).toBeUndefined();
  });

  it('inherited names are not fields', () => {
    expect(findEventTime({}, { zone: 'UTC', timeField: 'constructor' })).toBeUndefined();
  });
});

describe('findEventTime: the timeField option', () => {
  it('a flattened path, before the known fields', () => {
    const payload = { time: '2024-01-15T11:00:00Z', metadata: { creationTimestamp: '2024-01-15T10:00:00Z' } };
    expect(findEventTime(payload, { zone: 'UTC', timeField: 'metadata.creationTimestamp' })).toBe(T);
  });

  it('falls back to the known fields when the configured field is absent', () => {
    expect(findEventTime({ time: '2024-01-15T10:00:00Z' }, { zone: 'UTC', timeField: 'missing.field' })).toBe(T);
  });

  it('keys that contain dots, and arrays', () => {
    const payload = {
      annotations: { 'k8s.io/when': '2024-01-15T10:00:00Z' },
      items: [{ other: 1 }, { time: T }],
      'a.b': { c: 'x' },
    };
    expect(lookupFlattened(payload, 'annotations.k8s.io/when')).toBe('2024-01-15T10:00:00Z');
    expect(lookupFlattened(payload, 'items{}.time')).toBe(T);
    expect(lookupFlattened(payload, 'a.b.c')).toBe('x');
    expect(lookupFlattened(payload, 'items{}')).toEqual(payload.items);
    expect(lookupFlattened(payload, 'nope.x')).toBeUndefined();
    expect(findEventTime(payload, { zone: 'UTC', timeField: 'items{}.time' })).toBe(T);
  });
});

describe('envelopeTime', () => {
  it.each([
    [T, T],
    [1705312800.5, 1705312800.5],
    ['1705312800', T],
    ['1705312800.250', T + 0.25],
    ['', undefined],
    ['soon', undefined],
    [null, undefined],
    [Number.NaN, undefined],
  ])('%j -> %j', (value, expected) => {
    expect(envelopeTime(value)).toBe(expected);
  });
});

describe('_time on events read from files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'splq-time-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function times(content: string, options: Partial<ReadOptions> = {}): Promise<(number | undefined)[]> {
    const path = join(dir, `t${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, content);
    const events: RawEvent[] = [];
    for await (const ev of readEvents([path], { zone: 'UTC', ...options }, () => undefined)) events.push(ev);
    return events.map((e) => e.time);
  }

  it('envelope time wins over the payload and the timeField option', async () => {
    const event = { eventTime: '2020-01-01T00:00:00Z', t: '2021-01-01T00:00:00Z' };
    const line = JSON.stringify({ time: T, host: 'h', event });
    expect(await times(line, { timeField: 't' })).toEqual([T]);
  });

  it('an envelope without time uses the payload', async () => {
    expect(await times(JSON.stringify({ host: 'h', event: { eventTime: '2024-01-15T10:00:00Z' } }))).toEqual([T]);
  });

  it('the timeField option, known fields, nothing, and a non-JSON line', async () => {
    const lines = ['{"when":"2024-01-15T10:00:00Z"}', '{"@timestamp":"2024-01-15T10:00:00Z"}', '{"x":1}', 'text'];
    expect(await times(lines.join('\n'), { timeField: 'when' })).toEqual([T, T, undefined, undefined]);
  });
});

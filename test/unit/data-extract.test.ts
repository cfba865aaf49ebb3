import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventMeta, FieldValue, RawEvent } from '../../src/data/event.js';
import { extractFields, lineCount } from '../../src/data/extract.js';
import { readEvents } from '../../src/data/load.js';

const META: EventMeta = { host: 'h1', source: 'src.json', sourcetype: '_json', index: 'main' };

function rawEvent(raw: string, extra: Partial<RawEvent> = {}): RawEvent {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    json = undefined;
  }
  return { raw, time: undefined, meta: META, json, origin: { file: 'src.json', line: 1 }, seq: 7, ...extra };
}

const DEFAULTS = ['host', 'source', 'sourcetype', 'index', 'linecount', 'splunk_server'];

describe('extractFields', () => {
  it('default fields first, in order, then the JSON fields', () => {
    const row = extractFields(rawEvent('{"user":{"name":"bob"},"n":1.50}', { time: 1705312800.25 }));
    expect(row.seq).toBe(7);
    expect([...row.fields]).toEqual([
      ['_raw', '{"user":{"name":"bob"},"n":1.50}'],
      ['_time', 1705312800.25],
      ['host', 'h1'],
      ['source', 'src.json'],
      ['sourcetype', '_json'],
      ['index', 'main'],
      ['linecount', '1'],
      ['splunk_server', 'splq'],
      ['user.name', 'bob'],
      ['n', '1.50'],
    ]);
  });

  it('no _time field when the time is unknown', () => {
    const row = extractFields(rawEvent('{"a":"b"}'));
    expect(row.fields.has('_time')).toBe(false);
    expect([...row.fields.keys()]).toEqual(['_raw', ...DEFAULTS, 'a']);
  });

  it('a non-JSON event gets only _raw and the default fields', () => {
    const row = extractFields(rawEvent('user=bob action=login'));
    expect([...row.fields.keys()]).toEqual(['_raw', ...DEFAULTS]);
  });

  it('J7: default fields win over JSON keys of the same name', () => {
    const raw =
      '{"host":"json-host","source":"x","sourcetype":"y","index":"z","linecount":9,' +
      '"splunk_server":"s","_raw":"r","_time":"t","ok":1}';
    const row = extractFields(rawEvent(raw));
    expect(row.fields.get('host')).toBe('h1');
    expect(row.fields.get('source')).toBe('src.json');
    expect(row.fields.get('sourcetype')).toBe('_json');
    expect(row.fields.get('index')).toBe('main');
    expect(row.fields.get('linecount')).toBe('1');
    expect(row.fields.get('splunk_server')).toBe('splq');
    expect(row.fields.get('_raw')).toBe(raw);
    expect(row.fields.has('_time')).toBe(false);
    expect(row.fields.get('ok')).toBe('1');
    // Nested names are not default fields.
    expect(extractFields(rawEvent('{"host":{"name":"n"}}')).fields.get('host.name')).toBe('n');
  });

  it('other JSON keys starting with "_" are kept', () => {
    expect(extractFields(rawEvent('{"_id":"abc"}')).fields.get('_id')).toBe('abc');
  });

  it('linecount counts \\n + 1', () => {
    expect(lineCount('a')).toBe(1);
    expect(lineCount('{\n  "a": 1\n}')).toBe(3);
    expect(lineCount('x\r\ny\n')).toBe(3);
    expect(extractFields(rawEvent('{\n"a":1\n}')).fields.get('linecount')).toBe('3');
  });

  it('splunk_server is configurable', () => {
    expect(extractFields(rawEvent('{}'), { splunkServer: 'localhost' }).fields.get('splunk_server')).toBe('localhost');
  });

  it('projection: only wanted JSON and default fields; _raw and _time always', () => {
    const row = extractFields(rawEvent('{"a":1,"b":{"c":2},"d":[3]}'), { wanted: new Set(['b.c', 'host', 'zz']) });
    expect([...row.fields.keys()]).toEqual(['_raw', 'host', 'b.c']);
  });

  it('projection follows keys that hold dots, at any depth', () => {
    const text = '{"annotations":{"authorization.k8s.io/decision":"allow","x":1},"a.b":{"c":2},"a":{"b":{"c":3}},"l":[{"m":4},{"n":5}]}';
    const row = extractFields(rawEvent(text), { wanted: new Set(['annotations.authorization.k8s.io/decision', 'a.b.c', 'l{}.m']) });
    expect(Object.fromEntries([...row.fields].filter(([k]) => k !== '_raw'))).toEqual({
      'annotations.authorization.k8s.io/decision': 'allow',
      'a.b.c': ['2', '3'],
      'l{}.m': '4',
    });
  });

  it('HEC indexed fields come after the defaults; JSON fields of the same name join them', () => {
    const ev = rawEvent('{"region":"us","x":"1"}', {
      indexedFields: [
        ['region', 'eu'],
        ['tags', ['a', 'b']],
        ['host', 'ignored'],
      ],
    });
    const row = extractFields(ev);
    expect([...row.fields].slice(DEFAULTS.length + 1)).toEqual([
      ['region', ['eu', 'us']],
      ['tags', ['a', 'b']],
      ['x', '1'],
    ]);
    expect(row.fields.get('host')).toBe('h1');
    expect(ev.indexedFields?.[1][1]).toEqual(['a', 'b']);
  });

  it('a hand-built event whose raw is not the JSON text falls back to the parsed value', () => {
    const ev: RawEvent = { ...rawEvent('not json'), json: { a: { b: 1 } } };
    expect([...extractFields(ev).fields].slice(DEFAULTS.length)).toEqual([
      ['splunk_server', 'splq'],
      ['a.b', '1'],
    ]);
  });
});

describe('extractFields on events from the reader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'splq-extract-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function rowsOf(content: string): Promise<Map<string, FieldValue>[]> {
    const path = join(dir, `e${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, content);
    const rows: Map<string, FieldValue>[] = [];
    for await (const ev of readEvents([path], { zone: 'UTC' }, () => undefined)) rows.push(extractFields(ev).fields);
    return rows;
  }

  it('HEC object event: fields from the event, envelope metadata, indexed fields', async () => {
    const line =
      '{"time":1705312800,"host":"web","index":"sec","fields":{"env":"prod"},' +
      '"event":{"a":{"b":1.50},"host":"inner"}}';
    const [row] = await rowsOf(line);
    expect([...row].filter(([k]) => k !== 'source')).toEqual([
      ['_raw', '{"a":{"b":1.50},"host":"inner"}'],
      ['_time', 1705312800],
      ['host', 'web'],
      ['sourcetype', '_json'],
      ['index', 'sec'],
      ['linecount', '1'],
      ['splunk_server', 'splq'],
      ['env', 'prod'],
      ['a.b', '1.50'],
    ]);
  });

  it('HEC string event: JSON text is extracted, plain text is not', async () => {
    const rows = await rowsOf(
      [
        JSON.stringify({ host: 'h', event: '{"k":"v","n":[1,2]}' }),
        JSON.stringify({ host: 'h', event: 'k=v' }),
      ].join('\n'),
    );
    expect(rows[0].get('k')).toBe('v');
    expect(rows[0].get('n{}')).toEqual(['1', '2']);
    expect([...rows[1].keys()]).toEqual(['_raw', ...DEFAULTS]);
    expect(rows[1].get('_raw')).toBe('k=v');
  });

  it('a pretty-printed array element keeps its text and counts its lines', async () => {
    const [row] = await rowsOf('[\n  {\n    "n": 2.0\n  }\n]\n');
    expect(row.get('_raw')).toBe('{\n    "n": 2.0\n  }');
    expect(row.get('linecount')).toBe('3');
    expect(row.get('n')).toBe('2.0');
  });

  it('__proto__ keys from a file are plain fields and pollute nothing', async () => {
    const [row] = await rowsOf('{"__proto__":{"polluted":"yes"},"constructor":"c"}\n');
    expect(row.get('__proto__.polluted')).toBe('yes');
    expect(row.get('constructor')).toBe('c');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

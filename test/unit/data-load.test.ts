import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawEvent } from '../../src/data/event.js';
import { readEventBatches, readEvents, type InputProblem, type ReadOptions } from '../../src/data/load.js';
import { isSplError } from '../../src/errors/spl-error.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileNo = 0;
function file(content: string | Buffer, name = `f${++fileNo}.json`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

interface ReadResult {
  events: RawEvent[];
  problems: InputProblem[];
}

async function read(inputs: string[], options: Partial<ReadOptions> = {}): Promise<ReadResult> {
  const events: RawEvent[] = [];
  const problems: InputProblem[] = [];
  for await (const ev of readEvents(inputs, { zone: 'UTC', ...options }, (p) => problems.push(p))) events.push(ev);
  return { events, problems };
}

const raws = (r: ReadResult): string[] => r.events.map((e) => e.raw);

describe('NDJSON', () => {
  it('one event per line, blank lines skipped, line numbers and seq', async () => {
    const path = file('{"a":1}\n\n   \n{"b":2}\n');
    const r = await read([path]);
    expect(raws(r)).toEqual(['{"a":1}', '{"b":2}']);
    expect(r.events.map((e) => [e.origin.line, e.seq])).toEqual([
      [1, 0],
      [4, 1],
    ]);
    expect(r.events[0].json).toEqual({ a: 1 });
    expect(r.events[0].origin.file).toBe(path);
    expect(r.problems).toEqual([]);
  });

  it('a line that is not JSON is kept as a raw event and reported', async () => {
    const path = file('{"a":1}\nnot json at all\n{"broken":\n{"c":3}\n');
    const r = await read([path]);
    expect(raws(r)).toEqual(['{"a":1}', 'not json at all', '{"broken":', '{"c":3}']);
    expect(r.events[1].json).toBeUndefined();
    expect(r.events[1].time).toBeUndefined();
    expect(r.problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ['I002', path, 2],
      ['I002', path, 3],
    ]);
    expect(r.problems[0].reason).not.toBe('');
  });

  it('a first line that is not JSON (plain text log) reads as lines', async () => {
    const r = await read([file('hello world\n{"a":1}\n')]);
    expect(raws(r)).toEqual(['hello world', '{"a":1}']);
    expect(r.problems.map((p) => p.line)).toEqual([1]);
  });

  it('CRLF line ends, a UTF-8 BOM and a final line without newline', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const r = await read([file(Buffer.concat([bom, Buffer.from('{"a":1}\r\n{"b":"x"}\r\n{"c":3}')]))]);
    expect(raws(r)).toEqual(['{"a":1}', '{"b":"x"}', '{"c":3}']);
    expect(r.problems).toEqual([]);
  });

  it('an empty file gives no events', async () => {
    expect(await read([file('')])).toEqual({ events: [], problems: [] });
    expect(await read([file('\n\n')])).toEqual({ events: [], problems: [] });
  });

  it('a scalar line is an event without JSON fields', async () => {
    const r = await read([file('42\n"text"\n')]);
    expect(raws(r)).toEqual(['42', '"text"']);
    expect(r.events.map((e) => e.json)).toEqual([undefined, undefined]);
    expect(r.problems).toEqual([]);
  });

  it('a multibyte character split across chunk boundaries', async () => {
    const text = '{"name":"café ☕ 𝄞"}\n{"name":"日本語"}\n';
    for (const chunkSize of [1, 2, 3, 5, 7, 11]) {
      const r = await read([file(text)], { chunkSize });
      expect(raws(r)).toEqual(['{"name":"café ☕ 𝄞"}', '{"name":"日本語"}']);
    }
  });

  it('lines longer than the chunk size', async () => {
    const long = JSON.stringify({ v: 'x'.repeat(5000) });
    const r = await read([file(`${long}\n${long}`)], { chunkSize: 64 });
    expect(raws(r)).toEqual([long, long]);
  });
});

describe('JSON documents', () => {
  it('a pretty-printed single object is one event with its text as given', async () => {
    const text = '{\n  "kind": "Event",\n  "n": 1.50\n}\n';
    const r = await read([file(text)]);
    expect(raws(r)).toEqual(['{\n  "kind": "Event",\n  "n": 1.50\n}']);
    expect(r.events[0].json).toEqual({ kind: 'Event', n: 1.5 });
    expect(r.events[0].origin.line).toBe(1);
    expect(r.problems).toEqual([]);
  });

  it('a pretty-printed JSON array: each element is an event, _raw is its text slice', async () => {
    const text = '[\n  {"a": 1},\n  {\n    "b": [1, 2]\n  },\n  "s"\n]\n';
    const r = await read([file(text)], { chunkSize: 4 });
    expect(raws(r)).toEqual(['{"a": 1}', '{\n    "b": [1, 2]\n  }', '"s"']);
    expect(r.events.map((e) => e.origin.line)).toEqual([2, 3, 6]);
    expect(r.events.map((e) => e.json)).toEqual([{ a: 1 }, { b: [1, 2] }, undefined]);
  });

  it('lines with leading whitespace: arrays and envelopes still split by their text', async () => {
    const r = await read([file('  [{"a":1.50}]\n\t{"host":"h","event":{"n":1.50}}\n')]);
    expect(raws(r)).toEqual(['{"a":1.50}', '{"n":1.50}']);
  });

  it('a one-line JSON array and an empty array', async () => {
    expect(raws(await read([file('[{"a":1},{"b":2}]')]))).toEqual(['{"a":1}', '{"b":2}']);
    expect(raws(await read([file('[]\n')]))).toEqual([]);
  });

  it('a sequence of pretty-printed objects', async () => {
    const r = await read([file('{\n "a": 1\n}\n{\n "b": 2\n}\n')]);
    expect(raws(r)).toEqual(['{\n "a": 1\n}', '{\n "b": 2\n}']);
    expect(r.events.map((e) => e.origin.line)).toEqual([1, 4]);
  });

  it('a document that does not parse falls back to lines, nothing dropped', async () => {
    const r = await read([file('{\n "a": 1,\n}\n')]);
    expect(raws(r)).toEqual(['{', ' "a": 1,', '}']);
    expect(r.problems.map((p) => p.line)).toEqual([1, 2, 3]);
  });

  it('a single unparseable line without newline that opens an object is kept and reported', async () => {
    const r = await read([file('{"a": 1,}')]);
    expect(raws(r)).toEqual(['{"a": 1,}']);
    expect(r.problems.map((p) => p.line)).toEqual([1]);
  });

  it('a BOM before a pretty-printed document, and before one that falls back to lines', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const ok = await read([file(Buffer.concat([bom, Buffer.from('{\n "a": 1\n}')]))]);
    expect(raws(ok)).toEqual(['{\n "a": 1\n}']);
    const bad = await read([file(Buffer.concat([bom, Buffer.from('{\n "a": 1,\n}')]))]);
    expect(raws(bad)).toEqual(['{', ' "a": 1,', '}']);
  });

  it('blank lines before a document keep line numbers right', async () => {
    const r = await read([file('\n\n[\n{"a":1}\n]\n')]);
    expect(r.events.map((e) => e.origin.line)).toEqual([4]);
  });
});

describe('HEC envelopes', () => {
  it('an object event: _raw is its compact text; envelope metadata wins over defaults', async () => {
    const line =
      '{"time": 1705312800.5, "host": "web-1", "source": "hec", "sourcetype": "aws:cloudtrail", ' +
      '"index": "sec", "event": { "a": 1.50, "b": [ "x", "y z" ] }}';
    const r = await read([file(line + '\n')], { host: 'cli-host', sourcetype: 'cli-st', index: 'cli-idx' });
    const ev = r.events[0];
    expect(ev.raw).toBe('{"a":1.50,"b":["x","y z"]}');
    expect(ev.time).toBe(1705312800.5);
    expect(ev.meta).toEqual({ host: 'web-1', source: 'hec', sourcetype: 'aws:cloudtrail', index: 'sec' });
    expect(ev.json).toEqual({ a: 1.5, b: ['x', 'y z'] });
  });

  it('a string event, numeric-string time, partial metadata, indexed fields', async () => {
    const line = '{"time":"1705312800","host":"h","event":"plain text","fields":{"region":"eu","tags":["a","b"]}}';
    const r = await read([file(line)], { sourcetype: 'st' });
    const ev = r.events[0];
    expect(ev.raw).toBe('plain text');
    expect(ev.json).toBeUndefined();
    expect(ev.time).toBe(1705312800);
    expect(ev.meta).toEqual({ host: 'h', source: ev.origin.file, sourcetype: 'st', index: 'main' });
    expect(ev.indexedFields).toEqual([
      ['region', 'eu'],
      ['tags', ['a', 'b']],
    ]);
  });

  it('a string event whose text is JSON is parsed; without envelope time the payload time is used', async () => {
    const line = JSON.stringify({ host: 'h', event: '{"eventTime":"2024-01-15T10:00:00Z","x":1}' });
    const ev = (await read([file(line)])).events[0];
    expect(ev.raw).toBe('{"eventTime":"2024-01-15T10:00:00Z","x":1}');
    expect(ev.json).toEqual({ eventTime: '2024-01-15T10:00:00Z', x: 1 });
    expect(ev.time).toBe(1705312800);
  });

  it('an object with only "event" is not an envelope', async () => {
    const ev = (await read([file('{"event":{"a":1}}')])).events[0];
    expect(ev.raw).toBe('{"event":{"a":1}}');
    expect(ev.meta.host).toBe('unknown');
  });

  it('an object with keys outside the HEC format is not an envelope (an app log)', async () => {
    const line = '{"time":"2024-01-15T10:00:00Z","event":"login","user":"bob"}';
    const ev = (await read([file(line)])).events[0];
    expect(ev.raw).toBe(line);
    expect(ev.json).toEqual({ time: '2024-01-15T10:00:00Z', event: 'login', user: 'bob' });
    expect(ev.time).toBe(1705312800);
  });

  it('envelopes inside a pretty-printed array', async () => {
    const text = '[\n {"sourcetype": "s1", "event": {\n   "a": 1\n }},\n {"index": "i2", "event": "t"}\n]';
    const r = await read([file(text)]);
    expect(raws(r)).toEqual(['{"a":1}', 't']);
    expect(r.events.map((e) => [e.meta.sourcetype, e.meta.index])).toEqual([
      ['s1', 'main'],
      ['_json', 'i2'],
    ]);
  });
});

describe('inputs', () => {
  it('default metadata (J7) and CLI overrides', async () => {
    const path = file('{"a":1}');
    const defaults = { host: 'unknown', source: path, sourcetype: '_json', index: 'main' };
    expect((await read([path])).events[0].meta).toEqual(defaults);
    const opts = { host: 'h', source: 's', sourcetype: 'st', index: 'i' };
    expect((await read([path], opts)).events[0].meta).toEqual(opts);
  });

  it('a dangling symbolic link in a directory is skipped; a link to a file is read', async () => {
    const sub = join(dir, 'links');
    mkdirSync(sub);
    const target = file('{"via":"link"}');
    symlinkSync(target, join(sub, 'good'));
    symlinkSync(join(dir, 'missing-target'), join(sub, 'dangling'));
    expect(raws(await read([sub]))).toEqual(['{"via":"link"}']);
  });

  it('a directory: every regular file inside, recursively, sorted by path; seq runs across inputs', async () => {
    const sub = join(dir, 'tree');
    mkdirSync(join(sub, 'b'), { recursive: true });
    writeFileSync(join(sub, 'c.jsonl'), '{"n":"c"}\n');
    writeFileSync(join(sub, 'b', 'x.txt'), '{"n":"b/x"}\n');
    writeFileSync(join(sub, 'a.json'), '{"n":"a1"}\n{"n":"a2"}\n');
    const single = file('{"n":"single"}');
    const r = await read([sub, single]);
    expect(raws(r)).toEqual(['{"n":"a1"}', '{"n":"a2"}', '{"n":"b/x"}', '{"n":"c"}', '{"n":"single"}']);
    expect(r.events.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(r.events[2].meta.source).toBe(join(sub, 'b', 'x.txt'));
  });

  it('gzip is recognised from the content, decompressed as a stream', async () => {
    const lines = Array.from({ length: 500 }, (_, i) => JSON.stringify({ i, pad: 'p'.repeat(i % 50) }));
    const gz = gzipSync(lines.join('\n') + '\n');
    const r = await read([file(gz, 'events.json.gz'), file(gz, 'no-extension')], { chunkSize: 100 });
    expect(raws(r)).toEqual([...lines, ...lines]);
  });

  it('a corrupt gzip file is reported (I705), not fatal: the events before the damage are kept', async () => {
    const gz = gzipSync('{"a":1}\n'.repeat(100));
    const bad = Buffer.concat([gz.subarray(0, 12), Buffer.alloc(40, 7)]);
    const r = await read([file(bad)]);
    expect(r.problems.map((p) => p.code)).toEqual(['I705']);
  });

  it('a missing input is an I001 error naming the file', async () => {
    const missing = join(dir, 'nope.json');
    await expect(read([missing])).rejects.toSatisfy(
      (e: unknown) => isSplError(e) && e.code === 'I001' && e.params.file === missing,
    );
  });

  it('stdin is "-", its source "stdin"', async () => {
    const stdin = Readable.from([Buffer.from('{"a":1}\n{"b"'), Buffer.from(':2}\n')]);
    const r = await read(['-'], { stdin });
    expect(raws(r)).toEqual(['{"a":1}', '{"b":2}']);
    expect(r.events[0].meta.source).toBe('stdin');
    expect(r.events[0].origin.file).toBe('stdin');
  });

  it('readEventBatches yields the same events in batches', async () => {
    const path = file('{"a":1}\n{"a":2}\n{"a":3}\n');
    const batches: RawEvent[][] = [];
    for await (const b of readEventBatches([path], { zone: 'UTC', chunkSize: 9 }, () => undefined)) batches.push(b);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat().map((e) => e.raw)).toEqual(['{"a":1}', '{"a":2}', '{"a":3}']);
  });
});

describe('early stop', () => {
  it.each([
    ['plain', (s: string) => Buffer.from(s)],
    ['gzip', (s: string) => gzipSync(s)],
  ])('a consumer that stops early closes the input (%s)', async (_name, encode) => {
    const bytes = encode('{"a":1}\n'.repeat(10_000));
    const stdin = Readable.from(
      (function* chunks() {
        for (let i = 0; i < bytes.length; i += 256) yield bytes.subarray(i, i + 256);
      })(),
    );
    for await (const ev of readEvents(['-'], { zone: 'UTC', stdin }, () => undefined)) {
      expect(ev.raw).toBe('{"a":1}');
      break;
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(stdin.destroyed).toBe(true);
  });
});

/**
 * Hostile and broken event inputs (issue 7, item 2): each one is read without a crash, every event
 * is counted (as `_raw` alone where it cannot be parsed), and what was wrong is reported as an
 * input problem (I002, I701-I706). Inputs are made here, in a scratch folder; the 100 MB line and
 * the bounded-memory runs through the CLI are in big-inputs.test.ts.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { failureCode, put, scratchDir, search } from './helpers.js';

const dir = scratchDir('inputs');
let n = 0;
const file = (content: string | Uint8Array, ext = 'ndjson'): string => put(dir, `in-${n++}.${ext}`, content);
const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('lines that are not JSON', () => {
  it('are events with only _raw, each reported with its line (I002)', async () => {
    const f = file('{"a":1}\nnot json at all\n{"a":\n{"a":2}\n');
    const r = await search('* | table _raw a', [f]);
    expect(r.events).toBe(4);
    expect(r.rows.map((x) => x.get('_raw'))).toEqual(['{"a":1}', 'not json at all', '{"a":', '{"a":2}']);
    expect(r.rows.map((x) => x.get('a'))).toEqual(['1', undefined, undefined, '2']);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([['I002', 2], ['I002', 3]]);
  });

  it('a truncated final line (no newline, cut mid-object) is kept and reported', async () => {
    const f = file('{"a":1}\n{"a":2,"b":[1,2');
    const r = await search('* | stats count', [f]);
    expect(r.rows[0]!.get('count')).toBe(2);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([['I002', 2]]);
    const raw = await search('* | table _raw', [f]);
    expect(raw.rows.map((x) => x.get('_raw'))).toContain('{"a":2,"b":[1,2');
  });

  it('a truncated pretty-printed document falls back to lines: nothing is dropped', async () => {
    const f = file('[\n  {"a": 1},\n  {"a": 2},\n  {"a": ');
    const r = await search('* | stats count', [f]);
    expect(r.rows[0]!.get('count')).toBe(4);
    expect(r.codes.every((c) => c === 'I002')).toBe(true);
  });
});

describe('encodings', () => {
  it('invalid UTF-8 is replaced with U+FFFD and reported (I701); the event keeps its fields', async () => {
    const f = file(bytes('{"a":"x', [0xff, 0xfe, 0xc3], '"}\n', '{"b":"ok"}\n', 'plain ', [0x80], '\n'));
    const r = await search('* | table a b _raw', [f]);
    expect(r.rows.map((x) => x.get('a'))).toEqual(['x\uFFFD\uFFFD\uFFFD', undefined, undefined]);
    expect(r.rows[1]!.get('b')).toBe('ok');
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([['I701', 1], ['I701', 3], ['I002', 3]]);
  });

  it('a U+FFFD written as valid UTF-8 is not a problem', async () => {
    const r = await search('* | table a', [file('{"a":"\uFFFD"}\n')]);
    expect(r.rows[0]!.get('a')).toBe('\uFFFD');
    expect(r.problems).toEqual([]);
  });

  it('a UTF-8 byte-order mark is not part of the first field name or _raw', async () => {
    const r = await search('* | table _raw a', [file('\uFEFF{"a":1}\n{"a":2}\n')]);
    expect(r.rows.map((x) => x.get('a'))).toEqual(['1', '2']);
    expect(r.rows[0]!.get('_raw')).toBe('{"a":1}');
    expect(r.problems).toEqual([]);
  });

  it('UTF-16 text with a byte-order mark (LE and BE) is converted', async () => {
    const text = '{"a":"é"}\r\n{"a":"𝄞"}\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.map((_, i) => le[i ^ 1]!));
    for (const f of [file(le), file(be)]) {
      const r = await search('* | table a', [f]);
      expect(r.rows.map((x) => x.get('a'))).toEqual(['é', '𝄞']);
      expect(r.problems).toEqual([]);
    }
  });

  it('CRLF line endings: no CR in _raw or values, in lines, documents and text lines', async () => {
    const lines = file('{"a":"1"}\r\nnot json\r\n{"a":"2"}\r\n');
    const r = await search('* | table _raw a', [lines]);
    expect(r.rows.map((x) => x.get('_raw'))).toEqual(['{"a":"1"}', 'not json', '{"a":"2"}']);
    const doc = file('[\r\n  {"a": "x"},\r\n  {"a": "y"}\r\n]\r\n');
    const d = await search('* | table _raw a', [doc]);
    expect(d.rows.map((x) => x.get('a'))).toEqual(['x', 'y']);
    expect(d.rows.map((x) => String(x.get('_raw')))).not.toContainEqual(expect.stringContaining('\r'));
  });
});

describe('empty and binary files', () => {
  it('empty files, blank files and an empty gzip give no events and no problems', async () => {
    const inputs = [file(''), file('\n\n  \r\n\t\n'), file(gzipSync(''), 'gz'), file('', 'gz')];
    const r = await search('* | stats count', inputs);
    expect(r.rows[0]!.get('count')).toBe(0);
    expect(r.events).toBe(0);
    expect(r.problems).toEqual([]);
  });

  it('a binary file is said once (I704); each of its lines is still an event', async () => {
    let seed = 42;
    const random = Buffer.from(new Uint8Array(64 * 1024).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 23));
    const lines = random.toString('latin1').split('\n');
    const nonBlank = lines.filter((l) => /[^ \t\r]/.test(l)).length;
    const r = await search('* | stats count', [file(random, 'bin')]);
    expect(r.rows[0]!.get('count')).toBe(nonBlank);
    expect(r.codes.filter((c) => c === 'I704')).toHaveLength(1);
    expect(r.codes.filter((c) => c === 'I701')).toEqual([]);
    expect(r.result.problemCounts.get('I002')).toBe(nonBlank);
  });
});

describe('deep nesting', () => {
  const DEPTH = 100_000;
  const deepObject = '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);
  const deepArray = '['.repeat(DEPTH) + ']'.repeat(DEPTH);

  it('JSON nested 100,000 levels is an event with _raw and default fields only, reported (I703)', async () => {
    const f = file(`${deepObject}\n{"b":2}\n${deepArray}\n`);
    const r = await search('*', [f]);
    expect(r.events).toBe(3);
    const deep = r.rows.find((x) => x.get('_raw') === deepObject)!;
    expect([...deep.keys()].filter((k) => !['_raw', 'host', 'index', 'linecount', 'source', 'sourcetype', 'splunk_server'].includes(k))).toEqual([]);
    expect(r.rows.find((x) => x.get('b') === '2')).toBeDefined();
    expect(r.codes).toEqual(['I703', 'I703']);
  });

  it('a deep pretty-printed document is read too', async () => {
    const pretty = '{"a":\n'.repeat(DEPTH) + '1\n' + '}'.repeat(DEPTH) + '\n';
    const r = await search('* | stats count', [file(pretty)]);
    expect(r.rows[0]!.get('count')).toBe(1);
  });

  it.each([
    '* | spath',
    '* | spath input=_raw path=a.a.a output=x',
    '* | fromjson _raw',
    '* | eval x=json_extract(_raw, "a"), y=json_keys(_raw), v=if(json_valid(_raw), 1, 0)',
    '* | rex field=_raw "(?<first>\\\\{\\"a\\")"',
  ])('%s over it ends without an internal error', async (spl) => {
    const r = await search(`${spl} | stats count`, [file(`${deepObject}\n${deepArray}\n`)]);
    expect(r.rows[0]!.get('count')).toBe(2);
  });

  it('XML nested 100,000 levels (xmlkv, spath) ends quickly', async () => {
    const xml = '<a>'.repeat(DEPTH) + 'v' + '</a>'.repeat(DEPTH) + '</b>'.repeat(DEPTH);
    const f = file(JSON.stringify({ x: xml }) + '\n');
    const started = Date.now();
    const r = await search('* | xmlkv x | spath input=x | stats count', [f]);
    expect(r.rows[0]!.get('count')).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('keys', () => {
  it('1,000,000 distinct keys in one event are all fields', async () => {
    const keys = Array.from({ length: 1_000_000 }, (_, i) => `"k${i}":${i}`);
    const f = file(`{${keys.join(',')}}\n{"k1":"again"}\n`);
    const r = await search('* | eval last=k999999 | stats count values(last) as last values(k1) as k1', [f]);
    expect(r.rows[0]!.get('count')).toBe(2);
    expect(r.rows[0]!.get('last')).toEqual(['999999']);
    expect(r.rows[0]!.get('k1')).toEqual(['1', 'again']);
  });

  it('duplicate keys make a multivalue field, at any depth (KV_MODE=json, J3)', async () => {
    const r = await search('* | table a b.c', [file('{"a":1,"a":"two","b":{"c":1,"c":2},"b":{"c":3}}\n')]);
    expect(r.rows[0]!.get('a')).toEqual(['1', 'two']);
    expect(r.rows[0]!.get('b.c')).toEqual(['1', '2', '3']);
  });

  it('__proto__, constructor and prototype are plain field names; nothing is polluted', async () => {
    const first = '{"__proto__":"p","constructor":{"prototype":{"polluted":"yes"}},"prototype":"q","toString":"t","hasOwnProperty":"h"}';
    const f = file(`${first}\n{"__proto__":{"polluted":"yes"}}\n`);
    const r = await search('* | eval x=hasOwnProperty . toString | table __proto__ __proto__.polluted constructor.prototype.polluted prototype x', [f]);
    expect(r.rows[0]!.get('__proto__')).toBe('p');
    expect(r.rows[0]!.get('constructor.prototype.polluted')).toBe('yes');
    expect(r.rows[0]!.get('prototype')).toBe('q');
    expect(r.rows[0]!.get('x')).toBe('ht');
    expect(r.rows[1]!.get('__proto__.polluted')).toBe('yes');
    const s = await search('* | stats count by __proto__ | chart count over __proto__ by count', [f]);
    expect(s.rows[0]!.get('__proto__')).toBe('p');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a field name of 200,000 characters works in search, stats and output', async () => {
    const name = 'n'.repeat(200_000);
    const f = file(`{"${name}":"v","short":1}\n{"${name}":"w"}\n`);
    const r = await search(`${name}=v | stats count by ${name}`, [f]);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]!.get(name)).toBe('v');
  });
});

describe('numbers', () => {
  it('beyond 2^53 and in exponent form keep their text, as Splunk does', async () => {
    const f = file('{"n":9007199254740993,"big":123456789012345678901234567890,"e":1.5E+300,"f":1e400,"g":-0.0,"d":1.50}\n');
    const r = await search('* | eval m=n+1, inf=f*2 | table n big e f g d m inf', [f]);
    const row = r.rows[0]!;
    expect([row.get('n'), row.get('big'), row.get('e'), row.get('f'), row.get('g'), row.get('d')]).toEqual([
      '9007199254740993', '123456789012345678901234567890', '1.5E+300', '1e400', '-0.0', '1.50',
    ]);
    // Arithmetic is on doubles, as in Splunk: 9007199254740993 reads as 9007199254740992.
    expect(row.get('m')).toBe(9007199254740992);
  });

  it('an event time of 1e400 or 1e20 is no crash', async () => {
    const f = file('{"time":1e400,"a":1}\n{"time":1e20,"a":2}\n{"time":-1e400,"a":3}\n');
    const r = await search('* | sort a | table a _time', [f]);
    expect(r.rows.map((x) => x.get('a'))).toEqual(['1', '2', '3']);
  });
});

describe('gzip', () => {
  const lines = Array.from({ length: 5000 }, (_, i) => `{"i":${i}}`).join('\r\n') + '\r\n';

  it('.gz files, and gzip under any name, are read as a stream (CRLF too)', async () => {
    const r = await search('* | stats count max(i) as top', [file(gzipSync(lines), 'ndjson.gz'), file(gzipSync(lines), 'log')]);
    expect(r.rows[0]!.get('count')).toBe(10_000);
    expect(String(r.rows[0]!.get('top'))).toBe('4999');
    expect(r.problems).toEqual([]);
  });

  it('concatenated gzip members are one stream', async () => {
    const two = Buffer.concat([gzipSync('{"i":1}\n'), gzipSync('{"i":2}\n')]);
    const r = await search('* | stats count', [file(two, 'gz')]);
    expect(r.rows[0]!.get('count')).toBe(2);
  });

  it('cut short or damaged: the events before are kept, the rest reported (I705); the next input is read', async () => {
    const gz = gzipSync(lines);
    const cut = file(gz.subarray(0, Math.floor(gz.length / 2)), 'gz');
    const damaged = file(Buffer.concat([gz.subarray(0, 20), Buffer.alloc(200, 0x55)]), 'gz');
    const after = file('{"i":"after"}\n');
    const r = await search('* | stats count values(eval(if(i="after", i, null()))) as after', [cut, damaged, after]);
    expect(r.rows[0]!.get('after')).toEqual(['after']);
    expect(Number(r.rows[0]!.get('count'))).toBeGreaterThan(1);
    expect(r.codes.filter((c) => c === 'I705')).toHaveLength(2);
  });

  it('a gzip bomb is streamed, never held whole', async () => {
    // 64 MiB of blank 1 KiB lines from 64 KiB of gzip: held whole, it would show in the process size.
    const bomb = gzipSync(Buffer.from(' '.repeat(1023) + '\n').toString().repeat(64 << 10));
    const before = process.memoryUsage().rss;
    const r = await search('* | stats count', [file(bomb, 'gz')]);
    expect(r.rows[0]!.get('count')).toBe(0);
    expect(process.memoryUsage().rss - before).toBeLessThan(48 << 20);
  });
});

describe('what is never a crash', () => {
  it('a directory of all of the above reads to the end', async () => {
    const code = await failureCode(search('* | stats count', [dir]));
    expect(code).toBe('none');
  });
});

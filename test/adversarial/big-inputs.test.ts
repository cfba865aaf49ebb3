/**
 * Hostile inputs through the built CLI (issue 7, item 2): memory stays bounded (runs under a
 * small --max-old-space-size), problems are summarised on stderr, and `--strict` turns them into
 * a failure that lists them as `error[CODE]`. The 100 MB single line is written once, here.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonRows, put, scratchDir, splq } from './helpers.js';

const dir = scratchDir('big');
const BIG = join(dir, 'one-line-100mb.ndjson');

beforeAll(() => {
  const fd = openSync(BIG, 'w');
  writeSync(fd, '{"a":"');
  const mib = 'x'.repeat(1 << 20);
  for (let i = 0; i < 100; i++) writeSync(fd, mib);
  writeSync(fd, '"}\n{"b":1}\n');
  closeSync(fd);
});

describe('a 100 MB single line', () => {
  it('is cut to max_event_size (64 MiB), kept, counted and reported, under a 256 MB heap', async () => {
    const r = await splq(['run', '* | eval n=len(_raw) | stats count max(n) as longest', '-e', BIG, '-o', 'json'], { heapMb: 256 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(jsonRows(r.stdout)).toEqual([{ count: '2', longest: String(64 << 20) }]);
    expect(r.stderr).toContain("an event of 104857608 bytes is longer than the limit 'max_event_size' (67108864)");
  });

  it('a smaller --max-event-size bounds memory further (64 MB heap)', async () => {
    const r = await splq(['run', '* | stats count', '-e', BIG, '--max-event-size', '1M', '-o', 'json'], { heapMb: 64 });
    expect(r.signal).toBeNull();
    expect(jsonRows(r.stdout)).toEqual([{ count: '2' }]);
  });

  it('--max-event-size 0 reads it whole, as JSON', async () => {
    const r = await splq(['run', '* | eval n=len(a) | table n b', '-e', BIG, '--max-event-size', '0', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(jsonRows(r.stdout)).toEqual([{ n: '104857600' }, { b: '1' }]);
    expect(r.stderr).toBe('');
  });

  it('--strict makes the cut a failure: error[I702], exit 1, no results', async () => {
    const r = await splq(['run', '* | stats count', '-e', BIG, '--strict', '-o', 'json'], { heapMb: 256 });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error\[I702\]: .*one-line-100mb\.ndjson:1: an event of 104857608 bytes/m);
  });
});

describe('bounded memory', () => {
  it('1,000,000 distinct keys under a 512 MB heap', async () => {
    const keys = Array.from({ length: 1_000_000 }, (_, i) => `"k${i}":${i}`);
    const f = put(dir, 'keys.ndjson', `{${keys.join(',')}}\n`);
    const r = await splq(['run', '* | stats count', '-e', f, '-o', 'json'], { heapMb: 512 });
    expect(r.signal).toBeNull();
    expect(jsonRows(r.stdout)).toEqual([{ count: '1' }]);
  });

  it('a document longer than max_event_size is read line by line (I706), not held', async () => {
    const doc = '[\n' + Array.from({ length: 200 }, (_, i) => `  {"i": ${i}}`).join(',\n') + '\n]\n';
    const f = put(dir, 'doc.json', doc);
    const r = await splq(['run', '* | stats count', '-e', f, '--max-event-size', '1K', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(Number(jsonRows(r.stdout)[0]!.count)).toBe(202);
    expect(r.stderr).toContain("a JSON document longer than the limit 'max_event_size' (1024) was read line by line");
  });
});

describe('the summary on stderr and --strict', () => {
  const cases: Array<[string, string | Uint8Array, string]> = [
    ['I002', '{"a":1}\nnot json\n', 'not valid JSON'],
    ['I701', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d, 0x0a]), 'not valid UTF-8'],
    ['I703', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) + '\n', 'JSON nested deeper than 1000 levels'],
    ['I704', Buffer.from([0x7b, 0x00, 0x01, 0x0a, 0x02, 0x0a]), 'looks like a binary file'],
    ['I705', gzipSync(Array.from({ length: 2000 }, (_, i) => `{"a":${i}}\n`).join('')).subarray(0, 2000), 'the compressed data is damaged or cut short'],
  ];

  it.each(cases)('%s: a warning, exit 0, every event kept; with --strict an error and exit 1', async (code, content, text) => {
    const f = put(dir, `${code}.ndjson`, content);
    const warn = await splq(['run', '*', '-e', f, '-o', 'json']);
    expect(warn.code).toBe(0);
    expect(warn.stderr).toMatch(/^warning: \d+ input problem\(s\); every event was kept:/);
    expect(warn.stderr).toContain(`(${code})`);
    expect(warn.stderr).toContain(text);
    const strict = await splq(['run', '*', '-e', f, '-o', 'json', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain(`error[${code}]: `);
    expect(strict.stderr).toContain('--strict makes them a failure');
    expect(strict.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('binary input on stdin', async () => {
    const r = await splq(['run', '* | stats count', '-e', '-', '-o', 'json'], { input: '\u0000\u0001\n\u0002\n' });
    expect(r.code).toBe(0);
    expect(jsonRows(r.stdout)).toEqual([{ count: '2' }]);
    expect(r.stderr).toContain('stdin: looks like a binary file');
  });

  it('control characters of an event are escaped in the messages, never sent to the terminal', async () => {
    const r = await splq(['run', '* | stats count', '-e', '-', '-o', 'json'], { input: '\u001b[31mred\u001b]0;title\u0007\n' });
    expect(r.stderr).toContain('\\x1b[31mred');
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });

  it('a clean input says nothing and passes --strict', async () => {
    const f = put(dir, 'clean.ndjson', '{"a":1}\n');
    const r = await splq(['run', '* | stats count', '-e', f, '-o', 'json', '--strict']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

// outputlookup writing (src/lookups/write.ts and the command through runSearch): files in a temp
// folder, append keeping the header, empty results, multivalue encodings, confinement.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FieldValue, Row } from '../../../src/data/event.js';
import { writeLookupFile, type WriteOptions } from '../../../src/lookups/write.js';
import { runSearch, StageError } from '../../../src/pipeline.js';

const DEFAULTS: WriteOptions = { append: false, multivalueColumns: false, overrideIfEmpty: true, createEmpty: false };
const rows = (...maps: Record<string, FieldValue>[]): Row[] => maps.map((m, seq) => ({ fields: new Map(Object.entries(m)), seq }));
const tmp = () => mkdtempSync(join(tmpdir(), 'splq-write-'));

describe('writeLookupFile', () => {
  it('creates folders as needed and writes fields in first-seen order, internal fields left out', () => {
    const file = join(tmp(), 'deep', 'er', 'out.csv');
    writeLookupFile(file, rows({ b: 'x', _cd: '1:2', _time: 5 }, { a: 1.5, b: 'y' }), DEFAULTS);
    expect(readFileSync(file, 'utf8')).toBe('b,_time,a\nx,5,\ny,,1.5\n');
  });

  it('append writes only the existing header fields, after the existing rows', () => {
    const file = join(tmp(), 'seen.csv');
    writeFileSync(file, 'user,count\nalice,1');
    writeLookupFile(file, rows({ count: 2, extra: 'dropped', user: 'bob' }), { ...DEFAULTS, append: true });
    expect(readFileSync(file, 'utf8')).toBe('user,count\nalice,1\nbob,2\n');
  });

  it('append to a missing file creates it', () => {
    const file = join(tmp(), 'new.csv');
    writeLookupFile(file, rows({ k: 'v' }), { ...DEFAULTS, append: true });
    expect(readFileSync(file, 'utf8')).toBe('k\nv\n');
  });

  it('no results: the file is deleted (override_if_empty), kept (override_if_empty=false) or emptied (create_empty)', () => {
    const dir = tmp();
    const file = join(dir, 't.csv');
    writeFileSync(file, 'a\n1\n');
    writeLookupFile(file, [], { ...DEFAULTS, overrideIfEmpty: false });
    expect(readFileSync(file, 'utf8')).toBe('a\n1\n');
    writeLookupFile(file, [], DEFAULTS);
    expect(existsSync(file)).toBe(false);
    writeLookupFile(file, [], { ...DEFAULTS, createEmpty: true });
    expect(readFileSync(file, 'utf8')).toBe('');
  });

  it('multivalue: newline-joined, plus __mv_ columns with splunk_mv_csv', () => {
    const dir = tmp();
    writeLookupFile(join(dir, 'sv.csv'), rows({ m: ['a', 'b$'], s: 'x' }), DEFAULTS);
    writeLookupFile(join(dir, 'mv.csv'), rows({ m: ['a', 'b$'], s: 'x' }), { ...DEFAULTS, multivalueColumns: true });
    expect(readFileSync(join(dir, 'sv.csv'), 'utf8')).toBe('m,s\n"a\nb$",x\n');
    expect(readFileSync(join(dir, 'mv.csv'), 'utf8')).toBe('m,s,__mv_m\n"a\nb$",x,$a$;$b$$$\n');
  });
});

describe('outputlookup through runSearch', () => {
  const run = (text: string, dir: string) =>
    runSearch({
      query: { text, name: '<query>' },
      macros: { defaultMacros: true, macroPaths: [], inlineMacros: [], strictMacros: false },
      inputs: [],
      read: {},
      clock: { now: 1717200000, zone: 'UTC' },
      lookups: { paths: [dir] },
    });

  it('writes into the first folder, and a later search reads multivalues back from __mv_ columns', async () => {
    const dir = join(tmp(), 'not-yet-created');
    await run('| makeresults count=2 | eval k="a", v=split("1,2", ",") | outputlookup output_format=splunk_mv_csv kv.csv', dir);
    const back = await run('| inputlookup kv.csv', dir);
    expect(back.results.rows.map((r) => Object.fromEntries(r))).toEqual([
      { _time: '1717200000', k: 'a', v: ['1', '2'] },
      { _time: '1717200000', k: 'a', v: ['1', '2'] },
    ]);
  });

  it('refuses names outside the folder and needs a folder', async () => {
    const codeOf = async (text: string, dir: string) => {
      try {
        await run(text, dir);
      } catch (e) {
        return (e as StageError).error.code;
      }
      return undefined;
    };
    expect(await codeOf('| makeresults | outputlookup ../up.csv', tmp())).toBe('B502');
    expect(await codeOf('| makeresults | outputlookup "/tmp/abs.csv"', tmp())).toBe('B502');
    const file = join(tmp(), 'single.csv');
    writeFileSync(file, 'a\n1\n');
    expect(await codeOf('| makeresults | outputlookup x.csv', file)).toBe('B507');
  });
});

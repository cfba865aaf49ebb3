// The lookup store (src/lookups/store.ts): where names resolve, confinement to the configured
// locations, definitions' files, and the errors naming where it looked.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SplError } from '../../../src/errors/spl-error.js';
import { checkLookupName, LookupStore } from '../../../src/lookups/store.js';

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'splq-store-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof SplError) return e.code;
    throw e;
  }
  return undefined;
}

describe('lookup names are confined', () => {
  it.each(['../x.csv', 'a/b.csv', 'a\\b.csv', '/etc/passwd', 'C:\\x.csv', 'C:x.csv', '..', 'x..csv', '', ' '])('%j is refused (B502)', (name) => {
    expect(codeOf(() => checkLookupName(name, 'lookup'))).toBe('B502');
  });

  it.each(['users', 'users.csv', 'a-b_c.d.csv.gz', 'Ünïcode'])('%j is a name', (name) => {
    expect(codeOf(() => checkLookupName(name, 'lookup'))).toBeUndefined();
  });

  it('a definition cannot reach outside: its filename keeps only the last segment', () => {
    const outside = folder({ 'secret.csv': 'k,v\n1,secret\n' });
    const dir = folder({ 'transforms.conf': `[sneaky]\nfilename = ${join(outside, 'secret.csv')}\n` });
    const store = LookupStore.load({ paths: [dir] });
    expect(codeOf(() => store.resolve('sneaky', 'lookup'))).toBe('B501');
  });
});

describe('resolving names', () => {
  const a = folder({
    'users.csv': 'uid,name\n1,a-users\n',
    'ioc.yml': 'name: ioc\nfilename: ioc2024.csv\nmatch_type: WILDCARD(d)\n',
    'ioc2024.csv': 'd,tag\n*.x,bad\n',
    'seen.yml': 'name: seen\ncollection: seen_coll\n',
    'script.yml': 'name: script\nexternal_cmd: run.py a b\n',
    'broken.yml': 'name: broken\nfilename: b.csv\nmin_matches: lots\n',
  });
  const b = folder({ 'users.csv': 'uid,name\n1,b-users\n', 'other.csv.gz': gzipSync('k\nzipped\n'), 'seen_coll.csv': 'a\n1\n' });
  const store = LookupStore.load({ paths: [a], readOnly: [b] });

  it('a file by its name, or by its name without .csv; the first location wins', () => {
    const r = store.resolve('users', 'lookup');
    expect(r.file).toBe(join(a, 'users.csv'));
    expect(store.table(r.file).rows).toEqual([['1', 'a-users']]);
    expect(store.resolve('users.csv', 'lookup').file).toBe(join(a, 'users.csv'));
  });

  it('a definition brings its matching rules and file', () => {
    const r = store.resolve('ioc', 'lookup');
    expect(r.file).toBe(join(a, 'ioc2024.csv'));
    expect(r.matchTypes.get('d')).toBe('wildcard');
  });

  it('gzip files are read', () => {
    expect(store.table(store.resolve('other.csv.gz', 'inputlookup').file).rows).toEqual([['zipped']]);
  });

  it('a KV store definition reads <collection>.csv from any location', () => {
    expect(store.resolve('seen', 'inputlookup').file).toBe(join(b, 'seen_coll.csv'));
  });

  it('scripted lookups cannot run (B503); bad settings are B504; unknown names B501 naming the locations', () => {
    expect(codeOf(() => store.resolve('script', 'lookup'))).toBe('B503');
    expect(codeOf(() => store.resolve('broken', 'lookup'))).toBe('B504');
    const error = (() => {
      try {
        store.resolve('nothing', 'lookup');
      } catch (e) {
        return e as SplError;
      }
      return undefined;
    })();
    expect(error?.code).toBe('B501');
    expect(error?.message).toContain(`looked in ${a}, ${b}`);
  });

  it('knows: definition names and filenames, files with or without .csv; never a path', () => {
    expect(['ioc', 'ioc2024.csv', 'users', 'users.csv', 'seen', 'nothing', '../users.csv'].map((n) => store.knows(n))).toEqual([
      true, true, true, true, true, false, false,
    ]);
  });

  it('writes go to the first writable folder only', () => {
    expect(store.writeDir()).toBe(a);
    expect(LookupStore.load({ paths: [], readOnly: [b] }).writeDir()).toBeUndefined();
  });

  it('a CSV given as a file is found by its file name', () => {
    const single = LookupStore.load({ paths: [join(b, 'users.csv')] });
    expect(single.resolve('users', 'lookup').file).toBe(join(b, 'users.csv'));
    expect(single.writeDir()).toBeUndefined();
  });

  it('a transforms.conf finds its CSV in the app lookups/ folder', () => {
    const app = folder({ 'default/transforms.conf': '[hosts]\nfilename = hosts.csv\n', 'lookups/hosts.csv': 'h\nweb1\n' });
    const s = LookupStore.load({ paths: [join(app, 'default', 'transforms.conf')] });
    expect(s.resolve('hosts', 'lookup').file).toBe(join(app, 'default', '..', 'lookups', 'hosts.csv'));
  });

  it('an unreadable file is an input error', () => {
    const dir = folder({});
    mkdirSync(join(dir, 'dir.csv'));
    const s = LookupStore.load({ paths: [dir] });
    expect(codeOf(() => s.table(join(dir, 'dir.csv')))).toBe('I501');
  });
});

/**
 * No unintended file access (issue 7, item 4): outputlookup writes only inside the configured
 * lookups folder, and inputlookup/lookup read only from the configured lookup locations, whatever
 * a search, a lookup definition or a symbolic link left in the folder says (B502, B504, B508).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { failureCode, put, scratchDir, search } from './helpers.js';

const root = scratchDir('files');
const EVENTS = put(root, 'events.ndjson', '{"user":"alice","x":"1"}\n{"user":"bob","x":"2"}\n');
let lookups: string;
let outside: string;
let n = 0;

beforeEach(() => {
  const base = join(root, `case-${n++}`);
  lookups = join(base, 'lookups');
  outside = join(base, 'outside');
  mkdirSync(lookups, { recursive: true });
  mkdirSync(outside, { recursive: true });
  put(outside, 'secret.csv', 'user,secret\nalice,hunter2\n');
});

const run = (spl: string): Promise<string> => failureCode(search(spl, [EVENTS], {}, { lookups: [lookups] }));
const outsideFiles = (): string[] => readdirSync(outside).sort();

describe('outputlookup', () => {
  it.each(['../escape.csv', '/tmp/splq-escape.csv', 'sub/x.csv', '..', 'C:evil.csv', 'a\\b.csv', 'x\u0000.csv'])(
    'refuses the name %j (B502) and writes nothing',
    async (name) => {
      expect(await run(`* | outputlookup "${name}"`)).toBe('B502');
      expect(readdirSync(lookups)).toEqual([]);
      expect(outsideFiles()).toEqual(['secret.csv']);
    },
  );

  it('a definition filename with a path is reduced to its name and written inside', async () => {
    put(lookups, 'transforms.conf', '[def]\nfilename = ../outside/secret.csv\n');
    expect(await run('* | outputlookup def')).toBe('none');
    expect(readFileSync(join(lookups, 'secret.csv'), 'utf8')).toContain('alice');
    expect(readFileSync(join(outside, 'secret.csv'), 'utf8')).toBe('user,secret\nalice,hunter2\n');
  });

  it.each([['filename = ..'], ['collection = ../outside/secret']])('a definition with %s is refused (B504)', async (setting) => {
    put(lookups, 'transforms.conf', `[def]\n${setting}\n`);
    expect(await run('* | outputlookup def')).toBe('B504');
    expect(outsideFiles()).toEqual(['secret.csv']);
  });

  it('a symbolic link in the folder that leads outside is never written through (B508), append or not', async () => {
    symlinkSync(join(outside, 'secret.csv'), join(lookups, 'users.csv'));
    expect(await run('* | outputlookup users.csv')).toBe('B508');
    expect(await run('* | outputlookup append=true users.csv')).toBe('B508');
    expect(readFileSync(join(outside, 'secret.csv'), 'utf8')).toBe('user,secret\nalice,hunter2\n');
  });

  it('a link left at the temporary file name is removed, not written through', async () => {
    symlinkSync(join(outside, 'secret.csv'), join(lookups, `users.csv.${process.pid}.tmp`));
    expect(await run('* | outputlookup users.csv')).toBe('none');
    expect(readFileSync(join(outside, 'secret.csv'), 'utf8')).toBe('user,secret\nalice,hunter2\n');
    expect(readFileSync(join(lookups, 'users.csv'), 'utf8')).toContain('bob');
  });

  it('a link to a file inside the folder may be replaced', async () => {
    put(lookups, 'real.csv', 'user\nzed\n');
    symlinkSync(join(lookups, 'real.csv'), join(lookups, 'alias.csv'));
    expect(await run('* | outputlookup alias.csv')).toBe('none');
    expect(outsideFiles()).toEqual(['secret.csv']);
  });

  it('a lookups folder that is itself a link works', async () => {
    const linked = join(root, `linked-${n}`);
    symlinkSync(lookups, linked);
    const code = await failureCode(search('* | outputlookup t.csv', [EVENTS], {}, { lookups: [linked] }));
    expect(code).toBe('none');
    expect(existsSync(join(lookups, 't.csv'))).toBe(true);
  });
});

describe('inputlookup and lookup', () => {
  it.each(['../outside/secret.csv', join('/', 'etc', 'passwd'), 'sub/secret.csv', '..\\outside\\secret.csv'])(
    'refuse the name %j (B502)',
    async (name) => {
      expect(await run(`| inputlookup "${name}"`)).toBe('B502');
      expect(await run(`* | lookup "${name}" user OUTPUT secret`)).toBe('B502');
    },
  );

  it('a symbolic link in the folder that leads outside is refused (B508)', async () => {
    symlinkSync(join(outside, 'secret.csv'), join(lookups, 'users.csv'));
    expect(await run('| inputlookup users.csv')).toBe('B508');
    expect(await run('| inputlookup users')).toBe('B508');
    expect(await run('* | lookup users.csv user OUTPUT secret')).toBe('B508');
  });

  it('a definition naming a file outside reads only the folder (B501 when it is not there)', async () => {
    put(lookups, 'transforms.conf', '[def]\nfilename = ../outside/secret.csv\n');
    expect(await run('| inputlookup def')).toBe('B501');
    put(lookups, 'secret.csv', 'user,secret\nalice,inside\n');
    const r = await search('| inputlookup def', [EVENTS], {}, { lookups: [lookups] });
    expect(r.rows.map((x) => x.get('secret'))).toEqual(['inside']);
  });

  it('a link to a file inside the folder is read', async () => {
    put(lookups, 'real.csv', 'user,secret\nalice,linked\n');
    symlinkSync(join(lookups, 'real.csv'), join(lookups, 'alias.csv'));
    const r = await search('| inputlookup alias.csv', [EVENTS], {}, { lookups: [lookups] });
    expect(r.rows.map((x) => x.get('secret'))).toEqual(['linked']);
  });
});

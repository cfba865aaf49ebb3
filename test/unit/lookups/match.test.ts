// Matching rows of a lookup table (src/lookups/match.ts): exact via an index, WILDCARD and CIDR
// by scanning, file order, max_matches, case folding.
import { describe, expect, it } from 'vitest';
import type { MatchType } from '../../../src/lookups/definition.js';
import { compileMatcher } from '../../../src/lookups/match.js';
import { tableFromCsv } from '../../../src/lookups/table.js';

const rules = (types: Record<string, MatchType> = {}, caseSensitive = true, maxMatches = 100) => ({
  matchTypes: new Map(Object.entries(types)),
  caseSensitive,
  maxMatches,
});

describe('exact matching', () => {
  const table = tableFromCsv('user,host,role\nalice,h1,admin\nbob,h1,user\nalice,h2,dev\nAlice,h1,upper\n');

  it('returns every matching row in file order', () => {
    const m = compileMatcher(table, ['user'], rules());
    expect(m(['alice'])).toEqual([0, 2]);
    expect(m(['nobody'])).toEqual([]);
  });

  it('is case-sensitive unless case_sensitive_match is false', () => {
    expect(compileMatcher(table, ['user'], rules())(['ALICE'])).toEqual([]);
    expect(compileMatcher(table, ['user'], rules({}, false))(['ALICE'])).toEqual([0, 2, 3]);
  });

  it('needs every input field to match', () => {
    expect(compileMatcher(table, ['user', 'host'], rules())(['alice', 'h2'])).toEqual([2]);
  });

  it('keeps at most max_matches, the first in file order', () => {
    expect(compileMatcher(table, ['host'], rules({}, true, 2))(['h1'])).toEqual([0, 1]);
  });

  it('an empty cell matches nothing; a __mv_ cell matches any of its values', () => {
    const t = tableFromCsv('k,v,__mv_k\n,empty,\n"a\nb",both,$a$;$b$\n');
    const m = compileMatcher(t, ['k'], rules());
    expect([m(['']), m(['a']), m(['b'])]).toEqual([[], [1], [1]]);
  });
});

describe('WILDCARD matching', () => {
  const table = tableFromCsv('pattern,label\n*.exe,any exe\nc:\\windows\\*,windows dir\na.c,literal dot\n*,anything\nx*y*z,inner\n');
  const m = compileMatcher(table, ['pattern'], rules({ pattern: 'wildcard' }));

  it.each([
    ['cmd.exe', [0, 3]],
    ['.exe', [0, 3]],
    ['c:\\windows\\system32\\cmd.exe', [0, 1, 3]],
    ['abc', [3]],
    ['a.c', [2, 3]],
    ['xyz', [3, 4]],
    ['x--y--z', [3, 4]],
    ['', [3]],
  ])('%j matches rows %j', (value, rows) => {
    expect(m([value])).toEqual(rows);
  });

  it('folds case in patterns and values when case-insensitive', () => {
    const ci = compileMatcher(table, ['pattern'], rules({ pattern: 'wildcard' }, false));
    expect(ci(['CMD.EXE'])).toEqual([0, 3]);
    expect(m(['CMD.EXE'])).toEqual([3]);
  });

  it('combines with exact fields', () => {
    const t = tableFromCsv('host,path,tag\nh1,/tmp/*,tmp1\nh2,/tmp/*,tmp2\nh1,/var/*,var1\n');
    expect(compileMatcher(t, ['host', 'path'], rules({ path: 'wildcard' }))(['h1', '/tmp/x'])).toEqual([0]);
  });
});

describe('CIDR matching', () => {
  const table = tableFromCsv('net,zone\n10.1.0.0/16,lab\n10.0.0.0/8,internal\n192.168.1.5,printer\n2001:db8::/32,v6\nnot-an-ip,text\n0.0.0.0/0,all\n');
  const m = compileMatcher(table, ['net'], rules({ net: 'cidr' }));

  it.each([
    ['10.1.2.3', [0, 1, 5]],
    ['10.200.0.1', [1, 5]],
    ['192.168.1.5', [2, 5]],
    ['192.168.1.6', [5]],
    ['2001:db8:0:1::7', [3]],
    ['2001:db9::1', []],
    ['not-an-ip', [4]],
    ['hello', []],
  ])('%s matches rows %j', (value, rows) => {
    expect(m([value])).toEqual(rows);
  });

  it('stops at max_matches', () => {
    expect(compileMatcher(table, ['net'], rules({ net: 'cidr' }, true, 1))(['10.1.2.3'])).toEqual([0]);
  });
});

import { describe, expect, it } from 'vitest';
import { diffResults, groupFields } from '../../../src/compare/diff.js';
import { renderCompareJson, renderCompareText } from '../../../src/compare/render.js';
import { parse } from '../../../src/spl/parse.js';
import type { RenderedRow } from '../../../src/testing/judge.js';

const row = (o: Record<string, string | string[]>): RenderedRow => new Map(Object.entries(o));

describe('groupFields', () => {
  it.each([
    ['a | stats count by x y | eval z=1', ['x', 'y']],
    ['a | stats count by x | stats dc(x) as n by y', ['y']],
    ['a | top limit=5 ip by host', ['ip', 'host']],
    ['a | timechart count by host', ['_time']],
    ['a | stats count', []],
    ['a | eval z=1', []],
  ])('%s -> %j', (spl, fields) => {
    expect(groupFields(parse(spl))).toEqual(fields);
  });
});

describe('diffResults', () => {
  const base = [row({ ip: 'a', n: '1' }), row({ ip: 'b', n: '2' }), row({ ip: 'c', n: '3' })];

  it('by key: rows only in the base run, only with the override, changed, unchanged', () => {
    const override = [row({ ip: 'a', n: '1' }), row({ ip: 'c', n: '4', extra: 'x' }), row({ ip: 'd', n: '1' })];
    const d = diffResults(base, override, ['ip', 'absent']);
    expect(d.key).toEqual(['ip']);
    expect(d.onlyBase).toEqual([base[1]]);
    expect(d.onlyOverride).toEqual([override[2]]);
    expect(d.changed).toEqual([{ key: row({ ip: 'c' }), base: base[2], override: override[1], fields: ['n', 'extra'] }]);
    expect(d.unchanged).toBe(1);
  });

  it('without a key, whole rows: a changed event is one row out and one row in; duplicates pair up in order', () => {
    const again = row({ ip: 'a', n: '1' });
    const d = diffResults([...base, again], [row({ ip: 'a', n: '1' }), row({ ip: 'b', n: '9' })], []);
    expect(d.key).toEqual([]);
    expect(d.onlyBase).toEqual([base[1], base[2], again]);
    expect(d.onlyBase[2]).toBe(again);
    expect(d.onlyOverride).toEqual([row({ ip: 'b', n: '9' })]);
    expect(d.changed).toEqual([]);
    expect(d.unchanged).toBe(1);
  });

  it('renders text and JSON (field order kept, integer-like names too)', () => {
    // Built as Maps: an object literal would list the integer-like name first.
    const d = diffResults([new Map([['ip', 'a'], ['404', '1']])], [new Map([['ip', 'a'], ['404', '2']])], ['ip']);
    const runs = { baseResults: 1, overrideResults: 1, macros: [{ macro: 'f', base: null, override: '<--macro>:1 (cli)' }], diff: d };
    expect(renderCompareText(runs)).toContain('changed (1):\n  ~ ip="a"\n      404: "1" -> "2"\n');
    const json = renderCompareJson(runs);
    expect(JSON.parse(json)).toMatchObject({ key: ['ip'], base: { results: 1 }, changed: [{ fields: ['404'] }], unchanged: 0 });
    expect(json).toContain('"base":{"ip":"a","404":"1"}');
  });
});

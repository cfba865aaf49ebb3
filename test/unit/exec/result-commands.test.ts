/**
 * Choices the Search Reference leaves open for table, fields, dedup, head, tail, fillnull, top and
 * bin, pinned through the whole pipeline (golden cases hold the documented behaviour).
 */
import { describe, expect, it } from 'vitest';
import { runCase } from '../../helpers/run-case.js';
import type { GoldenCase } from '../../helpers/cases.js';

const T0 = 1705312800;

/** Rows of `spl` over events given newest first. */
async function run(spl: string, events: Record<string, unknown>[]) {
  return runTimed(spl, events.map((e, i) => [events.length - i, e]));
}

/** Rows of `spl` over events read in the order given, each at T0 + its offset in seconds. */
async function runTimed(spl: string, events: [number, Record<string, unknown>][]) {
  const c = {
    file: `unit/${spl}`, group: 'unit', description: spl, spl, now: '2024-06-01T00:00:00Z', tz: 'UTC', provenance: 'unit',
    events: events.map(([t, e]) => ({ time: T0 + t, event: e })),
    options: { sourcetype: 'test:json', source: 'test.json', host: 'h' },
  } as unknown as GoldenCase;
  return runCase(c);
}

describe('events read out of time order still meet the commands newest first', () => {
  // Reading order 3, 1, 4, 2 (seconds); same-second events keep their reading order.
  const events: [number, Record<string, unknown>][] = [[3, { id: 'c', k: 'x' }], [1, { id: 'a', k: 'x' }], [4, { id: 'd', k: 'y' }], [2, { id: 'b', k: 'x' }], [4, { id: 'd2', k: 'x' }]];
  const ids = async (spl: string) => (await runTimed(spl, events)).rows!.map((r) => r.id);
  it('head N', async () => expect(await ids('* | head 3 | table id')).toEqual(['d', 'd2', 'c']));
  it('head (expr)', async () => expect(await ids('* | head (k="x" OR id="d") | table id')).toEqual(['d', 'd2', 'c', 'b', 'a']));
  it('tail N', async () => expect(await ids('* | tail 2 | table id')).toEqual(['a', 'b']));
  it('sort ties', async () => expect(await ids('* | sort k | table id')).toEqual(['d2', 'c', 'b', 'a', 'd']));
  it('sort N ties', async () => expect(await ids('* | sort 2 k | table id')).toEqual(['d2', 'c']));
  it('dedup', async () => expect(await ids('* | dedup k | table id')).toEqual(['d', 'd2']));
  it('fields - _time', async () => expect(await ids('* | fields - _time | table id')).toEqual(['d', 'd2', 'c', 'b', 'a']));
});

describe('top and rare', () => {
  it('break ties in byte order of the values', async () => {
    const out = await run('* | top user', [{ user: 'b' }, { user: 'a' }, { user: 'B' }]);
    expect(out.rows!.map((r) => r.user)).toEqual(['B', 'a', 'b']);
  });
  it('count every value of a multivalue field', async () => {
    const out = await run('* | top t{} showperc=f', [{ t: ['x', 'y'] }, { t: ['x'] }]);
    expect(out.rows).toEqual([{ 't{}': 'x', count: '2' }, { 't{}': 'y', count: '1' }]);
  });
  it('percentfield and otherstr rename their parts', async () => {
    const out = await run('* | top 1 user useother=t otherstr=rest percentfield=pc showcount=f', [{ user: 'a' }, { user: 'a' }, { user: 'b' }]);
    expect(out.rows).toEqual([{ user: 'a', pc: '66.666667' }, { user: 'rest', pc: '33.333333' }]);
    expect(out.fields).toEqual(['user', 'pc']);
  });
});

describe('fields and table', () => {
  it('fields orders the columns of a table, unlisted internal fields first', async () => {
    const out = await run('* | stats count by user | eval _x=1 | fields count user', [{ user: 'a' }]);
    expect(out.fields).toEqual(['_x', 'count', 'user']);
  });
  it('fields - * keeps the internal fields', async () => {
    const out = await run('* | fields - * | table _time', [{ user: 'a' }]);
    expect(out.rows).toEqual([{ _time: '2024-01-15T10:00:01.000+00:00' }]);
  });
  it('table * includes internal fields, in name order', async () => {
    const out = await run('* | table _* user', [{ user: 'a' }]);
    expect(out.fields!.slice(0, 2)).toEqual(['_raw', '_time']);
  });
});

describe('dedup', () => {
  it('consecutive runs keep N each', async () => {
    const out = await run('* | dedup 2 s consecutive=t | table s', [{ s: 'a' }, { s: 'a' }, { s: 'a' }, { s: 'b' }, { s: 'a' }]);
    expect(out.rows!.map((r) => r.s)).toEqual(['a', 'a', 'b', 'a']);
  });
  it('numbers and their text are the same value', async () => {
    const out = await run('* | eval k=if(isnull(m), 1, n) | dedup k | table n m', [{ n: '1' }, { n: '1', m: 'x' }]);
    expect(out.rows).toEqual([{ n: '1' }]);
  });
  it('rejects a count of 0', async () => {
    expect((await run('* | dedup 0 s', [{ s: 'a' }])).error?.code).toBe('B202');
  });
});

describe('head, tail, fillnull, bin', () => {
  it('head 0 and tail 0 return nothing', async () => {
    expect((await run('* | head 0', [{ a: '1' }])).rows).toEqual([]);
    expect((await run('* | tail 0', [{ a: '1' }])).rows).toEqual([]);
  });
  it('fillnull with a wildcard fills the matching fields of the result set', async () => {
    const out = await run('* | fillnull value=- c* | table a count_x count_y', [{ a: '1', count_x: '2' }, { count_y: '3' }]);
    expect(out.rows).toEqual([{ a: '1', count_x: '2', count_y: '-' }, { count_x: '-', count_y: '3' }]);
  });
  it('bin leaves values that are not numbers alone', async () => {
    const out = await run('* | bin span=10 v | table v', [{ v: 'n/a' }, { v: '12' }]);
    expect(out.rows).toEqual([{ v: 'n/a' }, { v: '10-20' }]);
  });
  it('bin bins=N without span on _time picks a nice span from the data range', async () => {
    const out = await run('* | bin bins=1 _time | table _time', [{}, {}]);
    expect(out.rows!.map((r) => r._time)).toEqual(['2024-01-15T10:00:00.000+00:00', '2024-01-15T10:00:00.000+00:00']);
  });
  it('aligntime=earliest is refused at bind time', async () => {
    expect((await run('* | bin span=1h aligntime=earliest _time', [{}])).error).toEqual({ code: 'B205', at: 'aligntime=earliest' });
  });
});

/**
 * The stats function registry against spec 03 T2, T4-T15: one case per documented example, with
 * the exact digits Splunk prints, plus order independence and partial-aggregate merging.
 */
import { describe, expect, test } from 'vitest';
import type { FieldValue, Scalar } from '../../src/data/event.js';
import { AGGREGATIONS, lookupAggregation, type Accumulator } from '../../src/stats/aggregations.js';

type Value = Scalar | readonly Scalar[];
/** One input result: the field's value and its order key. */
interface Ev {
  readonly v: Value;
  readonly time: number;
  readonly seq: number;
}

/** Results in row order (time 0, increasing seq), as after a transforming command. */
function rows(values: readonly Value[]): Ev[] {
  return values.map((v, seq) => ({ v, time: 0, seq }));
}

function create(name: string): Accumulator {
  const found = lookupAggregation(name);
  if (found === undefined) throw new Error(`unknown aggregation ${name}`);
  return found.spec.create(found.param);
}

function feed(acc: Accumulator, events: readonly Ev[]): Accumulator {
  for (const e of events) acc.add(Array.isArray(e.v) ? e.v : [e.v as Scalar], { time: e.time, seq: e.seq });
  return acc;
}

function aggregate(name: string, events: readonly Ev[]): FieldValue | undefined {
  return feed(create(name), events).result();
}

/** A deterministic shuffle (Park-Miller), so failures reproduce. */
function shuffle<T>(items: readonly T[], seed = 7): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 16807) % 2147483647;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const repeat = (v: string, n: number): string[] => Array.from({ length: n }, () => v);
const TEMPS = rows(['65', '42', '40', '31', '47', '53', '64']);
const Y = rows(['10', '9', '8', '7', '6', '5', '4', '3', '2', '1']);
const VISITORS = rows(['0', '212', '579', '1068', '1692', '2301', '2793', '3306', '3673', '4010']);

// T13's events, newest first as a plain search returns them; seq is the ingestion order.
const T13 = [
  { v: 'b', time: 300, seq: 2 },
  { v: 'a', time: 200, seq: 1 },
  { v: 'c', time: 100, seq: 0 },
];

const cases: [string, string, readonly Ev[], FieldValue | undefined][] = [
  ['T4 avg ignores non-numeric', 'avg', rows(['25', '39', '31', 'test']), 31.666666666666668],
  ['T4 dc counts strings', 'dc', rows(['25', '39', '31', 'test']), 4],
  ['T4 sum ignores non-numeric', 'sum', rows(['1', 'x', '2']), 3],
  ['T5 count(x) counts results with x', 'count', rows(['a', 'b']), 2],
  ['T5 count(x) counts every value of a multivalue', 'count', rows([['a', 'b', 'c'], 'd']), 4],
  ['T5 c is count', 'c', rows(['a', 'b']), 2],
  ['T6 dc: 1, 1.0, 01 are distinct', 'dc', rows(['1', '1.0', '01', '1']), 3],
  ['T6 distinct_count is dc', 'distinct_count', rows(['1', '1.0', '01', '1']), 3],
  ['T6 dc is case-sensitive', 'dc', rows(['Bob', 'bob']), 2],
  ['T6 estdc is exact', 'estdc', rows(['1', '1.0', '01', '1']), 3],
  ['T6 estdc_error is 0', 'estdc_error', rows(['1', '2']), 0],
  ['T7 avg of 100 x 3.99', 'avg', rows(repeat('3.99', 100)), 3.9900000000000055],
  ['T7 avg of 10000 x 3.99', 'avg', rows(repeat('3.99', 10000)), 3.990000000000215],
  ['T7 sum', 'sum', rows(['1', '2']), 3],
  ['T7 avg', 'avg', rows(['1', '2']), 1.5],
  ['T7 range', 'range', rows(['1', '2']), 1],
  ['T7 sum of a multivalue adds every value', 'sum', rows([['1', '2'], '3']), 6],
  ['T7 no numeric value: absent', 'avg', rows(['x', 'y']), undefined],
  ['T8 numeric min', 'min', rows(['10', '9', '100']), '9'],
  ['T8 numeric max', 'max', rows(['10', '9', '100']), '100'],
  ['T8 mixed min is the smallest number', 'min', rows(['10', '9', 'abc']), '9'],
  ['T8 mixed max is the greatest string', 'max', rows(['10', '9', 'abc']), 'abc'],
  ['T8 text min: upper case first', 'min', rows(['b', 'B', 'a']), 'B'],
  ['T8 text max', 'max', rows(['b', 'B', 'a']), 'b'],
  ['T8 keeps the original text', 'max', rows(['1.50', '01']), '1.50'],
  ['T8 computed numbers compare numerically', 'max', rows([10, 9, 100]), 100],
  ['T9 mean', 'mean', TEMPS, 48.857142857142854],
  ['T9 sumsq', 'sumsq', TEMPS, 17664],
  ['T9 stdev', 'stdev', TEMPS, 12.615183595289349],
  ['T9 stdev of one value', 'stdev', rows(['4.2']), 0],
  ['T9 var of one value', 'var', rows(['4.2']), 0],
  ['T9 var', 'var', rows(['2', '4', '4', '4', '5', '5', '7', '9']), 32 / 7],
  ['T9 varp', 'varp', rows(['2', '4', '4', '4', '5', '5', '7', '9']), 4],
  ['T9 stdevp', 'stdevp', rows(['2', '4', '4', '4', '5', '5', '7', '9']), 2],
  ['T9 equal values never give nan', 'stdev', rows(repeat('0.1', 3)), 0],
  ['T10 perc50', 'perc50', Y, 5.5],
  ['T10 perc95', 'perc95', Y, 9.55],
  ['T10 perc50 visitors', 'perc50', VISITORS, 1996.5],
  ['T10 perc95 visitors', 'perc95', VISITORS, 3858.35],
  ['T10 p95 is perc95', 'p95', Y, 9.55],
  ['T10 exactperc95', 'exactperc95', Y, 9.55],
  ['T10 upperperc95', 'upperperc95', Y, 9.55],
  ['T10 fractional percentile', 'exactperc99.5', VISITORS, 3994.835],
  ['T10 median, odd count', 'median', rows(['5', '1', '9', 'x', '3', '7']), 5],
  ['T10 perc100 is the maximum', 'perc100', rows(['5', '1', '9']), 9],
  ['T10 perc0 is the minimum', 'perc0', rows(['5', '1', '9']), 1],
  ['T11 mode', 'mode', rows(['32', '45', '29', '45', '37']), '45'],
  ['T11 mode tie: first seen', 'mode', rows(['b', 'a', 'a', 'b', 'c']), 'b'],
  ['T11 mode tie by order, not arrival', 'mode', [{ v: 'x', time: 1, seq: 0 }, { v: 'y', time: 5, seq: 1 }], 'y'],
  ['T12 first', 'first', rows(['p', 'q', 'r']), 'p'],
  ['T12 last', 'last', rows(['p', 'q', 'r']), 'r'],
  ['T12 first keeps a whole multivalue', 'first', rows([['p', 'q'], 'r']), ['p', 'q']],
  ['T13 first', 'first', T13, 'b'],
  ['T13 last', 'last', T13, 'c'],
  ['T13 earliest', 'earliest', T13, 'c'],
  ['T13 latest', 'latest', T13, 'b'],
  ['T13 earliest_time', 'earliest_time', T13, 100],
  ['T13 latest_time', 'latest_time', T13, 300],
  ['T13 list', 'list', T13, ['b', 'a', 'c']],
  ['T13 values', 'values', T13, ['a', 'b', 'c']],
  ['T13 earliest tie: first in order', 'earliest', [{ v: 'm', time: 5, seq: 4 }, { v: 'n', time: 5, seq: 3 }], 'n'],
  ['T13 latest tie: first in order', 'latest', [{ v: 'm', time: 5, seq: 4 }, { v: 'n', time: 5, seq: 3 }], 'n'],
  ['T14 values sorted by bytes', 'values', rows(['10', '9', '100', '9']), ['10', '100', '9']],
  ['T14 values: upper case first', 'values', rows(['b', 'B', 'a']), ['B', 'a', 'b']],
  ['T14 list keeps duplicates and multivalues', 'list', rows(['10', ['9', '100'], '9']), ['10', '9', '100', '9']],
  ['rate', 'rate', [{ v: '30', time: 20, seq: 1 }, { v: '10', time: 10, seq: 0 }], 2],
  ['rate needs two times', 'rate', [{ v: '30', time: 20, seq: 1 }], undefined],
];

describe('stats aggregations: spec 03 examples', () => {
  test.each(cases)('%s: %s', (_rule, name, events, expected) => {
    expect(aggregate(name, events)).toEqual(expected);
  });

  test.each(cases)('%s: %s, inputs shuffled', (_rule, name, events, expected) => {
    // Summation order changes sums' last digits; T7's repeated values make them order-free.
    expect(aggregate(name, shuffle(events))).toEqual(expected);
  });

  test.each(['first', 'last', 'earliest', 'latest', 'mode', 'list', 'min'])('%s: a reused one-value buffer', (name) => {
    const acc = create(name);
    const buffer: Scalar[] = ['kept'];
    acc.add(buffer, { time: 0, seq: 0 });
    buffer[0] = 'overwritten';
    expect(acc.result()).toEqual(name === 'list' ? ['kept'] : 'kept');
  });

  test('T5 count without an argument counts results', () => {
    const acc = create('count');
    for (let seq = 0; seq < 3; seq++) acc.add([], { time: 0, seq });
    expect(acc.result()).toBe(3);
  });
});

describe('T2 empty input without BY', () => {
  const zero = new Set(['count', 'dc', 'estdc']);
  test.each(Object.keys(AGGREGATIONS))('%s', (name) => {
    const spec = AGGREGATIONS[name as keyof typeof AGGREGATIONS];
    expect(spec.create(50).result()).toBe(zero.has(name) ? 0 : undefined);
  });
});

describe('T14 list_maxsize', () => {
  const events = Array.from({ length: 250 }, (_, i) => ({ v: `v${i}`, time: 1000 - i, seq: i }));
  const first100 = events.slice(0, 100).map((e) => e.v);

  test.each([
    ['in order', events],
    ['reversed', [...events].reverse()],
    ['shuffled', shuffle(events)],
  ])('%s: the first 100 in order', (_label, input) => {
    expect(aggregate('list', input)).toEqual(first100);
  });

  test('a multivalue straddling the cap contributes its first values', () => {
    const input = [...rows(repeat('x', 99)), { v: ['a', 'b', 'c'], time: 0, seq: 99 }];
    expect((aggregate('list', shuffle(input)) as string[]).slice(98)).toEqual(['x', 'a']);
  });
});

describe('T15 only count may omit its argument', () => {
  test.each(Object.entries(AGGREGATIONS))('%s', (name, spec) => {
    expect(spec.needsArg).toBe(name === 'count' ? 'optional' : true);
  });
});

describe('lookupAggregation', () => {
  test.each([
    ['count', 'count', undefined],
    ['c', 'count', undefined],
    ['distinct_count', 'dc', undefined],
    ['mean', 'avg', undefined],
    ['median', 'perc', 50],
    ['perc95', 'perc', 95],
    ['p95', 'perc', 95],
    ['exactperc99.5', 'exactperc', 99.5],
    ['upperperc95', 'upperperc', 95],
    ['earliest_time', 'earliest_time', undefined],
  ])('%s -> %s(%s)', (name, canonical, param) => {
    const found = lookupAggregation(name);
    expect(found?.spec.name).toBe(canonical);
    expect(found?.param).toBe(param);
  });

  test.each(['perc', 'p', 'perc101', 'perc-5', 'percx', 'average', 'toString', '__proto__'])('%s is unknown', (name) => {
    expect(lookupAggregation(name)).toBeUndefined();
  });

  test('order-sensitive functions are flagged', () => {
    const flagged = Object.values(AGGREGATIONS).filter((s) => s.orderSensitive).map((s) => s.name);
    expect(flagged.sort()).toEqual(
      ['earliest', 'earliest_time', 'first', 'last', 'latest', 'latest_time', 'list', 'mode', 'rate'].sort(),
    );
  });
});

// Mixed inputs: integers (so partial sums are exact), text, multivalues, duplicates, tied times.
const MIXED: Ev[] = [
  { v: '5', time: 50, seq: 0 },
  { v: 'abc', time: 40, seq: 1 },
  { v: ['3', '12'], time: 40, seq: 2 },
  { v: '-7', time: 90, seq: 3 },
  { v: '5', time: 10, seq: 4 },
  { v: 'B', time: 70, seq: 5 },
  { v: ['abc', '0'], time: 70, seq: 6 },
  { v: '12', time: 20, seq: 7 },
  { v: '08', time: 60, seq: 8 },
  { v: 'B', time: 30, seq: 9 },
  ...Array.from({ length: 120 }, (_, i) => ({ v: String(i % 17), time: 200 - i, seq: 10 + i })),
];

const PERCENTILES = ['perc50', 'p95', 'exactperc99.5', 'upperperc10'];
const MERGED_NAMES = [...Object.keys(AGGREGATIONS).filter((n) => !n.includes('perc')), ...PERCENTILES];

describe('merge equals a single pass', () => {
  test.each(MERGED_NAMES)('%s, every split point', (name) => {
    const expected = aggregate(name, MIXED);
    for (const at of [0, 1, 3, 7, 50, MIXED.length]) {
      const a = feed(create(name), MIXED.slice(0, at));
      a.merge(feed(create(name), MIXED.slice(at)));
      expect(a.result(), `split at ${at}`).toEqual(expected);
    }
  });

  test.each(MERGED_NAMES)('%s, shuffled inputs, later half merged first', (name) => {
    const expected = aggregate(name, MIXED);
    const input = shuffle(MIXED, 11);
    const half = input.length >> 1;
    const a = feed(create(name), input.slice(half));
    a.merge(feed(create(name), input.slice(0, half)));
    expect(a.result()).toEqual(expected);
  });

  test.each(MERGED_NAMES)('%s, three partitions', (name) => {
    const expected = aggregate(name, MIXED);
    const parts = [0, 1, 2].map((k) => MIXED.filter((_, i) => i % 3 === k));
    const [a, b, c] = parts.map((p) => feed(create(name), p));
    b.merge(c);
    a.merge(b);
    expect(a.result()).toEqual(expected);
  });

  test('merging an empty accumulator changes nothing', () => {
    for (const name of MERGED_NAMES) {
      const a = feed(create(name), MIXED);
      a.merge(create(name));
      expect(a.result(), name).toEqual(aggregate(name, MIXED));
    }
  });
});

describe('lookupAggregation case', () => {
  // Splunk runs security_content's `stats ... Values(OpCode)`: function names are case-insensitive.
  test.each([['Values', 'values'], ['COUNT', 'count'], ['DC', 'dc'], ['Perc95', 'perc']])('%s resolves to %s', (written, name) => {
    expect(lookupAggregation(written)?.spec.name).toBe(name);
  });
});

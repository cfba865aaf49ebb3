/** The sort comparator (spec 03 T18) and the bounded buffer of `sort N`. */
import { describe, expect, it } from 'vitest';
import type { FieldValue, Row } from '../../../src/data/event.js';
import { compareAuto, compileSortComparator, ipNumber, valueComparator } from '../../../src/commands/shared/sort-compare.js';
import { sortingSink } from '../../../src/commands/sort.js';
import type { SortKey } from '../../../src/spl/commands/index.js';

const span = { start: 0, end: 0 };
const key = (field: string, descending = false, type: SortKey['type'] = null): SortKey => ({ span, field, descending, type });
const row = (fields: Record<string, FieldValue>, seq = 0): Row => ({ fields: new Map(Object.entries(fields)), seq });

describe('compareAuto: numbers numerically, else bytes, per pair', () => {
  it.each([
    ['9', '10', -1],
    ['10', '9', 1],
    ['1.5', '1.50', 0],
    [' 2 ', '10', -1],
    ['10', 'abc', -1],
    ['B', 'a', -1],
    ['abc', 'abd', -1],
    [100, '9', 1],
  ] as const)('%j vs %j', (a, b, sign) => {
    expect(Math.sign(compareAuto(a, b))).toBe(sign);
  });
});

describe('forced types', () => {
  it('str() compares text even for numbers', () => {
    expect(Math.sign(valueComparator('str')('10', '9'))).toBe(-1);
  });
  it('num() puts numbers before words, words in byte order', () => {
    const values = ['b', '10', 'a', '9'];
    expect(values.sort(valueComparator('num'))).toEqual(['9', '10', 'a', 'b']);
  });
  it('ip() orders addresses by their numbers, others after', () => {
    const values = ['10.0.0.10', 'host', '9.255.0.1', '10.0.0.9'];
    expect(values.sort(valueComparator('ip'))).toEqual(['9.255.0.1', '10.0.0.9', '10.0.0.10', 'host']);
    expect(ipNumber('256.1.1.1')).toBeUndefined();
    expect(ipNumber('1.2.3.4')).toBe(16909060);
  });
});

describe('compileSortComparator', () => {
  it('puts a missing field last in both directions', () => {
    const rows = [row({ n: '2' }), row({}), row({ n: '1' })];
    const names = (rs: Row[]) => rs.map((r) => r.fields.get('n') ?? '-');
    expect(names([...rows].sort(compileSortComparator([key('n')])))).toEqual(['1', '2', '-']);
    expect(names([...rows].sort(compileSortComparator([key('n', true)])))).toEqual(['2', '1', '-']);
  });
  it('sorts a multivalue field by its first value', () => {
    const rows = [row({ v: ['b', 'a'] }), row({ v: 'a' }), row({ v: ['a', 'z'] })];
    const sorted = [...rows].sort(compileSortComparator([key('v')])).map((r) => r.fields.get('v'));
    expect(sorted).toEqual(['a', ['a', 'z'], ['b', 'a']]);
  });
  it('reverse (desc) flips every key but keeps missing values last', () => {
    const rows = [row({ a: '1', b: '1' }), row({ a: '1', b: '2' }), row({ a: '2' }), row({ b: '9' })];
    const sorted = [...rows].sort(compileSortComparator([key('a'), key('b')], true));
    expect(sorted.map((r) => `${r.fields.get('a') ?? '-'}${r.fields.get('b') ?? '-'}`)).toEqual(['2-', '12', '11', '-9']);
  });
});

describe('sortingSink keeps only the best N and stays stable', () => {
  it('gives the same rows as a full stable sort, across buffer cuts', () => {
    const input = Array.from({ length: 57 }, (_, i) => row({ k: String((i * 7) % 5), i: String(i) }, i));
    const compare = compileSortComparator([key('k')]);
    const expected = [...input].sort(compare).slice(0, 4).map((r) => r.fields.get('i'));
    const out: Row[] = [];
    const sink = sortingSink(compare, 4, { push: (r) => out.push(r), end: () => undefined });
    input.forEach((r) => sink.push(r));
    sink.end();
    expect(out.map((r) => r.fields.get('i'))).toEqual(expected);
    expect(out.map((r) => r.seq)).toEqual([0, 1, 2, 3]);
  });
  it('limit 0 keeps everything', () => {
    const out: Row[] = [];
    const sink = sortingSink(compileSortComparator([key('k', true)]), 0, { push: (r) => out.push(r), end: () => undefined });
    for (let i = 0; i < 30; i++) sink.push(row({ k: String(i) }, i));
    sink.end();
    expect(out).toHaveLength(30);
    expect(out[0]!.fields.get('k')).toBe('29');
  });
});

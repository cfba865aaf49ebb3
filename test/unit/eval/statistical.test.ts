/**
 * Statistical eval functions (avg, max, min, random) through the real parser and compiler, one row
 * per documented example plus null, multivalue and bind-time error cases (docs/eval/statistical.md).
 */
import { describe, expect, test } from 'vitest';
import { evaluate, bindError, type EvalCase } from './helpers.js';

type Case = EvalCase;

// https://help.splunk.com/splunk-enterprise/spl-search-reference/10.0/evaluation-functions/statistical-eval-functions
const CASES: readonly Case[] = [
  { doc: 'avg: example 1, x = 7, c absent', expr: 'avg(a, b, c)', fields: { a: 5, b: '9' }, expected: 7 },
  { doc: 'avg: example 2, avg(1, 2, 3) returns 2', expr: 'avg(1, 2, 3)', expected: 2 },
  { doc: 'avg: example 2, with tonumber("3")', expr: 'avg(1, 2, tonumber("3"))', expected: 2 },
  { doc: 'avg: example 3, a field with text "1"', expr: 'avg(a, 2, 3)', fields: { a: '1' }, expected: 2 },
  { doc: 'avg: example 4, "somedata" is skipped: 2.5', expr: 'avg(a, 2, 3)', fields: { a: 'somedata' }, expected: 2.5 },
  { doc: 'avg: each value of a multivalue field', expr: 'avg(mv)', fields: { mv: ['1', '2', '6'] }, expected: 3 },
  { doc: 'max: name "baz" -> "foo"', expr: 'max(1, 3, 6, 7, "foo", name)', fields: { name: 'baz' }, expected: 'foo' },
  { doc: 'max: name "zaz" -> "zaz"', expr: 'max(1, 3, 6, 7, "foo", name)', fields: { name: 'zaz' }, expected: 'zaz' },
  { doc: 'max: maximum of a multivalue field is 6', expr: 'max(n)', fields: { n: ['1', '3', '5', '6', '4', '2'] }, expected: '6' },
  { doc: 'min: size 9 -> 3', expr: 'min(3, 6, 7, "maria", size)', fields: { size: '9' }, expected: 3 },
  { doc: 'min: size 1 -> 1', expr: 'min(3, 6, 7, "maria", size)', fields: { size: '1' }, expected: '1' },
  { doc: 'min: minimum of a multivalue field is 2', expr: 'min(n)', fields: { n: ['3', '5', '6', '4', '7', '2'] }, expected: '2' },
  { doc: 'max: derived, numbers compare as numbers', expr: 'max(x, 9)', fields: { x: '10' }, expected: '10' },
  { doc: 'max: derived, absent arguments are skipped', expr: 'max(missing, 2, 1)', expected: 2 },
  { doc: 'min: derived, only strings compare in byte order', expr: 'min("b", "B", "a")', expected: 'B' },
];

describe('statistical eval functions', () => {
  test.each(CASES)('$doc: $expr', ({ expr, fields, expected }) => {
    expect(evaluate(expr, fields)).toEqual(expected);
  });

  test('random: an integer from 0 to 2^31-1', () => {
    for (let i = 0; i < 50; i++) {
      const n = evaluate('random()') as number;
      expect(Number.isInteger(n) && n >= 0 && n <= 2 ** 31 - 1).toBe(true);
    }
  });

  test('random: (random() % 100000) + 1 is between 1 and 100000', () => {
    const n = evaluate('(random() % 100000) + 1') as number;
    expect(n >= 1 && n <= 100000).toBe(true);
  });

  test.each([
    ['avg(missing)', null],
    ['avg(word)', null],
    ['max(missing)', null],
    ['min(missing, nothing)', null],
  ])('%s -> %j', (expr, expected) => {
    expect(evaluate(expr, { word: 'abc' })).toEqual(expected);
  });
});


describe('statistical eval functions: bind-time errors', () => {
  test.each([
    ['avg()', 'B102'],
    ['max()', 'B102'],
    ['min()', 'B102'],
    ['random(1)', 'B102'],
    ['avg(1, 2, "3")', 'B103'],
    ['avg("somedata", 2, 3)', 'B103'],
  ])('%s -> %s', (expr, code) => {
    expect(bindError(expr)).toBe(code);
  });
});

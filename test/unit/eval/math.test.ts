/**
 * Mathematical functions through the real parser and compiler, one row per documented example plus
 * null, multivalue and bind-time error cases (docs/eval/math.md).
 */
import { describe, expect, test } from 'vitest';
import { evaluate, bindError, type EvalCase } from './helpers.js';

type Case = EvalCase;

// https://help.splunk.com/splunk-enterprise/spl-search-reference/10.0/evaluation-functions/mathematical-functions
const CASES: readonly Case[] = [
  { doc: 'abs: absolute value of number', expr: 'abs(number)', fields: { number: '-5.5' }, expected: 5.5 },
  { doc: 'ceiling: ceil(1.9) returns 2', expr: 'ceil(1.9)', expected: 2 },
  { doc: 'ceiling: full name', expr: 'ceiling(1.1)', expected: 2 },
  { doc: 'exact: 3.14 * num', expr: 'exact(3.14 * num)', fields: { num: '2' }, expected: 6.28 },
  { doc: 'exp: exp(3) returns e^3', expr: 'exp(3)', expected: Math.exp(3) },
  { doc: 'floor: floor(1.9) returns 1', expr: 'floor(1.9)', expected: 1 },
  { doc: 'ln: natural logarithm of bytes', expr: 'ln(bytes)', fields: { bytes: '100' }, expected: Math.log(100) },
  { doc: 'log: log(number,2)', expr: 'log(number,2)', fields: { number: '8' }, expected: 3 },
  { doc: 'log: base 10 when omitted', expr: 'log(1000)', expected: 3 },
  { doc: 'pi: "to 11 digits of precision"', expr: 'pi()', expected: 3.14159265359 },
  { doc: 'pow: area of a circle', expr: 'pi()*pow(radius,2)', fields: { radius: '2' }, expected: 3.14159265359 * 4 },
  { doc: 'round: round(3.5) returns 4', expr: 'round(3.5)', expected: 4 },
  { doc: 'round: round(2.555, 2) returns 2.56', expr: 'round(2.555, 2)', expected: 2.56 },
  { doc: 'round: derived, half away from zero', expr: 'round(-3.5)', expected: -4 },
  { doc: 'round: derived, below half', expr: 'round(-2.449, 1)', expected: -2.4 },
  { doc: 'round: derived, places past the digits', expr: 'round(1.5, 4)', expected: 1.5 },
  { doc: 'sigfig: sigfig(1.00*1111) returns 1110', expr: 'sigfig(1.00*1111)', expected: 1110 },
  { doc: 'sigfig: 123.0 + 4.567 returns 127.6', expr: 'sigfig(123.0 + 4.567)', expected: 127.6 },
  { doc: 'sigfig: example 2, new_test=sigfig(test*1.00)', expr: 'sigfig(test*1.00)', fields: { test: 3.990000000000215 }, expected: 3.99 },
  { doc: 'sigfig: derived, field text keeps its precision', expr: 'sigfig(a*b)', fields: { a: '2.0', b: '3.14159' }, expected: 6.3 },
  { doc: 'sigfig: derived, division uses the fewest figures', expr: 'sigfig(10.0/3)', expected: 3 },
  { doc: 'sigfig: derived, subtraction uses the fewest decimal places', expr: 'sigfig(x - 0.25)', fields: { x: '10.5' }, expected: 10.3 },
  { doc: 'sigfig: derived, a lone value is unchanged', expr: 'sigfig(x)', fields: { x: '1234.5678' }, expected: 1234.5678 },
  { doc: 'sqrt: sqrt(9) returns 3', expr: 'sqrt(9)', expected: 3 },
  { doc: 'sum: example 1, c is absent and not included', expr: 'sum(a, b, c)', fields: { a: 5, b: '9' }, expected: 14 },
  { doc: 'sum: example 2, sum(1, 2, 3) returns 6', expr: 'sum(1, 2, 3)', expected: 6 },
  { doc: 'sum: example 2, tonumber("3") makes it a number', expr: 'sum(1, 2, tonumber("3"))', expected: 6 },
  { doc: 'sum: example 3, a field with text "1"', expr: 'sum(a, 2, 3)', fields: { a: '1' }, expected: 6 },
  { doc: 'sum: example 4, a field with text "somedata" is skipped', expr: 'sum(a, 2, 3)', fields: { a: 'somedata' }, expected: 5 },
  { doc: 'sum: each numeric value of a multivalue field', expr: 'sum(mv, 1)', fields: { mv: ['1', 'x', '2.5'] }, expected: 4.5 },
  { doc: 'sqrt: derived, not a number is null', expr: 'sqrt(-1)', expected: null },
  { doc: 'abs: derived, text that is not a number is null', expr: 'abs(x)', fields: { x: 'abc' }, expected: null },
  { doc: 'pow: derived, 2^10', expr: 'pow(2, 10)', expected: 1024 },
];

describe('mathematical functions', () => {
  test.each(CASES)('$doc: $expr', ({ expr, fields, expected }) => {
    expect(evaluate(expr, fields)).toEqual(expected);
  });
});

describe('mathematical functions: null and multivalue inputs', () => {
  test.each([
    ['abs(missing)', null],
    ['ceil(missing)', null],
    ['floor(missing)', null],
    ['exp(missing)', null],
    ['ln(missing)', null],
    ['log(missing, 2)', null],
    ['log(8, missing)', null],
    ['pow(missing, 2)', null],
    ['round(missing)', null],
    ['round(2.5, missing)', null],
    ['round(2.5, p)', null],
    ['sigfig(missing * 1.0)', null],
    ['sqrt(missing)', null],
    ['exact(missing)', null],
    ['sum(missing)', null],
    ['abs(mv)', 4],
    ['round(mv)', -4],
  ])('%s -> %j', (expr, expected) => {
    expect(evaluate(expr, { mv: ['-4', '9'], p: '-1' })).toEqual(expected);
  });
});


describe('mathematical functions: bind-time errors', () => {
  test.each([
    ['abs()', 'B102'],
    ['ceil(1, 2)', 'B102'],
    ['log()', 'B102'],
    ['log(1, 2, 3)', 'B102'],
    ['pi(1)', 'B102'],
    ['pow(2)', 'B102'],
    ['round(1, 2, 3)', 'B102'],
    ['sigfig()', 'B102'],
    ['sum()', 'B102'],
    ['round(2.5, -1)', 'B103'],
    ['abs("abc")', 'B103'],
    ['pow("2", 2)', 'B103'],
    ['sum(1, 2, "3")', 'B103'],
    ['sum("somedata", 2, 3)', 'B103'],
    ['sigfig("1.0")', 'B103'],
  ])('%s -> %s', (expr, code) => {
    expect(bindError(expr)).toBe(code);
  });
});

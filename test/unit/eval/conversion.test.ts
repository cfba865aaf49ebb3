/**
 * Conversion functions (tonumber, tostring, ipmask, toint, todouble) through the real parser and
 * compiler, one row per documented example plus null, multivalue and bind-time error cases
 * (docs/eval/conversion.md). printf is tested with the text functions.
 */
import { describe, expect, test } from 'vitest';
import { evaluate, bindError, type EvalCase } from './helpers.js';

type Case = EvalCase;

// https://help.splunk.com/splunk-enterprise/spl-search-reference/10.0/evaluation-functions/conversion-functions
// https://help.splunk.com/splunk-enterprise/spl-search-reference/10.0/search-commands/eval (example 9, commas)
const CASES: readonly Case[] = [
  { doc: 'tonumber: store_sales text to a number', expr: 'tonumber(store_sales)', fields: { store_sales: '12.50' }, expected: 12.5 },
  { doc: 'tonumber: "0A4" in base 16 is 164', expr: 'tonumber("0A4",16)', expected: 164 },
  { doc: 'tonumber: binary "0101" is 5', expr: 'tonumber("0101", 2)', expected: 5 },
  { doc: 'tonumber: trim before converting', expr: 'tonumber(trim(celsius))', fields: { celsius: ' 21 ' }, expected: 21 },
  { doc: 'tonumber: leading and trailing spaces give NULL', expr: 'tonumber(celsius)', fields: { celsius: ' 21 ' }, expected: null },
  { doc: 'tonumber: a field that cannot be parsed gives NULL', expr: 'tonumber(x)', fields: { x: 'seven' }, expected: null },
  { doc: 'tonumber: derived, 0x prefix in base 16', expr: 'tonumber("0x1F", 16)', expected: 31 },
  { doc: 'tonumber: derived, 0x prefix in base 10 (C strtod)', expr: 'tonumber("0xff")', expected: 255 },
  { doc: 'tonumber: derived, base 36', expr: 'tonumber("zz", 36)', expected: 1295 },
  { doc: 'tonumber: derived, exponent in base 10', expr: 'tonumber("-1.5e3")', expected: -1500 },
  { doc: 'tonumber: derived, digit out of the base', expr: 'tonumber(x, 2)', fields: { x: '102' }, expected: null },
  { doc: 'tonumber: derived, decimal point only in base 10', expr: 'tonumber(x, 16)', fields: { x: '1.5' }, expected: null },
  { doc: 'tonumber: derived, base out of range from a field', expr: 'tonumber("10", b)', fields: { b: '37' }, expected: null },
  { doc: 'tonumber: derived, a number stays itself', expr: 'tonumber(5)', expected: 5 },
  { doc: 'todouble: "16.00" to a double', expr: 'todouble("16.00")', expected: 16 },
  { doc: 'todouble: 5 stays 5', expr: 'todouble(5)', expected: 5 },
  { doc: 'todouble: "number" cannot be parsed, null', expr: 'todouble("number")', expected: null },
  { doc: 'toint: "24" to an integer', expr: 'toint("24")', expected: 24 },
  { doc: 'toint: 3.14 rounds down to 3', expr: 'toint(3.14)', expected: 3 },
  { doc: 'tostring: returns "True 0xF 12,345.68"', expr: 'tostring(1==1) + " " + tostring(15, "hex") + " " + tostring(12345.6789, "commas")', expected: 'True 0xF 12,345.68' },
  { doc: 'tostring: 615 seconds is 00:10:15', expr: 'tostring(foo, "duration")', fields: { foo: 615 }, expected: '00:10:15' },
  { doc: 'tostring: binary representation of 9', expr: 'tostring(9, "binary")', expected: '1001' },
  { doc: 'eval example 9: 1000000.1278 with commas', expr: 'tostring(x,"commas")', fields: { x: '1000000.1278' }, expected: '1,000,000.13' },
  { doc: 'eval example 9: currency symbol', expr: '"$".tostring(x,"commas")', fields: { x: '1000000.1278' }, expected: '$1,000,000.13' },
  { doc: 'tostring: derived, commas on an integer', expr: 'tostring(-1234567, "commas")', expected: '-1,234,567' },
  { doc: 'tostring: derived, duration past a day (dur2sec [D+]HH:MM:SS)', expr: 'tostring(90061, "duration")', expected: '1+01:01:01' },
  { doc: 'tostring: derived, fractional duration', expr: 'tostring(1.5, "duration")', expected: '00:00:01.500000' },
  { doc: 'tostring: derived, hex needs an integer from 0 to 2^53-1', expr: 'tostring(-1, "hex")', expected: null },
  { doc: 'tostring: format only used when the value is a number', expr: 'tostring(x, "hex")', fields: { x: 'abc' }, expected: 'abc' },
  { doc: 'tostring: derived, field text stays as written', expr: 'tostring(x)', fields: { x: '1.50' }, expected: '1.50' },
  { doc: 'tostring: derived, a number prints as Splunk prints it', expr: 'tostring(3.0 * 2)', expected: '6' },
  { doc: 'ipmask: output is 10.20.30.0', expr: 'ipmask("255.255.255.0", "10.20.30.120")', expected: '10.20.30.0' },
  { doc: 'ipmask: masked value is 0.20.0.96', expr: 'ipmask("0.255.0.224", clientip)', fields: { clientip: '10.20.30.120' }, expected: '0.20.0.96' },
  { doc: 'ipmask: derived, an invalid IP from a field is null', expr: 'ipmask("255.255.255.0", clientip)', fields: { clientip: '10.20.300.1' }, expected: null },
  { doc: 'ipmask: derived, three octets are not an IPv4 address', expr: 'ipmask("255.255.255.0", clientip)', fields: { clientip: '10.20.30' }, expected: null },
];

describe('conversion functions', () => {
  test.each(CASES)('$doc: $expr', ({ expr, fields, expected }) => {
    expect(evaluate(expr, fields)).toEqual(expected);
  });
});

describe('conversion functions: null and multivalue inputs', () => {
  test.each([
    ['tonumber(missing)', null],
    ['tonumber("10", missing)', null],
    ['tostring(missing)', null],
    ['tostring(5, missing)', null],
    ['ipmask(missing, "10.0.0.1")', null],
    ['ipmask("255.0.0.0", missing)', null],
    ['toint(missing)', null],
    ['tonumber(mv)', 12],
    ['tostring(mv, "hex")', '0xC'],
    ['ipmask("255.0.0.0", ips)', '10.0.0.0'],
  ])('%s -> %j', (expr, expected) => {
    expect(evaluate(expr, { mv: ['12', '13'], ips: ['10.1.2.3', '192.168.0.1'] })).toEqual(expected);
  });
});


describe('conversion functions: bind-time errors', () => {
  test.each([
    ['tonumber()', 'B102'],
    ['tonumber("1", 2, 3)', 'B102'],
    ['tostring()', 'B102'],
    ['tostring(1, "hex", 2)', 'B102'],
    ['ipmask("255.0.0.0")', 'B102'],
    ['toint()', 'B102'],
    ['tonumber("seven")', 'B103'],
    ['tonumber("10", 1)', 'B103'],
    ['tonumber("10", 37)', 'B103'],
    ['tonumber("12", 2)', 'B103'],
    ['tonumber(x, "16")', 'B103'],
    ['todouble("1", 99)', 'B103'],
    ['tostring(1, "octal")', 'B103'],
    ['ipmask("255.255.0", ip)', 'B103'],
    ['ipmask("255.255.255.0", "10.20.30.256")', 'B103'],
  ])('%s -> %s', (expr, code) => {
    expect(bindError(expr)).toBe(code);
  });
});

/**
 * Text functions through the real parser and compiler, one row per documented example, plus
 * null, multivalue and bind-time error cases (docs/eval/text.md). `doc` names the example a row
 * follows; "derived" rows apply a documented rule (SQLite substr, C printf) to a new input.
 */
import { describe, expect, test } from 'vitest';
import { evaluate, bindError, type EvalCase } from './helpers.js';

type Case = EvalCase;

// https://help.splunk.com/splunk-enterprise/spl-search-reference/10.0/evaluation-functions/text-functions
const TEXT_CASES: readonly Case[] = [
  { doc: 'len: buttercup', expr: 'len(names)', fields: { names: 'buttercup' }, expected: 9 },
  { doc: 'len: rarity', expr: 'len(names)', fields: { names: 'rarity' }, expected: 6 },
  { doc: 'len: tenderhoof', expr: 'len(names)', fields: { names: 'tenderhoof' }, expected: 10 },
  { doc: 'len: dash', expr: 'len(names)', fields: { names: 'dash' }, expected: 4 },
  { doc: 'len: mistmane', expr: 'len(names)', fields: { names: 'mistmane' }, expected: 8 },
  { doc: 'len: counts UTF-8 code points', expr: 'len("héllo😀")', expected: 6 },
  { doc: 'len: "you can use either len or length"', expr: 'length("abc")', expected: 3 },
  { doc: 'len: derived, a number is measured as it prints', expr: 'len(12345)', expected: 5 },
  { doc: 'lower: username in lowercase', expr: 'lower(username)', fields: { username: 'Alex.SMITH' }, expected: 'alex.smith' },
  { doc: 'lower: "You can use this function on multivalue fields"', expr: 'lower(mv)', fields: { mv: ['A', 'bC'] }, expected: ['a', 'bc'] },
  { doc: 'upper: username in uppercase', expr: 'upper(username)', fields: { username: 'alex' }, expected: 'ALEX' },
  { doc: 'upper: multivalue fields', expr: 'upper(mv)', fields: { mv: ['a', 'b'] }, expected: ['A', 'B'] },
  { doc: 'ltrim: returns "abcZZ "', expr: 'ltrim("   ZZZZabcZZ ", " Z")', expected: 'abcZZ ' },
  { doc: 'ltrim: removes the dollar sign from NET_COST', expr: 'ltrim(NET_COST, "$")', fields: { NET_COST: '$12.50' }, expected: '12.50' },
  { doc: 'ltrim: without trim_chars, spaces and tabs', expr: 'ltrim(x)', fields: { x: ' \t a b ' }, expected: 'a b ' },
  { doc: 'rtrim: returns ZZZZabc (leading spaces kept)', expr: 'rtrim("   ZZZZabcZZ ", " Z")', expected: '   ZZZZabc' },
  { doc: 'rtrim: without trim_chars, spaces and tabs', expr: 'rtrim(x)', fields: { x: ' a b \t ' }, expected: ' a b' },
  { doc: 'trim: returns abc', expr: 'trim("   ZZZZabcZZ ", " Z")', expected: 'abc' },
  { doc: 'trim: without trim_chars only spaces and tabs go', expr: 'trim(x)', fields: { x: '\t\n x \t' }, expected: '\n x' },
  { doc: 'trim: derived, empty trim_chars removes nothing', expr: 'trim(" a ", "")', expected: ' a ' },
  { doc: 'substr: "str" + "ing" returns "string"', expr: 'substr("string", 1, 3) + substr("string", -3)', expected: 'string' },
  { doc: 'substr: length optional, rest of the string', expr: 'substr("string", 2)', expected: 'tring' },
  { doc: 'substr: derived, SQLite start 0 is before the first character', expr: 'substr("string", 0, 2)', expected: 's' },
  { doc: 'substr: derived, SQLite negative length takes characters before start', expr: 'substr("string", 3, -2)', expected: 'st' },
  // SQLite's own substr examples: https://Gist.github.com/njamescouk/415faaccf22691305971c742896dc7b9
  { doc: 'substr: SQLite, 3 letters starting 6th from the end', expr: 'substr("abcdefghijklmnopqrst", -6, 3)', expected: 'opq' },
  { doc: 'substr: SQLite, 3 letters preceding the 6th', expr: 'substr("abcdefghijklmnopqrst", 6, -3)', expected: 'cde' },
  { doc: 'substr: SQLite, 3 letters preceding the 6th from the end', expr: 'substr("abcdefghijklmnopqrst", -6, -3)', expected: 'lmn' },
  { doc: 'substr: derived, start past the end', expr: 'substr("string", 10)', expected: '' },
  { doc: 'substr: derived, negative start before the beginning', expr: 'substr("string", -8, 3)', expected: 's' },
  { doc: 'substr: derived, code points', expr: 'substr("héllo", 2, 2)', expected: 'él' },
  { doc: 'substr: derived, a number is cut as it prints', expr: 'substr(12345, 2, 3)', expected: '234' },
  { doc: 'urldecode: returns http://www.splunk.com/download?r=header', expr: 'urldecode("http%3A%2F%2Fwww.splunk.com%2Fdownload%3Fr%3Dheader")', expected: 'http://www.splunk.com/download?r=header' },
  { doc: 'urldecode: derived, escapes are UTF-8 bytes', expr: 'urldecode("%E2%82%AC1")', expected: '€1' },
  { doc: 'urldecode: derived, + is a space', expr: 'urldecode("a+b")', expected: 'a b' },
  { doc: 'urldecode: derived, a malformed escape stays', expr: 'urldecode("100%zz%4")', expected: '100%zz%4' },
];

// https://help.splunk.com/splunk-enterprise/spl-search-reference/10.0/evaluation-functions/conversion-functions (printf)
const PRINTF_CASES: readonly Case[] = [
  { doc: '%a: pi to 3 decimal points in hexadecimal', expr: 'printf("%.3A",pi())', expected: '0X1.922P+1' },
  { doc: '%c: code point 65 and first letter of "Foo"', expr: 'printf("%c,%c",65,"Foo")', expected: 'A,F' },
  { doc: '%d/%i: signs as specified', expr: 'printf("%d,%i,%d",-2,+4,30)', expected: '-2,4,30' },
  { doc: '%e: 5139 with 2 decimal points', expr: 'printf("%.2e",5139)', expected: '5.14e+03' },
  { doc: '%f: pi to 2 decimal points', expr: 'printf("%.2f",pi())', expected: '3.14' },
  { doc: '%g: %f for pi, %e for 123', expr: 'printf("%.2g,%.2g",pi(),123)', expected: '3.1,1.2e+02' },
  { doc: '%o: base-8 number for 255', expr: 'printf("%o",255)', expected: '377' },
  { doc: '%s/%z: "foo" and "bar"', expr: 'printf("%s%z", "foo", "bar")', expected: 'foobar' },
  { doc: '%u: 99', expr: 'printf("%u",99)', expected: '99' },
  { doc: '%x/%X/%p: lower and upper case hex', expr: 'printf("%x,%X,%p",10,10,10)', expected: 'a,A,A' },
  { doc: '%%: percent sign', expr: 'printf("100%%")', expected: '100%' },
  { doc: "flag ': thousands separator", expr: 'printf("%\'d",12345)', expected: '12,345' },
  { doc: 'flag -: left justified', expr: 'printf("%-4d",1)', expected: '1   ' },
  { doc: 'flag 0: zero pad to 4 digits', expr: 'printf("%04d",1)', expected: '0001' },
  { doc: 'flag +: always a sign', expr: 'printf("%+4d",1)', expected: '  +1' },
  { doc: 'flag space: reserve space for the sign', expr: 'printf("% -4d",1)', expected: ' 1  ' },
  { doc: 'flag #: alternate form', expr: 'printf("%#x", 1)', expected: '0x1' },
  { doc: 'width *: 5 from the arguments', expr: 'printf("%*d", 5, 123)', expected: '  123' },
  { doc: 'precision *: 1 decimal point', expr: 'printf("%.*f", 1, 1.23)', expected: '1.2' },
  { doc: 'width and precision *: pi in exponential format', expr: 'printf("%*.*e", 9, 2, pi())', expected: ' 3.14e+00' },
  { doc: 'basic example: %04.4f %-30s', expr: 'printf("%04.4f %-30s",field_one,field_two)', fields: { field_one: '3.14159', field_two: 'abc' }, expected: `3.1416 abc${' '.repeat(27)}` },
  { doc: 'precision %d: minimum digits', expr: 'printf("%.3d",7)', expected: '007' },
  { doc: 'precision %d: 0 prints nothing for 0', expr: 'printf("[%.0d]",0)', expected: '[]' },
  { doc: 'precision %s: maximum characters', expr: 'printf("%.3s","abcdef")', expected: 'abc' },
  { doc: 'precision: a lone period means 0', expr: 'printf("%.f",2.7)', expected: '3' },
  { doc: 'precision %g: maximum significant digits', expr: 'printf("%.3g",1234)', expected: '1.23e+03' },
  { doc: 'derived, C: exact ties round to even', expr: 'printf("%.0f,%.0f",2.5,3.5)', expected: '2,4' },
  { doc: 'derived, C: the double 2.675 lies below 2.675', expr: 'printf("%.2f",2.675)', expected: '2.67' },
  { doc: "derived, C: ' groups %f", expr: 'printf("%\'.2f",1234567.891)', expected: '1,234,567.89' },
  { doc: 'derived, C: %g default precision 6', expr: 'printf("%g|%g|%g|%g",100000,1000000,0.0001,0.00001)', expected: '100000|1e+06|0.0001|1e-05' },
  { doc: 'derived, C: %e of 0', expr: 'printf("%e",0)', expected: '0.000000e+00' },
  { doc: 'derived, C: %d truncates', expr: 'printf("%d",-3.99)', expected: '-3' },
  { doc: 'derived, C: negative %x wraps at 64 bits', expr: 'printf("%x",-1)', expected: 'ffffffffffffffff' },
  { doc: 'derived, C: %#o forces a leading 0', expr: 'printf("%#o",8)', expected: '010' },
  { doc: 'derived, C: %a without precision is exact', expr: 'printf("%a",1)', expected: '0x1p+0' },
  { doc: 'derived: widths on strings', expr: 'printf("%5s|%-5s|","ab","cd")', expected: '   ab|cd   |' },
  { doc: 'derived: numeric field text formats as a number', expr: 'printf("%05.1f",x)', fields: { x: '2.25' }, expected: '002.2' },
  { doc: 'derived: a format read from a field', expr: 'printf(fmt, 5)', fields: { fmt: '%03d' }, expected: '005' },
  { doc: 'derived: an unusable format from a field is null', expr: 'printf(fmt, 5)', fields: { fmt: '%n' }, expected: null },
  { doc: 'derived: %d of text that is not a number is null', expr: 'printf("%d", x)', fields: { x: 'abc' }, expected: null },
  { doc: 'derived: a null argument gives null', expr: 'printf("%s", missing)', expected: null },
  { doc: 'derived: multivalue arguments read their first value', expr: 'printf("%s", mv)', fields: { mv: ['a', 'b'] }, expected: 'a' },
];

describe('text functions', () => {
  test.each(TEXT_CASES)('$doc: $expr', ({ expr, fields, expected }) => {
    expect(evaluate(expr, fields)).toEqual(expected);
  });
});

describe('printf', () => {
  test.each(PRINTF_CASES)('$doc: $expr', ({ expr, fields, expected }) => {
    expect(evaluate(expr, fields)).toEqual(expected);
  });
});

describe('text functions: null and multivalue inputs', () => {
  test.each([
    ['len(missing)', null],
    ['lower(missing)', null],
    ['upper(missing)', null],
    ['ltrim(missing)', null],
    ['rtrim("x", missing)', null],
    ['trim(missing, " ")', null],
    ['substr(missing, 1)', null],
    ['substr("abc", missing)', null],
    ['substr("abc", 1, missing)', null],
    ['substr("abc", word)', null],
    ['urldecode(missing)', null],
    ['len(mv)', 3],
    ['trim(mv)', 'abc'],
    ['substr(mv, 2)', 'bc'],
    ['urldecode(mv)', 'abc'],
  ])('%s -> %j', (expr, expected) => {
    expect(evaluate(expr, { mv: ['abc', 'de'], word: 'x' })).toEqual(expected);
  });
});


describe('text functions: bind-time errors', () => {
  test.each([
    ['len()', 'B102'],
    ['len("a", "b")', 'B102'],
    ['lower()', 'B102'],
    ['trim("a", "b", "c")', 'B102'],
    ['substr("abc")', 'B102'],
    ['substr("abc", 1, 2, 3)', 'B102'],
    ['urldecode()', 'B102'],
    ['printf()', 'B102'],
    ['substr("abc", "1")', 'B103'],
    ['substr("abc", 1, "x")', 'B103'],
    ['printf("%n", 1)', 'B103'],
    ['printf("%S", "a")', 'B103'],
    ['printf("%C", 65)', 'B103'],
    ['printf("%1$s", "a")', 'B103'],
    ['printf("50%")', 'B103'],
    ['printf("%d")', 'B103'],
    ['printf("%*d", 5)', 'B103'],
  ])('%s -> %s', (expr, code) => {
    expect(bindError(expr)).toBe(code);
  });
});

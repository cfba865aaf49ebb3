/**
 * match, replace, cidrmatch through the real parser and compiler (docs/eval/regex.md). Rows cite
 * the Search Reference example they come from; "derived" rows apply a documented rule.
 */
import { describe, expect, test } from 'vitest';
import { isSplError } from '../../../src/errors/spl-error.js';
import { compile, evaluate } from './helpers.js';

const R = String.raw;

describe('match(str, regex)', () => {
  test.each([
    // [expression, fields, expected, source]
    [R`match(ip, "^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$")`, { ip: '192.168.0.1' }, true, 'COND match example'],
    [R`match(ip, "^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$")`, { ip: 'host.example' }, false, 'COND match example'],
    [R`match(x, "ell")`, { x: 'hello' }, true, 'COND: a match against any substring'],
    [R`match(x, "(?i)HELLO")`, { x: 'hello' }, true, 'derived: PCRE inline option'],
    [R`match(x, "\x{202E}")`, { x: 'a\u202eb' }, true, 'derived: PCRE \\x{...} (security_content detect_rtlo)'],
    [R`match(x, "^b")`, { x: ['abc', 'bcd'] }, true, 'derived: any value of a multivalue field'],
    [R`match(x, "^z")`, { x: ['abc', 'bcd'] }, false, 'derived'],
    [R`match(x, "^1\.5$")`, { x: 1.5 }, true, 'derived: a number is read as its text'],
    [R`match(missing, "a")`, {}, null, 'derived: null in, null out'],
    [R`match(x, p)`, { x: 'abc', p: 'b+' }, true, 'derived: pattern from a field'],
    [R`match(x, p)`, { x: 'abc', p: '^b' }, false, 'derived'],
    [R`if(match(x, "a"), "y", "n")`, { x: 'cat' }, 'y', 'COND: used as a condition'],
  ])('%s on %j', (expr, fields, expected, _source) => {
    expect(evaluate(expr, fields as never)).toEqual(expected);
  });
});

describe('replace(str, regex, replacement)', () => {
  test.each([
    [R`replace(date, "^(\d{1,2})/(\d{1,2})/", "\2/\1/")`, { date: '1/14/2023' }, '14/1/2023', 'TXT replace example (month and day swapped)'],
    [R`replace(x, "\d", "#")`, { x: 'a1b22' }, 'a#b##', 'TXT: every occurrence'],
    [R`replace(x, "(\w+)@(\w+)", "\0 = \2 at \1")`, { x: 'bob@host' }, 'bob@host = host at bob', 'derived: \\0 is the whole match'],
    [R`replace(x, "a", "$1$&")`, { x: 'a' }, '$1$&', 'derived: $ is literal (not JavaScript replacement syntax)'],
    [R`replace(x, "b", "\\\\")`, { x: 'abc' }, R`a\c`, 'derived: \\\\ in the replacement is one backslash'],
    [R`replace(x, "x*", "-")`, { x: 'abc' }, '-a-b-c-', 'derived: empty matches between characters'],
    [R`replace(x, "(a)|b", "[\1]")`, { x: 'ab' }, '[a][]', 'derived: an unset group is empty'],
    [R`replace(x, "o", "0")`, { x: ['foo', 'bar', 'boo'] }, ['f00', 'bar', 'b00'], 'derived: each value of a multivalue field'],
    [R`replace(x, "\.", "")`, { x: 3.25 }, '325', 'derived: a number is read as its text'],
    [R`replace(x, "a", null())`, { x: 'a' }, null, 'derived: null argument'],
    [R`replace(x, "(?<y>\d{4})", "<\1>")`, { x: 'in 2024' }, 'in <2024>', 'derived: named groups are numbered too'],
  ])('%s on %j', (expr, fields, expected, _source) => {
    expect(evaluate(expr, fields as never)).toEqual(expected);
  });

  test('the pattern is compiled once at bind time, not per row', () => {
    const f = compile(R`replace(x, "(\d+)", "<\1>")`);
    for (let i = 0; i < 3; i++) expect(f({ fields: new Map([['x', `n${i}`]]), seq: i })).toBe(`n<${i}>`);
  });
});

describe('cidrmatch(cidr, ip)', () => {
  test.each([
    [R`cidrmatch("123.132.32.0/25", ip)`, { ip: '123.132.32.5' }, true, 'COND cidrmatch example'],
    [R`cidrmatch("123.132.32.0/25", ip)`, { ip: '123.132.32.200' }, false, 'COND cidrmatch example'],
    [R`cidrmatch("2001:db8::/32", ip)`, { ip: '2001:db8::1' }, true, 'COND: "compatible with IPv6"'],
    [R`cidrmatch("10.0.0.0/8", ip)`, { ip: ['192.168.1.1', '10.1.2.3'] }, true, 'derived: any value'],
    [R`cidrmatch("10.0.0.0/8", ip)`, { ip: 'not an ip' }, false, 'derived'],
    [R`cidrmatch("bogus", ip)`, { ip: '10.0.0.1' }, false, 'derived: an invalid subnet matches nothing'],
    [R`cidrmatch("10.0.0.0/8", missing)`, {}, null, 'derived: null in, null out'],
  ])('%s on %j', (expr, fields, expected, _source) => {
    expect(evaluate(expr, fields as never)).toEqual(expected);
  });
});

describe('invalid patterns', () => {
  const failure = (f: () => unknown): { code: string; text: string; span?: { start: number; end: number } } => {
    try {
      f();
    } catch (e) {
      if (isSplError(e)) return { code: e.code, text: e.message, span: e.span };
      throw e;
    }
    throw new Error('no error');
  };

  test('a literal pattern fails at bind time (B105) and the error points at the literal', () => {
    const expr = 'match(x, "(a")';
    const err = failure(() => compile(expr));
    expect(err.code).toBe('B105');
    expect(err.text).toContain("regex '(a'");
    expect(err.text).toContain('missing closing parenthesis');
    const text = `* | eval __v=${expr}`;
    expect(text.slice(err.span!.start, err.span!.end)).toBe('"(a"');
  });

  test('an untranslatable construct is named', () => {
    expect(failure(() => compile(R`replace(x, "a\Kb", "")`)).text).toContain('\\K (reset match start) is not supported');
  });

  test('a pattern read from a field fails when it is used (R104)', () => {
    expect(failure(() => evaluate('match(x, p)', { x: 'a', p: '[' })).code).toBe('R104');
  });
});

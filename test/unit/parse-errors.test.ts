// Syntax errors from tokenize + parse (src/spl/parse.ts): the catalog code, the parameters that
// fill its message, and the span, asserted as the highlighted text (spec 08 E1, E3-E6, E9).
import { describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors/spl-error.js';
import { parse } from '../../src/spl/parse.js';

interface Failure {
  code: string;
  /** The highlighted text (empty at the end of the search). */
  at: string;
  start: number;
  params: Record<string, string | number>;
}

function failure(text: string): Failure {
  try {
    parse(text);
  } catch (e) {
    if (!(e instanceof SplError)) throw e;
    const span = e.span!;
    return { code: e.code, at: text.slice(span.start, span.end), start: span.start, params: { ...e.params } };
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(text)}`);
}

describe('P001 unknown command (E1): at the command name', () => {
  it.each([
    ['* | foo x', 4, 'foo'],
    ['* | stats count | Stast x', 18, 'stast'],
    ['| inputlookupx users.csv', 2, 'inputlookupx'],
    ['a [| tstatz count] b', 5, 'tstatz'],
  ])('%s', (text, start, name) => {
    expect(failure(text)).toEqual({ code: 'P001', at: text.slice(start, start + name.length), start, params: { name } });
  });

  it('the message is Splunk\'s', () => {
    expect(() => parse('* | foo')).toThrow("Unknown search command 'foo'.");
  });
});

describe('P004 empty command (E6): at the "|" that has no command after it', () => {
  it.each([
    ['a || b', 3],
    ['a | | b', 4],
    ['a |', 2],
    ['a | stats count |  ', 16],
    ['|', 0],
    ['| | a', 2],
    ['a [search b |] c', 12],
  ])('%s', (text, start) => {
    expect(failure(text)).toMatchObject({ code: 'P004', at: '|', start });
  });
});

describe('P002 unbalanced parentheses (E4)', () => {
  it.each([
    ['(a OR b', 0, '('],
    ['((a) b', 0, '('],
    ['a (b (c)', 2, '('],
    ['a b)', 3, ')'],
    ['(a)) b', 3, ')'],
    ['* | stats count(x', 15, '('],
    ['a (b ] c', 2, '('],
  ])('%s', (text, start, at) => {
    expect(failure(text)).toMatchObject({ code: 'P002', at, start });
  });

  it('parentheses inside quotes do not count', () => {
    expect(() => parse('a="(" b=")"')).not.toThrow();
  });
});

describe('P003 stray "]" (E5) and P010 unclosed "["', () => {
  it.each([
    ['a ] b', 2],
    ['a [b]] c', 5],
    [']', 0],
  ])('P003: %s', (text, start) => {
    expect(failure(text)).toMatchObject({ code: 'P003', at: ']', start });
  });

  it.each([
    ['a [search b', 2],
    ['a [b [c] d', 2],
  ])('P010: %s', (text, start) => {
    expect(failure(text)).toMatchObject({ code: 'P010', at: '[', start });
  });
});

describe('L001 unbalanced quotes (E3): at the opening quote, before any parse error', () => {
  it.each([
    ['user="bob', 5],
    ['a | rename "x as y', 11],
    ['a | foo "x', 8],
    ['a | stats count(eval(x="1)) by y', 23],
  ])('%s', (text, start) => {
    expect(failure(text)).toMatchObject({ code: 'L001', at: '"', start });
  });
});

describe('P005 "expected X, found Y", naming the command', () => {
  it.each([
    // rename (E9): the target or the separator is missing
    ['* | rename a', 12, '', { command: 'rename', expected: '"AS", "TO" or "->"', found: 'the end of the search' }],
    ['* | rename a as', 15, '', { command: 'rename', expected: 'a field name', found: 'the end of the search' }],
    ['* | rename a as | stats count', 16, '|', { command: 'rename', expected: 'a field name', found: '"|"' }],
    ['* | rename a b', 13, 'b', { command: 'rename', expected: '"AS", "TO" or "->"', found: '"b"' }],
    ['* | rename', 10, '', { command: 'rename', expected: 'a field name', found: 'the end of the search' }],
    // stats
    ['* | stats count by', 18, '', { command: 'stats', expected: 'a field name', found: 'the end of the search' }],
    ['* | stats count by | rename a as b', 19, '|', { command: 'stats', expected: 'a field name', found: '"|"' }],
    ['* | stats', 9, '', { command: 'stats', expected: 'an aggregation such as count', found: 'the end of the search' }],
    ['* | stats by host', 10, 'by', { command: 'stats', expected: 'an aggregation such as count', found: '"by"' }],
    ['* | stats count(x y)', 18, 'y', { command: 'stats', expected: '")"', found: '"y"' }],
    ['* | stats count(eval())', 21, ')', { command: 'stats', expected: 'an expression', found: '")"' }],
    ['* | stats count(eval(a +)) as n', 24, ')', { command: 'stats', expected: 'an expression', found: '")"' }],
    ['* | stats count as', 18, '', { command: 'stats', expected: 'a field name', found: 'the end of the search' }],
    // convert
    ['* | convert', 11, '', { command: 'convert', expected: 'a conversion such as ctime(<field>)', found: 'the end of the search' }],
    ['* | convert ctime(t) as', 23, '', { command: 'convert', expected: 'a field name', found: 'the end of the search' }],
    // search
    ['x=', 2, '', { command: 'search', expected: 'a value', found: 'the end of the search' }],
    ['x=AND', 2, 'AND', { command: 'search', expected: 'a value', found: '"AND"' }],
    ['a OR', 4, '', { command: 'search', expected: '"NOT", "(", "[" or a search term', found: 'the end of the search' }],
    ['a AND | stats count', 6, '|', { command: 'search', expected: '"NOT", "(", "[" or a search term', found: '"|"' }],
    ['OR a', 0, 'OR', { command: 'search', expected: 'a search term before "OR"', found: '"OR"' }],
    ['* | search AND b', 11, 'AND', { command: 'search', expected: 'a search term before "AND"', found: '"AND"' }],
    ['x IN (a =)', 8, '=', { command: 'search', expected: '")"', found: '"="' }],
    ['a | (b)', 4, '(', { command: 'search', expected: 'a command name', found: '"("' }],
  ])('%s', (text, start, at, params) => {
    expect(failure(text)).toEqual({ code: 'P005', at, start, params });
  });

  it('inside a subsearch, the innermost command is named', () => {
    expect(failure('a [search b | rename c] d')).toMatchObject({ code: 'P005', at: ']', params: { command: 'rename' } });
  });

  it('the message reads "Error in \'<command>\' command: expected ..., found ..."', () => {
    expect(() => parse('* | stats count by')).toThrow("Error in 'stats' command: expected a field name, found the end of the search");
  });
});

describe('P009 empty search', () => {
  it.each(['', '   ', '\n'])('%j', (text) => {
    expect(failure(text).code).toBe('P009');
  });

  it('an empty subsearch, at its brackets', () => {
    expect(failure('a [ ] b')).toMatchObject({ code: 'P009', at: '[ ]', start: 2 });
  });
});

describe('first error wins, in text order', () => {
  it('an unknown command before a later parenthesis problem', () => {
    expect(failure('a | foo | search (b')).toMatchObject({ code: 'P001', at: 'foo' });
  });

  it('a parenthesis problem before a later unknown command', () => {
    expect(failure('a b) | foo')).toMatchObject({ code: 'P002', at: ')' });
  });
});

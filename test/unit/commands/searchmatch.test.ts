// searchmatch(<search_str>): search-command semantics inside eval/where, bound once; argument checks
// and error positions inside the literal. Search Reference, "Comparison and Conditional functions".
import { describe, expect, it } from 'vitest';
import { SplError } from '../../../src/errors/spl-error.js';
import { compile, evaluate } from '../eval/helpers.js';

const RAW = '{"msg":"Disk FULL on /var","user":"Bob"}';

describe('searchmatch: matching', () => {
  it.each([
    ['disk full', true],
    ['"disk full"', true],
    ['disk NOT full', false],
    ['user=bob', true],
    ['user=b*', true],
    ['user!=bob', false],
    ['user=alice OR var', true],
    ['nosuchfield=*', false],
    ['NOT nosuchfield=*', true],
    ['', true],
  ])('%j -> %s', (search, expected) => {
    expect(evaluate(`searchmatch(${JSON.stringify(search)})`, { _raw: RAW, user: 'Bob' })).toBe(expected);
  });

  it('compares the values of a multivalue field', () => {
    expect(evaluate('searchmatch("tag=b")', { tag: ['a', 'b'] })).toBe(true);
  });
});

describe('searchmatch: binding', () => {
  const failure = (expr: string): { code: string; at: string } => {
    try {
      compile(expr);
    } catch (e) {
      if (!(e instanceof SplError) || !e.span) throw e;
      const text = `* | eval __v=${expr}`;
      return { code: e.code, at: text.slice(e.span.start, e.span.end) };
    }
    throw new Error('compiled');
  };

  it('the argument must be a string literal', () => {
    expect(failure('searchmatch(user)')).toEqual({ code: 'B103', at: 'user' });
    expect(failure('searchmatch(1)')).toEqual({ code: 'B103', at: '1' });
    expect(failure('searchmatch("a" . "b")')).toEqual({ code: 'B103', at: '"a" . "b"' });
  });

  it('arity is checked like every function (B102)', () => {
    expect(failure('searchmatch("a", "b")').code).toBe('B102');
  });

  it('an error inside the text points at its place, or at the whole literal when escapes moved it', () => {
    expect(failure('searchmatch("a=1 (b")')).toEqual({ code: 'P002', at: '(' });
    expect(failure('searchmatch("q=\\"x\\" (b")')).toEqual({ code: 'P002', at: '"q=\\"x\\" (b"' });
  });
});

/**
 * Cryptographic functions through the real parser and compiler (docs/eval/crypto.md): the
 * documented MD5 example, the same phrase through the SHA functions (digests as the algorithms
 * define them), null, number and multivalue inputs, arity errors.
 */
import { describe, expect, test } from 'vitest';
import { SplError } from '../../../src/errors/spl-error.js';
import { compile, evaluate, type EvalCase } from './helpers.js';

type Case = EvalCase;

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.3/evaluation-functions/cryptographic-functions
const CASES: readonly Case[] = [
  { doc: 'md5: "Hello World" (the results table)', expr: 'md5("Hello World")', expected: 'b10a8db164e0754105b7a99be72e3fe5' },
  { doc: 'sha1: derived, SHA-1 of "Hello World"', expr: 'sha1("Hello World")', expected: '0a4d55a8d778e5022fab701977c5d840bbc486d0' },
  { doc: 'sha256: derived, SHA-256 of "Hello World"', expr: 'sha256("Hello World")', expected: 'a591a6d40bf420404a011733cfb7b190d62c65bf0bcda32b57b277d9ad9f146e' },
  {
    doc: 'sha512: derived, SHA-512 of "Hello World"',
    expr: 'sha512("Hello World")',
    expected: '2c74fd17edafd80e8447b0d46741ee243b7eb74dd2149a0ab1b9246fb30382f27e853d8585719e0e67cbda0daa8f51671064615d645ae27acb15bfb1447f459b',
  },
  { doc: 'md5: a field value', expr: 'md5(field)', fields: { field: 'Hello World' }, expected: 'b10a8db164e0754105b7a99be72e3fe5' },
  { doc: 'md5: derived, "" . random() style: a number hashes its text', expr: 'md5(123)', expected: '202cb962ac59075b964b07152d234b70' },
  { doc: 'md5: derived, the empty string', expr: 'md5("")', expected: 'd41d8cd98f00b204e9800998ecf8427e' },
  { doc: 'md5: derived, a multivalue field hashes its first value', expr: 'md5(mv)', fields: { mv: ['123', 'x'] }, expected: '202cb962ac59075b964b07152d234b70' },
];

describe('cryptographic functions', () => {
  test.each(CASES)('$doc: $expr', ({ expr, fields, expected }) => {
    expect(evaluate(expr, fields)).toEqual(expected);
  });

  test.each(['md5', 'sha1', 'sha256', 'sha512'])('%s(missing) is null', (name) => {
    expect(evaluate(`${name}(missing)`)).toBeNull();
  });

  test.each(['md5()', 'sha1("a", "b")', 'sha256()', 'sha512("a", 1)'])('%s -> B102', (expr) => {
    expect(() => compile(expr)).toThrow(SplError);
    try {
      compile(expr);
    } catch (e) {
      expect((e as SplError).code).toBe('B102');
    }
  });
});

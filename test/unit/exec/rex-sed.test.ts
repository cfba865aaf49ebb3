/** rex mode=sed expressions (src/commands/rex-sed.ts): replacement flags, groups, delimiters, y///, errors. */
import { describe, expect, it } from 'vitest';
import { SplError } from '../../../src/errors/spl-error.js';
import { compileSed } from '../../../src/commands/rex-sed.js';

const sed = (text: string) => compileSed({ text, quoted: true, span: { start: 0, end: text.length + 2 } });

describe('rex sed expressions', () => {
  it.each([
    ['s/a/X/', 'banana', 'bXnana'],
    ['s/a/X/g', 'banana', 'bXnXnX'],
    ['s/a/X/2', 'banana', 'banXna'],
    ['s/a/X/2g', 'banana', 'banXnX'],
    ['s/a/X/9', 'banana', 'banana'],
    ['s/(\\d+)-(\\d+)/\\2-\\1/', '12-34', '34-12'],
    ['s/n/\\0\\0/g', 'nan', 'nnann'],
    ['s|/|\\||g', 'a/b/c', 'a|b|c'],
    ['s/\\//_/g', 'a/b', 'a_b'],
    ['s/x*/-/g', 'abc', '-a-b-c-'],
    ['s/\\x00//g', 'a\u0000b', 'ab'],
    ['y/abc/xyz/', 'aabbcc', 'xxyyzz'],
    ['y/\\//|/', 'a/b', 'a|b'],
  ])('%s on %j', (expr, input, output) => {
    expect(sed(expr)(input)).toBe(output);
  });

  it.each([
    ['t/a/b/', 'B404'],
    ['s/a/b', 'B404'],
    ['s/a/b/x', 'B404'],
    ['s/a/b/0', 'B404'],
    ['y/ab/c/', 'B404'],
    ['s/(a/b/', 'B105'],
  ])('%s is refused with %s', (expr, code) => {
    expect(() => sed(expr)).toThrow(SplError);
    try {
      sed(expr);
    } catch (e) {
      expect((e as SplError).code).toBe(code);
    }
  });
});

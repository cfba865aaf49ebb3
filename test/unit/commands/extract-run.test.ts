// extract/kv, run: the DELIMS and automatic scanners, CLEAN_KEYS, and the command's options.
// https://help.splunk.com/splunk-enterprise/search/spl-search-reference/9.4/search-commands/extract
import { describe, expect, it } from 'vitest';
import { autoPairs, cleanKey, delimitedPairs } from '../../../src/commands/extract-kv.js';
import { runLast } from './run-command.js';

describe('delimitedPairs (transforms.conf DELIMS)', () => {
  it.each([
    ['a=1|b=2', '|', '=', [['a', '1'], ['b', '2']]],
    ['a=1||b=2|', '|', '=', [['a', '1'], ['b', '2']]],
    [' a = 1 ; b=2', ';', '=', [['a', '1'], ['b', '2']]],
    ['url=http://x?a=1;b=2', ';', '=', [['b', '2']]],
    ['a=;=1;c', ';', '=', []],
    ['a:1|b=2;c:3', '|;', ':=', [['a', '1'], ['b', '2'], ['c', '3']]],
  ])('%j pairs at %j, keys at %j', (text, pairs, kv, expected) => {
    expect(delimitedPairs(text, pairs, kv)).toEqual(expected);
  });
});

describe('autoPairs (automatic key=value)', () => {
  it.each([
    ['a=1 b=2', [['a', '1'], ['b', '2']]],
    ['msg="hello world" x=1', [['msg', 'hello world'], ['x', '1']]],
    ['x=" padded "', [['x', 'padded']]],
    ['a=1,b=2;c=3&d=4', [['a', '1'], ['b', '2'], ['c', '3'], ['d', '4']]],
    ['u=/a?b=1 next=2', [['u', '/a?b=1'], ['next', '2']]],
    ['empty= full=1', [['full', '1']]],
    ['3x=1 _k=2 a.b-c=3', [['_k', '2'], ['a.b-c', '3']]],
    ['no pairs here', []],
  ])('%j', (text, expected) => {
    expect(autoPairs(text)).toEqual(expected);
  });
});

describe('cleanKey (CLEAN_KEYS)', () => {
  it.each([
    ['user-name', 'user_name'],
    ['"c_ip"', 'c_ip_'],
    ['%CPU', 'CPU'],
    ['_1_x', 'x'],
    ['123', ''],
    ['a.b', 'a_b'],
  ])('%j -> %j', (key, cleaned) => expect(cleanKey(key)).toBe(cleaned));
});

describe('extract: options', () => {
  it('only kvdelim: pairs split at whitespace', () => {
    expect(runLast('* | extract kvdelim=":"', [{ _raw: 'a:1 b:2\tc:3' }])).toEqual([{ _raw: 'a:1 b:2\tc:3', a: '1', b: '2', c: '3' }]);
  });

  it('auto=false without delimiters extracts nothing; limit=0 and maxchars=0 are no limit', () => {
    expect(runLast('* | extract auto=false', [{ _raw: 'a=1' }])).toEqual([{ _raw: 'a=1' }]);
    const raw = Array.from({ length: 60 }, (_, i) => `k${i}=${i}`).join(' ');
    expect(Object.keys(runLast('* | extract', [{ _raw: raw }])[0]!)).toHaveLength(51);
    expect(Object.keys(runLast('* | extract limit=0 maxchars=0', [{ _raw: raw }])[0]!)).toHaveLength(61);
  });

  it('segment and reload change nothing; a result without _raw passes unchanged', () => {
    expect(runLast('* | extract segment=t reload=t', [{ _raw: 'a=1' }, { b: '2' }])).toEqual([{ _raw: 'a=1', a: '1' }, { b: '2' }]);
  });

  it('a key cleaned to nothing is skipped and does not count against the limit', () => {
    expect(runLast('* | extract pairdelim=" " kvdelim="=" limit=1', [{ _raw: '123=x a=1' }])).toEqual([{ _raw: '123=x a=1', a: '1' }]);
  });

  it('an empty delimiter list is an error (B202)', () => {
    expect(() => runLast('* | extract pairdelim=""', [])).toThrow(expect.objectContaining({ code: 'B202' }));
  });
});

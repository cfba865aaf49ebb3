// replace, run: wildcard captures, precedence, multivalue values, field patterns, hostile values.
// https://help.splunk.com/splunk-cloud-platform/spl-search-reference/9.3.2408/search-commands/replace
import { describe, expect, it } from 'vitest';
import { runLast } from './run-command.js';

describe('replace: wildcards', () => {
  it('several * capture non-greedily, the last greedily, as rename does', () => {
    expect(runLast('* | replace "*-*" WITH "*_*" IN f', [{ f: 'a-b-c' }])).toEqual([{ f: 'a_b-c' }]);
  });

  it('a replacement without * replaces the whole value', () => {
    expect(runLast('* | replace "*.example.com" WITH internal IN f', [{ f: 'www.example.com' }, { f: 'example.com' }])).toEqual([
      { f: 'internal' },
      { f: 'example.com' },
    ]);
  });

  it('equal fullness: the later pair wins', () => {
    expect(runLast('* | replace "a*" WITH one, "*c" WITH two IN f', [{ f: 'abc' }])).toEqual([{ f: 'two' }]);
  });

  it('a value shaped to make several * backtrack is handled in linear time', () => {
    const value = 'a'.repeat(200_000);
    const started = Date.now();
    expect(runLast('* | replace "*a*a*a*b" WITH x IN f', [{ f: value }])).toEqual([{ f: value }]);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('replace: fields', () => {
  it('each value of a multivalue field; numbers compare as their text', () => {
    expect(runLast('* | replace 1 WITH one IN f, n', [{ f: ['1', '2', '1'], n: 1 }])).toEqual([{ f: ['one', '2', 'one'], n: 'one' }]);
  });

  it('IN takes field patterns; without IN internal fields are left alone', () => {
    expect(runLast('* | replace x WITH y IN src*', [{ src_ip: 'x', srcport: 'x', dest: 'x' }])).toEqual([{ src_ip: 'y', srcport: 'y', dest: 'x' }]);
    expect(runLast('* | replace x WITH y', [{ _raw: 'x', a: 'x' }])).toEqual([{ _raw: 'x', a: 'y' }]);
    expect(runLast('* | replace x WITH y IN _raw', [{ _raw: 'x', a: 'x' }])).toEqual([{ _raw: 'y', a: 'x' }]);
  });

  it('an absent field stays absent', () => {
    expect(runLast('* | replace "" WITH none IN f', [{ g: '' }])).toEqual([{ g: '' }]);
  });
});

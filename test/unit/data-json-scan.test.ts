import { describe, expect, it } from 'vitest';
import {
  arrayElementSpans,
  compactJson,
  memberValueSpan,
  sequenceSpans,
  stringEnd,
  valueEnd,
} from '../../src/data/json-scan.js';

const texts = (text: string, spans: readonly { start: number; end: number }[] | null): string[] | null =>
  spans === null ? null : spans.map((s) => text.slice(s.start, s.end));

describe('json-scan', () => {
  it.each([
    ['"abc"', 5],
    ['"a\\"b"', 6],
    ['"a\\\\"x', 5],
    ['"a\\\\\\"b"', 8],
    ['"open', -1],
  ])('stringEnd(%j) = %d', (text, end) => {
    expect(stringEnd(text, 0)).toBe(end);
  });

  it.each([
    ['{"a":[1,{"b":"]}"}]} tail', '{"a":[1,{"b":"]}"}]}'],
    ['123.5e3,', '123.5e3'],
    ['true]', 'true'],
    ['"s" x', '"s"'],
  ])('valueEnd finds the end of %j', (text, value) => {
    expect(text.slice(0, valueEnd(text, 0))).toBe(value);
  });

  it('valueEnd is -1 where no value can be delimited', () => {
    expect(valueEnd('{"a":1', 0)).toBe(-1);
    expect(valueEnd(',', 0)).toBe(-1);
  });

  it('arrayElementSpans: elements as written', () => {
    const text = '[ {"a": [1, 2]} ,\n "x,y" , 3.10,[] ]';
    expect(texts(text, arrayElementSpans(text, 0))).toEqual(['{"a": [1, 2]}', '"x,y"', '3.10', '[]']);
    expect(arrayElementSpans('[ ]', 0)).toEqual([]);
    expect(arrayElementSpans('[1 2]', 0)).toBeNull();
    expect(texts(' \n[7]', arrayElementSpans(' \n[7]', 0))).toEqual(['7']);
    expect(arrayElementSpans('{"a":1}', 0)).toBeNull();
  });

  it('sequenceSpans: concatenated values', () => {
    const text = ' {"a":1}{"b":2}\n\n [3] ';
    expect(texts(text, sequenceSpans(text))).toEqual(['{"a":1}', '{"b":2}', '[3]']);
    expect(sequenceSpans('{"a":1} {')).toBeNull();
  });

  it('memberValueSpan: the last member with the key, escaped keys decoded', () => {
    const text = '{"x": {"event": 0}, "event" : { "a" : 1 }, "\\u0065vent": "last"}';
    const span = memberValueSpan(text, 0, 'event');
    expect(span && text.slice(span.start, span.end)).toBe('"last"');
    const first = '{"event" : { "a" : 1 }, "time": 1}';
    const s2 = memberValueSpan(first, 0, 'event');
    expect(s2 && first.slice(s2.start, s2.end)).toBe('{ "a" : 1 }');
    expect(memberValueSpan('{"a":1}', 0, 'event')).toBeNull();
    expect(memberValueSpan('[{"event":1}]', 0, 'event')).toBeNull();
    const spaced = '  {"event":2}';
    const s3 = memberValueSpan(spaced, 0, 'event');
    expect(s3 && spaced.slice(s3.start, s3.end)).toBe('2');
  });

  it('compactJson removes whitespace outside strings only and keeps number text', () => {
    const text = '{\n  "a b" : [ 1.50 , "x  y" ],\r\n\t"c": {"d": "\\" q "}\n}';
    expect(compactJson(text, 0, text.length)).toBe('{"a b":[1.50,"x  y"],"c":{"d":"\\" q "}}');
    expect(compactJson('{"a":1}', 0, 7)).toBe('{"a":1}');
    expect(compactJson('xx[ 1 ]yy', 2, 7)).toBe('[1]');
  });
});

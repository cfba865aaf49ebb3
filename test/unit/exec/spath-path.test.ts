/** spath paths (src/commands/spath-path.ts, spath.ts): parsing, JSON and XML selection, auto-extract. */
import { describe, expect, it } from 'vitest';
import { parseSpathPath } from '../../../src/commands/spath-path.js';
import { extractAll, selectPath } from '../../../src/commands/spath.js';

const select = (text: string, path: string) => selectPath(text, parseSpathPath(path)!);

describe('spath paths', () => {
  it('parses steps and suffixes', () => {
    expect(parseSpathPath('a.b{0}.c{}')).toEqual([
      { name: 'a', indexes: [] },
      { name: 'b', indexes: [{ kind: 'position', n: 0 }] },
      { name: 'c', indexes: [{ kind: 'all' }] },
    ]);
    expect(parseSpathPath('{}')).toEqual([{ name: '', indexes: [{ kind: 'all' }] }]);
    expect(parseSpathPath('x{@id}')).toEqual([{ name: 'x', indexes: [{ kind: 'attribute', name: 'id' }] }]);
    expect(parseSpathPath('a{b')).toBeUndefined();
    expect(parseSpathPath('a{0}b')).toBeUndefined();
  });

  it.each([
    ['{"a":{"b":"x"}}', 'a.b', ['x']],
    ['{"a":[1,{"b":2},[3]]}', 'a{}', ['1', '{"b":2}', '[3]']],
    ['{"a":[1,2]}', 'a{1}', ['2']],
    ['{"a":[1,2]}', 'a{5}', []],
    ['{"a":[1,2]}', 'a', ['[1,2]']],
    ['[{"k":"v"},{"k":"w"}]', '{}.k', ['v', 'w']],
    ['{"s":"a\\"b\\u00e9"}', 's', ['a"bé']],
    ['{"n":null,"t":true}', 'n', ['null']],
    ['{"a":{"b":1}}', 'a.c', []],
    ['not json', 'a', []],
  ])('JSON %s at %s', (text, path, expected) => {
    expect(select(text, path)).toEqual(expected);
  });

  it.each([
    ['<r><a>1</a><a>2</a></r>', 'r.a', ['1', '2']],
    ['<r><a>1</a><a>2</a></r>', 'r.a{2}', ['2']],
    ['<r><a id="x">1</a></r>', 'r.a{@id}', ['x']],
    ['<r><a><b>1</b></a></r>', 'r.a', ['<b>1</b>']],
    ['<r><a>1</a></r>', 'a', []],
    ['<?xml version="1.0"?><!-- c --><r><a><![CDATA[<x>]]></a></r>', 'r.a', ['<x>']],
  ])('XML %s at %s', (text, path, expected) => {
    expect(select(text, path)).toEqual(expected);
  });

  it('auto-extracts several values of a multivalue input into one field list', () => {
    expect(Object.fromEntries(extractAll(['{"a":1}', '{"a":2,"b":[3]}']))).toEqual({ a: ['1', '2'], 'b{}': '3' });
  });
});

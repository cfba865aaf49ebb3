import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../../src/data/event.js';
import { flattenJson, flattenProjected } from '../../src/data/flatten.js';
import { flattenJsonText } from '../../src/data/flatten-text.js';

/** Flatten text both ways: from the text (exact numbers) and from JSON.parse (the walk). */
function fromText(text: string): Map<string, FieldValue> {
  const into = new Map<string, FieldValue>();
  expect(flattenJsonText(text, into)).toBe(true);
  return into;
}

function fromValue(text: string): Map<string, FieldValue> {
  const into = new Map<string, FieldValue>();
  flattenJson(JSON.parse(text), into);
  return into;
}

const J2_EVENT = JSON.stringify({
  eventName: 'RunInstances',
  userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::1:user/bob' },
  responseElements: { instancesSet: { items: [{ instanceId: 'i-1' }, { instanceId: 'i-2' }] } },
  tags: ['a', 'b'],
});

describe.each([
  ['text', fromText],
  ['parsed value', fromValue],
])('flatten (%s): J2 names', (_label, flatten) => {
  it('J2 example: exactly these fields, in document order', () => {
    expect([...flatten(J2_EVENT)]).toEqual([
      ['eventName', 'RunInstances'],
      ['userIdentity.type', 'IAMUser'],
      ['userIdentity.arn', 'arn:aws:iam::1:user/bob'],
      ['responseElements.instancesSet.items{}.instanceId', ['i-1', 'i-2']],
      ['tags{}', ['a', 'b']],
    ]);
  });

  it.each([
    ['object nesting joins with "."', '{"userIdentity":{"arn":"x"}}', [['userIdentity.arn', 'x']]],
    ['array of strings', '{"tags":["a","b"]}', [['tags{}', ['a', 'b']]]],
    ['array of objects', '{"items":[{"id":"i-1"},{"id":"i-2"}]}', [['items{}.id', ['i-1', 'i-2']]]],
    ['nested arrays repeat the suffix', '{"m":[[1,2],[3]]}', [['m{}{}', ['1', '2', '3']]]],
    ['one leaf is single-valued', '{"tags":["only"]}', [['tags{}', 'only']]],
    ['empty object and array give nothing', '{"o":{},"a":[],"x":"1"}', [['x', '1']]],
    ['keys verbatim: case, spaces, dots', '{"A b":{"c.d":"v","C.d":"w"}}', [['A b.c.d', 'v'], ['A b.C.d', 'w']]],
    [
      'arrays inside arrays of objects',
      '{"a":[{"b":[{"c":1}]},{"b":[{"c":2},{"c":3}]}]}',
      [['a{}.b{}.c', ['1', '2', '3']]],
    ],
    ['a scalar root gives nothing', '"just text"', []],
    ['an array root names elements {}', '[1,"x"]', [['{}', ['1', 'x']]]],
  ])('%s', (_name, text, fields) => {
    expect([...flatten(text)]).toEqual(fields);
  });

  it('J3: duplicates in an array are kept, in order', () => {
    expect(flatten('{"v":["x","y","x"]}').get('v{}')).toEqual(['x', 'y', 'x']);
  });

  it('J3: a flattened-name collision is one multivalue field in document order', () => {
    expect([...flatten('{"a.b":1,"a":{"b":2}}')]).toEqual([['a.b', ['1', '2']]]);
    expect([...flatten('{"a":{"b":2},"a.b":[3,4]}')]).toEqual([
      ['a.b', '2'],
      ['a.b{}', ['3', '4']],
    ]);
  });

  it('J4: leaf text for strings, booleans, null and empty string', () => {
    const fields = flatten('{"ok":true,"no":false,"nil":null,"empty":"","s":"a\\"b","e":"caf\\u00e9\\n\\\\"}');
    expect([...fields]).toEqual([
      ['ok', 'true'],
      ['no', 'false'],
      ['nil', 'null'],
      ['empty', ''],
      ['s', 'a"b'],
      ['e', 'café\n\\'],
    ]);
  });

  it('keys __proto__, constructor and prototype are ordinary fields (no pollution)', () => {
    const fields = flatten('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"x":1}},"prototype":"p"}');
    expect([...fields]).toEqual([
      ['__proto__.polluted', 'yes'],
      ['constructor.prototype.x', '1'],
      ['prototype', 'p'],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('flattenJsonText: J4 number text as written', () => {
  it.each([
    ['1.50', '1.50'],
    ['1e3', '1e3'],
    ['1E+3', '1E+3'],
    ['-0', '-0'],
    ['0.10', '0.10'],
    ['9007199254740993', '9007199254740993'],
    ['123456789012345678901234567890', '123456789012345678901234567890'],
    ['42', '42'],
    ['-3.25', '-3.25'],
  ])('%s stays %s', (number, text) => {
    expect(fromText(`{"n":${number}}`).get('n')).toBe(text);
  });

  it('J4 example: ok="true" n="1.50" s=a"b', () => {
    expect([...fromText('{"ok":true,"n":1.50,"s":"a\\"b"}')]).toEqual([
      ['ok', 'true'],
      ['n', '1.50'],
      ['s', 'a"b'],
    ]);
  });

  it('a key repeated in one object is multivalue (JSON.parse would keep only the last)', () => {
    expect(fromText('{"k":"first","k":"second"}').get('k')).toEqual(['first', 'second']);
  });

  it('integer-like keys stay in document order', () => {
    expect([...fromText('{"b":"1","10":"2","2":"3"}').keys()]).toEqual(['b', '10', '2']);
  });

  it('pretty-printed text with every kind of whitespace', () => {
    const text = '{\r\n\t"a" :\n [ 1 ,\t{ "b" : null } ] ,\n "c":"x y"\n}\n';
    expect([...fromText(text)]).toEqual([
      ['a{}', '1'],
      ['a{}.b', 'null'],
      ['c', 'x y'],
    ]);
  });

  it('strings with escaped quotes and backslashes before quotes', () => {
    expect([...fromText('{"p":"C:\\\\dir\\\\","q":"say \\"hi\\"","r":"plain"}')]).toEqual([
      ['p', 'C:\\dir\\'],
      ['q', 'say "hi"'],
      ['r', 'plain'],
    ]);
  });

  it.each(['{"a":', '{"a" 1}', '{"a":tru}', '[1,2', '{"a":"x"} trailing', '{"a":"unterminated}', ''])(
    'returns false for malformed text %j',
    (text) => {
      expect(flattenJsonText(text, new Map())).toBe(false);
    },
  );
});

describe('flattenJson on parsed values', () => {
  it('numbers come out as JavaScript prints them (use the text flattener for exact text)', () => {
    const into = new Map<string, FieldValue>();
    flattenJson({ n: 1.5, big: 2 ** 53 }, into);
    expect([...into]).toEqual([
      ['n', '1.5'],
      ['big', '9007199254740992'],
    ]);
  });

  it('extends values already in the map into a multivalue field', () => {
    const into = new Map<string, FieldValue>([['a', 'x']]);
    flattenJson({ a: 'y' }, into);
    flattenJson({ a: 'z' }, into);
    expect(into.get('a')).toEqual(['x', 'y', 'z']);
  });
});

describe('flattenProjected', () => {
  const value = JSON.parse(J2_EVENT) as unknown;

  it('materialises only the wanted names', () => {
    const into = new Map<string, FieldValue>();
    flattenProjected(value, new Set(['eventName', 'tags{}', 'missing']), into);
    expect([...into]).toEqual([
      ['eventName', 'RunInstances'],
      ['tags{}', ['a', 'b']],
    ]);
  });

  it('null means every field', () => {
    const into = new Map<string, FieldValue>();
    flattenProjected(value, null, into);
    expect(into.size).toBe(5);
  });

  it('the text flattener takes the same filter', () => {
    const into = new Map<string, FieldValue>();
    flattenJsonText(J2_EVENT, into, { wanted: new Set(['userIdentity.arn']), skip: null });
    expect([...into]).toEqual([['userIdentity.arn', 'arn:aws:iam::1:user/bob']]);
  });
});

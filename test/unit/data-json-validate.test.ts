// The reader's validating scan (src/data/json-validate.ts) must accept exactly what JSON.parse
// accepts: a line it wrongly accepted would become an event instead of an I002 problem, and one it
// wrongly rejected would only be slower (JSON.parse decides then). Checked on hand-picked edge
// cases and on random JSON texts with random damage.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsonText, lineShape, scanObjectLine } from '../../src/data/json-validate.js';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const EDGE_CASES = [
  '{}', '[]', '{"a":1}', ' {"a" : [1, 2.5e-3, -0, true, false, null]} ', '"x"', '1', '-', '01', '1.', '.5', '1e', '1e+', '1E+2',
  '-01', '-0.0e0', '{"a":}', '{"a" 1}', '{"a":1,}', '[1,]', '[,1]', '{,}', '{"a":1}}', '{"a":1} x', 'tru', 'nul', 'falsey',
  '"\\u00e9"', '"\\u00G9"', '"\\x41"', '"\\/"', '"a\tb"', '"a\u0001b"', '"\\"', '"\\\\"', '"\\\\\\""', '{"\\u0061":1}',
  '{"a":"\\ud800"}', '\ufeff{}', '{"a":1}\t', '\t{"a":1}', '{"a":1}\r', '[[[[[]]]]]', '{"a":{"b":{"c":[{}]}}}', '', ' ',
  'NaN', 'Infinity', '+1', '0x10', '{"a":1 "b":2}', "{'a':1}", '{"a":1,"a":2}', '"unterminated', '[1 2]',
];

describe('json-validate', () => {
  it.each(EDGE_CASES)('agrees with JSON.parse on %j', (text) => {
    expect(isJsonText(text)).toBe(parses(text));
  });

  it('agrees with JSON.parse on random damaged JSON', () => {
    const damaged = fc
      .tuple(fc.json(), fc.array(fc.tuple(fc.nat(), fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\t', '\u0001', 'e', '-', '.', '0', 'u', '')), { maxLength: 3 }))
      .map(([text, edits]) => edits.reduce((t, [at, ch]) => { const i = t.length === 0 ? 0 : at % t.length; return t.slice(0, i) + ch + t.slice(i + 1); }, text));
    fc.assert(fc.property(damaged, (text) => isJsonText(text) === parses(text)), { numRuns: Number(process.env.SPLQ_FUZZ_RUNS ?? 3000) });
  });

  it('finds the last span of each member asked for, and whether others exist', () => {
    const text = '{"time":1,"event":{"a":"}"},"host":"h","time":"2","x":[1]}';
    const line = scanObjectLine(text, lineShape(new Set(['time', 'event', 'host'])))!;
    const at = (k: string) => { const s = line.members.get(k)!; return text.slice(s.start, s.end); };
    expect([at('time'), at('event'), at('host'), line.otherKeys, line.compact]).toEqual(['"2"', '{"a":"}"}', '"h"', true, true]);
    expect(scanObjectLine('{"event": {}, "time": 1}', lineShape(new Set(['time', 'event'])))).toMatchObject({ otherKeys: false, compact: false });
  });

  it('leaves anything but one object to JSON.parse', () => {
    for (const text of ['[{"a":1}]', '"s"', '{"a":1', '{"a":1}{"b":2}']) expect(scanObjectLine(text, lineShape(new Set()))).toBeNull();
  });
});

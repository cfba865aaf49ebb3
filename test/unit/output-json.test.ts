import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../../src/data/event.js';
import { renderJson, renderNdjson } from '../../src/output/json.js';
import type { ResultSet } from '../../src/output/result-set.js';

const row = (...pairs: [string, FieldValue][]): Map<string, FieldValue> => new Map(pairs);
const table = (fields: string[], ...rows: Map<string, FieldValue>[]): ResultSet => ({
  fields,
  rows,
  kind: 'table',
});
const utc = { zone: 'UTC' };

describe('renderJson', () => {
  it('renders stats count as a string (O1)', () => {
    expect(renderJson(table(['count'], row(['count', 3])), utc)).toBe('[\n{"count":"3"}\n]\n');
  });

  it('renders multivalue as an array of strings (O3)', () => {
    const rs = table(['users'], row(['users', ['alice', 'bob']]));
    expect(renderJson(rs, utc)).toBe('[\n{"users":["alice","bob"]}\n]\n');
  });

  it('puts one object per line, keys in field order, absent fields omitted', () => {
    const rs = table(
      ['host', 'count', 'avg'],
      row(['avg', 1.5], ['count', 2], ['host', 'web01']),
      row(['count', 0], ['host', 'web02']),
    );
    expect(renderJson(rs, utc)).toBe(
      '[\n{"host":"web01","count":"2","avg":"1.5"},\n{"host":"web02","count":"0"}\n]\n',
    );
  });

  it('keeps field order for integer-like field names', () => {
    const rs = table(['status', '404', '200'], row(['200', 5], ['404', 1], ['status', 'x']));
    expect(renderJson(rs, utc)).toBe('[\n{"status":"x","404":"1","200":"5"}\n]\n');
  });

  it('does not output fields missing from the field list', () => {
    const rs = table(['a'], row(['a', 'x'], ['_indextime', 1]));
    expect(renderJson(rs, utc)).toBe('[\n{"a":"x"}\n]\n');
  });

  it('renders an empty result as []', () => {
    expect(renderJson(table(['count']), utc)).toBe('[]\n');
  });

  it('renders a row without any listed field as {}', () => {
    expect(renderJson(table(['a'], row(['b', 'x'])), utc)).toBe('[\n{}\n]\n');
  });

  it('renders numbers through formatNumber (O2)', () => {
    const rs = table(
      ['i', 'f', 'long', 'nan', 'inf', 'ninf'],
      row(['i', 21502], ['f', 1.5], ['long', 3.9900000000000055], ['nan', NaN], ['inf', Infinity], ['ninf', -Infinity]),
    );
    expect(renderJson(rs, utc)).toBe(
      '[\n{"i":"21502","f":"1.5","long":"3.9900000000000055","nan":"nan","inf":"inf","ninf":"-inf"}\n]\n',
    );
  });

  it('escapes quotes, backslashes and control characters', () => {
    const rs = table(['raw'], row(['raw', '{"a":"b\\c"}\n\t']));
    expect(renderJson(rs, utc)).toBe('[\n{"raw":"{\\"a\\":\\"b\\\\c\\"}\\n\\t"}\n]\n');
  });

  it('renders event results with _time in the zone (O4, O5)', () => {
    const rs: ResultSet = {
      fields: ['_raw', '_time', 'host'],
      rows: [row(['host', 'h1'], ['_time', 1705312800], ['_raw', '{"x":1}'])],
      kind: 'events',
    };
    expect(renderJson(rs, { zone: 'America/New_York' })).toBe(
      '[\n{"_raw":"{\\"x\\":1}","_time":"2024-01-15T05:00:00.000-05:00","host":"h1"}\n]\n',
    );
  });
});

describe('renderNdjson', () => {
  it('renders one object per line', () => {
    const rs = table(['a', 'b'], row(['a', 1]), row(['b', ['x', 'y']]), row(['a', ['z']]));
    expect(renderNdjson(rs, utc)).toBe('{"a":"1"}\n{"b":["x","y"]}\n{"a":"z"}\n');
  });

  it('renders nothing for no results', () => {
    expect(renderNdjson(table(['a']), utc)).toBe('');
  });
});

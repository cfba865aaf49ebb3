import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../../src/data/event.js';
import {
  eventResults,
  FORMATS,
  isOutputFormat,
  OUTPUT_FORMATS,
  renderResults,
} from '../../src/output/index.js';

const row = (...pairs: [string, FieldValue][]): Map<string, FieldValue> => new Map(pairs);

describe('output format registry', () => {
  it('has table, csv, json and ndjson', () => {
    expect(OUTPUT_FORMATS).toEqual(['table', 'csv', 'json', 'ndjson']);
    expect(Object.keys(FORMATS)).toEqual(['table', 'csv', 'json', 'ndjson']);
  });

  it('recognises format names and nothing else', () => {
    expect(isOutputFormat('csv')).toBe(true);
    expect(isOutputFormat('xml')).toBe(false);
    expect(isOutputFormat('toString')).toBe(false);
  });

  it('renders event results in every format', () => {
    const rs = eventResults([
      row(['_time', 1705312800], ['_raw', 'r2'], ['host', 'a'], ['_indextime', 1705312800]),
      row(['_time', 1705312799.5], ['_raw', 'r1'], ['user', ['u1', 'u2']]),
    ]);
    const opts = { zone: 'UTC' };
    expect(rs.fields).toEqual(['_raw', '_time', 'host', 'user']);
    expect(renderResults('ndjson', rs, opts)).toBe(
      '{"_raw":"r2","_time":"2024-01-15T10:00:00.000+00:00","host":"a"}\n' +
        '{"_raw":"r1","_time":"2024-01-15T09:59:59.500+00:00","user":["u1","u2"]}\n',
    );
    expect(renderResults('csv', rs, opts)).toBe(
      '_raw,_time,host,user\n' +
        'r2,2024-01-15T10:00:00.000+00:00,a,\n' +
        'r1,2024-01-15T09:59:59.500+00:00,,"u1\nu2"\n',
    );
    expect(renderResults('table', rs, opts)).toBe(
      '_raw  _time                          host  user\n' +
        '----  -----------------------------  ----  ----\n' +
        'r2    2024-01-15T10:00:00.000+00:00  a\n' +
        'r1    2024-01-15T09:59:59.500+00:00        u1\n' +
        '                                           u2\n',
    );
    expect(renderResults('json', rs, opts)).toBe(
      '[\n{"_raw":"r2","_time":"2024-01-15T10:00:00.000+00:00","host":"a"},\n' +
        '{"_raw":"r1","_time":"2024-01-15T09:59:59.500+00:00","user":["u1","u2"]}\n]\n',
    );
  });

  it('rejects an unknown zone with U002 in every format', () => {
    const rs = eventResults([row(['a', 'x'])]);
    for (const format of OUTPUT_FORMATS) {
      expect(() => renderResults(format, rs, { zone: 'No/Such_Zone' })).toThrow(/Unknown time zone/);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../../src/data/event.js';
import { csvCell, renderCsv } from '../../src/output/csv.js';
import type { ResultSet } from '../../src/output/result-set.js';

const row = (...pairs: [string, FieldValue][]): Map<string, FieldValue> => new Map(pairs);
const table = (fields: string[], ...rows: Map<string, FieldValue>[]): ResultSet => ({
  fields,
  rows,
  kind: 'table',
});
const utc = { zone: 'UTC' };

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    [' spaced ', ' spaced '],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['line1\nline2', '"line1\nline2"'],
    ['cr\rhere', '"cr\rhere"'],
    ["it's", "it's"],
  ])('%j → %j', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });
});

describe('renderCsv', () => {
  it('writes a header and one line per result, absent fields empty', () => {
    const rs = table(
      ['host', 'count', 'avg'],
      row(['host', 'web01'], ['count', 2], ['avg', 1.5]),
      row(['count', 0]),
    );
    expect(renderCsv(rs, utc)).toBe('host,count,avg\nweb01,2,1.5\n,0,\n');
  });

  it('joins multivalue with a newline inside one quoted cell (O3)', () => {
    const rs = table(['host', 'users'], row(['host', 'h'], ['users', ['alice', 'bob']]));
    expect(renderCsv(rs, utc)).toBe('host,users\nh,"alice\nbob"\n');
  });

  it('renders a one-value multivalue as a plain cell', () => {
    expect(renderCsv(table(['u'], row(['u', ['alice']])), utc)).toBe('u\nalice\n');
  });

  it('quotes values and multivalue members containing quotes or commas', () => {
    const rs = table(['v', 'mv'], row(['v', 'a "b", c'], ['mv', ['x,y', 'z']]));
    expect(renderCsv(rs, utc)).toBe('v,mv\n"a ""b"", c","x,y\nz"\n');
  });

  it('quotes header names when needed', () => {
    expect(renderCsv(table(['count(a,b)', 'x']), utc)).toBe('"count(a,b)",x\n');
  });

  it('renders numbers through formatNumber (O2)', () => {
    const rs = table(
      ['a', 'b', 'c', 'd', 'e', 'f'],
      row(['a', 17664], ['b', 1.5], ['c', 3.9900000000000055], ['d', NaN], ['e', Infinity], ['f', -Infinity]),
    );
    expect(renderCsv(rs, utc)).toBe('a,b,c,d,e,f\n17664,1.5,3.9900000000000055,nan,inf,-inf\n');
  });

  it('renders _time as ISO 8601 (O5)', () => {
    const rs = table(['_time', 'n'], row(['_time', 1719828000.25], ['n', 1]));
    expect(renderCsv(rs, { zone: 'America/New_York' })).toBe('_time,n\n2024-07-01T06:00:00.250-04:00,1\n');
  });

  it('writes only the header for no results, nothing for no fields', () => {
    expect(renderCsv(table(['a', 'b']), utc)).toBe('a,b\n');
    expect(renderCsv(table([]), utc)).toBe('');
  });
});

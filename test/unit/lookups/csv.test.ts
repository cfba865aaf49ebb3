// CSV lookup files (src/lookups/csv.ts): RFC 4180 plus the leniency Splunk shows reading lookups.
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from '../../../src/lookups/csv.js';

describe('parseCsv', () => {
  it.each([
    ['a,b\n1,2\n', ['a', 'b'], [['1', '2']]],
    ['a,b\r\n1,2\r\n', ['a', 'b'], [['1', '2']]],
    ['a,b\r1,2', ['a', 'b'], [['1', '2']]],
    ['\uFEFFa,b\n1,2', ['a', 'b'], [['1', '2']]],
    ['a,b\n"x,y","say ""hi"""\n', ['a', 'b'], [['x,y', 'say "hi"']]],
    ['a,b\n"two\nlines",z\n', ['a', 'b'], [['two\nlines', 'z']]],
    ['a,b\n"keeps\r\nCRLF",z', ['a', 'b'], [['keeps\r\nCRLF', 'z']]],
    ['a,b\n1,\n', ['a', 'b'], [['1', '']]],
    ['a,b\n1,', ['a', 'b'], [['1', '']]],
    ['a,b\n,\n', ['a', 'b'], [['', '']]],
    ['a,b\n\n1,2\n\r\n\n3,4', ['a', 'b'], [['1', '2'], ['3', '4']]],
    ['a,b\n"q"tail,2', ['a', 'b'], [['qtail', '2']]],
    ['a,b\nin"side,2', ['a', 'b'], [['in"side', '2']]],
    ['a,b\n"never closed,2\n3,4', ['a', 'b'], [['never closed,2\n3,4']]],
    ['a\n1\n2', ['a'], [['1'], ['2']]],
    ['a,b,c\nonly', ['a', 'b', 'c'], [['only']]],
    [' a , b \n 1 , 2 ', [' a ', ' b '], [[' 1 ', ' 2 ']]],
  ])('%j', (text, header, records) => {
    expect(parseCsv(text)).toEqual({ header, records });
  });

  it('an empty file has no header and no records', () => {
    expect(parseCsv('')).toEqual({ header: [], records: [] });
    expect(parseCsv('\uFEFF')).toEqual({ header: [], records: [] });
  });
});

describe('formatCsv', () => {
  it('quotes cells with quotes, commas, line breaks or edge spaces', () => {
    expect(formatCsv(['a', 'b,c'], [['x "y"', 'plain'], ['two\nlines', ' pad'], ['', 'z']])).toBe(
      'a,"b,c"\n"x ""y""",plain\n"two\nlines"," pad"\n,z\n',
    );
  });

  it('round-trips through parseCsv', () => {
    const header = ['k', 'v'];
    const records = [['a,b', '"q"'], ['line\r\nbreak', ''], [' x ', '$y$;$z$']];
    expect(parseCsv(formatCsv(header, records))).toEqual({ header, records });
  });
});

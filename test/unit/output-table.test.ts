import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../../src/data/event.js';
import type { ResultSet } from '../../src/output/result-set.js';
import { renderTable, textWidth } from '../../src/output/table.js';

const row = (...pairs: [string, FieldValue][]): Map<string, FieldValue> => new Map(pairs);
const table = (fields: string[], ...rows: Map<string, FieldValue>[]): ResultSet => ({
  fields,
  rows,
  kind: 'table',
});
const utc = { zone: 'UTC' };
const lines = (...ls: string[]): string => ls.map((l) => `${l}\n`).join('');

describe('renderTable', () => {
  it('aligns columns under a header and a rule', () => {
    const rs = table(
      ['host', 'count'],
      row(['host', 'web01'], ['count', 3]),
      row(['host', 'db'], ['count', 12]),
    );
    expect(renderTable(rs, utc)).toBe(lines(
      'host   count',
      '-----  -----',
      'web01  3',
      'db     12',
    ));
  });

  it('widens a column to its header', () => {
    const rs = table(['a', 'longname', 'z'], row(['a', 'x'], ['longname', 'y'], ['z', 'w']));
    expect(renderTable(rs, utc)).toBe(lines(
      'a  longname  z',
      '-  --------  -',
      'x  y         w',
    ));
  });

  it('shows multivalue values one per line, columns still aligned', () => {
    const rs = table(
      ['user', 'actions', 'n'],
      row(['user', 'alice'], ['actions', ['login', 'logout', 'view']], ['n', 3]),
      row(['user', 'bob'], ['actions', 'login'], ['n', 1]),
    );
    expect(renderTable(rs, utc)).toBe(lines(
      'user   actions  n',
      '-----  -------  -',
      'alice  login    3',
      '       logout',
      '       view',
      'bob    login    1',
    ));
  });

  it('keeps later columns aligned under a multi-line cell in the middle', () => {
    const rs = table(['a', 'b', 'c'], row(['a', ['1', '2']], ['b', 'x'], ['c', ['p', 'q', 'r']]));
    expect(renderTable(rs, utc)).toBe(lines(
      'a  b  c',
      '-  -  -',
      '1  x  p',
      '2     q',
      '      r',
    ));
  });

  it('breaks text containing line breaks onto its own lines', () => {
    const rs = table(['msg', 'k'], row(['msg', 'one\ntwo\r\nthree'], ['k', 'v']));
    expect(renderTable(rs, utc)).toBe(lines(
      'msg    k',
      '-----  -',
      'one    v',
      'two',
      'three',
    ));
  });

  it('measures width in code points (accents, CJK, astral emoji)', () => {
    const rs = table(
      ['city', 'emoji', 'v'],
      row(['city', 'Zürich'], ['emoji', '😀😀'], ['v', 'a']),
      row(['city', '東京'], ['emoji', 'x'], ['v', 'b']),
      row(['city', 'café'], ['v', 'c']),
    );
    expect(renderTable(rs, utc)).toBe(lines(
      'city    emoji  v',
      '------  -----  -',
      'Zürich  😀😀     a',
      '東京      x      b',
      'café           c',
    ));
  });

  it('does not truncate long cells', () => {
    const long = 'x'.repeat(300);
    const rs = table(['a', 'b'], row(['a', long], ['b', 'y']));
    expect(renderTable(rs, utc)).toBe(lines(
      'a' + ' '.repeat(299) + '  b',
      '-'.repeat(300) + '  -',
      long + '  y',
    ));
  });

  it('renders numbers through formatNumber (O2)', () => {
    const values = [7, 1.5, 3.9900000000000055, NaN, Infinity, -Infinity];
    const rs = table(['v'], ...values.map((v) => row(['v', v])));
    expect(renderTable(rs, utc)).toBe(lines(
      'v',
      '------------------',
      '7',
      '1.5',
      '3.9900000000000055',
      'nan',
      'inf',
      '-inf',
    ));
  });

  it('renders _time as ISO 8601 in the zone (O5)', () => {
    const rs = table(['_time', 'host'], row(['_time', 1705312800], ['host', 'h']));
    expect(renderTable(rs, { zone: 'America/New_York' })).toBe(lines(
      '_time' + ' '.repeat(24) + '  host',
      '-'.repeat(29) + '  ----',
      '2024-01-15T05:00:00.000-05:00  h',
    ));
  });

  it('prints (no results) for an empty result', () => {
    expect(renderTable(table(['a', 'b']), utc)).toBe('(no results)\n');
    expect(renderTable(table([], row(['a', 'x'])), utc)).toBe('(no results)\n');
  });

  it('uses no escape codes by default and bolds only the header with color', () => {
    const rs = table(['host', 'n'], row(['host', 'web01'], ['n', 1]));
    expect(renderTable(rs, utc)).not.toContain('\x1b');
    expect(renderTable(rs, { zone: 'UTC', color: true })).toBe(
      '\x1b[1mhost   n\x1b[0m\n-----  -\nweb01  1\n',
    );
  });
});

describe('textWidth', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 1],
    ['東京', 2],
    ['😀', 1],
  ])('%j has width %i', (text, width) => {
    expect(textWidth(text)).toBe(width);
  });
});

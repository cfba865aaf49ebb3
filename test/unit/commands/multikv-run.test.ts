// multikv, run: table reading (header choice, cells, names) and the command's result shaping.
// https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/multikv
import { describe, expect, it } from 'vitest';
import { readTable, splitCells } from '../../../src/commands/multikv-table.js';
import { runLast } from './run-command.js';

const AUTO = { forceheader: undefined, noheader: false };

describe('splitCells', () => {
  it('whitespace runs; the last cell takes the rest of the line', () => {
    expect(splitCells('  1  root   /bin/x -a  b  ', false, 3)).toEqual(['1', 'root', '/bin/x -a  b']);
    expect(splitCells('a b', false, 3)).toEqual(['a', 'b']);
  });

  it('commas, cells trimmed, empty cells kept as gaps', () => {
    expect(splitCells(' a , ,c,d', true, 3)).toEqual(['a', '', 'c,d']);
  });
});

describe('readTable', () => {
  it('the header is the first row with no number; rows before it are skipped', () => {
    const rows = readTable('Report 2024\n\nPID CMD\n1 init\n42 sshd -D', AUTO);
    expect(rows.map((r) => r.cells)).toEqual([
      [['PID', '1'], ['CMD', 'init']],
      [['PID', '42'], ['CMD', 'sshd -D']],
    ]);
  });

  it('a table without a text row takes its first row as the header (numbers clean to Column_<n>)', () => {
    expect(readTable('1 2\n3 4', AUTO).map((r) => r.cells)).toEqual([[['Column_1', '3'], ['Column_2', '4']]]);
  });

  it('short rows leave columns unset; unnamed columns are Column_<n>', () => {
    const rows = readTable('a,,c\n1,2\n4,5,6', AUTO);
    expect(rows.map((r) => r.cells)).toEqual([
      [['a', '1'], ['Column_2', '2']],
      [['a', '4'], ['Column_2', '5'], ['c', '6']],
    ]);
  });

  it('forceheader past the last line gives no rows; noheader sizes columns from the first row', () => {
    expect(readTable('a\nb', { forceheader: 3, noheader: false })).toEqual([]);
    expect(readTable('x y\n1 2 3', { forceheader: undefined, noheader: true }).map((r) => r.cells)).toEqual([
      [['Column_1', 'x'], ['Column_2', 'y']],
      [['Column_1', '1'], ['Column_2', '2 3']],
    ]);
  });
});

describe('multikv: results', () => {
  it('an event without rows gives nothing (rmorig=true), or only itself (rmorig=false)', () => {
    expect(runLast('* | multikv', [{ _raw: 'just a header' }])).toEqual([]);
    expect(runLast('* | multikv rmorig=f', [{ _raw: 'just a header' }])).toEqual([{ _raw: 'just a header' }]);
  });

  it('table columns overwrite copied fields of the same name; fields takes patterns', () => {
    expect(runLast('* | multikv fields c*', [{ _raw: 'cpu mem cmd\n5 6 x', cpu: 'old', mem: 'old' }])).toEqual([
      { _raw: '5 6 x', cpu: '5', mem: 'old', cmd: 'x' },
    ]);
  });

  it('filter terms match the row text as written', () => {
    expect(runLast('* | multikv filter "b c" Z', [{ _raw: 'k v\na b c\nd z\nZ 1' }]).map((r) => r._raw)).toEqual(['a b c', 'Z 1']);
  });

  it('an empty fields list is an error (B405)', () => {
    expect(() => runLast('* | multikv fields', [])).toThrow(expect.objectContaining({ code: 'B405' }));
  });
});

import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTests } from '../../../src/testing/spec.js';

const FILE = '/repo/detections/cloud/x.test.yml';

describe('parseTests', () => {
  it('reads security_content tests as written', () => {
    const [t] = parseTests(
      [{ name: 'True Positive Test', attack_data: [{ data: 'https://x/datasets/a/b.log', source: 's', sourcetype: 'st', update_timestamp: true }] }],
      FILE,
    );
    expect(t).toEqual({
      name: 'True Positive Test',
      file: FILE,
      attackData: [{ data: 'https://x/datasets/a/b.log', source: 's', sourcetype: 'st', host: undefined, index: undefined }],
      datasets: [],
      expect: undefined,
      window: { earliest: undefined, latest: undefined, allTime: undefined },
      macros: [],
    });
  });

  it('reads the extension keys: dataset (relative to the file), window, macros, expect', () => {
    const [t] = parseTests(
      [
        {
          name: 'n',
          dataset: '../../datasets/d.yml',
          earliest_time: 0,
          latest_time: 'now',
          macros: { x_filter: 'search NOT a=1', 'm(1)': 'b=$v$' },
          expect: { min_results: 1, max_results: 3, rows: [{ count: 2, ok: true, mv: ['a', 'b'], gone: null }], none: false },
        },
      ],
      FILE,
    );
    expect(t!.problem).toBeUndefined();
    expect(t!.datasets).toEqual([resolve('/repo/datasets/d.yml')]);
    expect(t!.window).toEqual({ earliest: '0', latest: 'now', allTime: undefined });
    expect(t!.macros).toEqual(['x_filter=search NOT a=1', 'm(1)=b=$v$']);
    expect(t!.expect).toEqual({ minResults: 1, maxResults: 3, rows: [{ count: '2', ok: 'true', mv: ['a', 'b'], gone: null }], none: false });
  });

  it.each([
    [{ name: 'n', expected: { none: true } }, 'unknown key in test: expected'],
    [{ name: 'n', expect: { non: true } }, 'unknown key in expect: non'],
    [{ name: 'n', expect: { none: 'yes' } }, '`expect.none` must be true or false'],
    [{ name: 'n', expect: { min_results: -1 } }, '`expect.min_results` must be a whole number >= 0'],
    [{ name: 'n', attack_data: [{ source: 'x' }] }, '`attack_data.data` must be a non-empty text'],
    [{ name: 'n', attack_data: { data: 'x' } }, '`attack_data` must be a list'],
    [{ name: 'n', expect: { rows: [{ a: { b: 1 } }] } }, 'expected value of "a" must be text'],
  ])('a malformed test is a problem of that test, not ignored: %j', (test, problem) => {
    const [t] = parseTests([test], FILE);
    expect(t!.name).toBe('n');
    expect(t!.problem).toContain(problem);
  });

  it('a `tests` value that is not a list is one problem; none at all is no tests', () => {
    expect(parseTests({ name: 'x' }, FILE)[0]!.problem).toBe('`tests` must be a list');
    expect(parseTests(undefined, FILE)).toEqual([]);
  });
});

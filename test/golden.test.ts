/**
 * The golden suite: every case in fixtures/cases runs through the real pipeline. Expected rows
 * come from the spec, Splunk's docs or independent derivation (each case says which).
 */
import { describe, expect, it } from 'vitest';
import { loadCases, type GoldenCase } from './helpers/cases.js';
import { runCase, type RunMode } from './helpers/run-case.js';

const cases = loadCases();
const groups = [...new Set(cases.map((c) => c.group))];

function sortRows(rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

async function check(c: GoldenCase, mode: RunMode): Promise<void> {
  const out = await runCase(c, mode);
  if (c.error) {
    expect(out.error, `expected error ${c.error.code}, got rows ${JSON.stringify(out.rows)}`).toBeDefined();
    expect(out.error).toEqual(c.error.in ? c.error : { code: c.error.code, at: c.error.at });
    return;
  }
  expect(out.error, `unexpected error ${JSON.stringify(out.error)}`).toBeUndefined();
  const expected = c.expected!;
  if (expected.unordered) expect(sortRows(out.rows!)).toEqual(sortRows(expected.rows));
  else expect(out.rows).toEqual(expected.rows);
  if (expected.fields) expect(out.fields).toEqual(expected.fields);
  if (c.written) expect(out.written).toEqual(c.written);
}

// Every case runs three times: with the raw-text prefilter and field projection (issue 5), without
// them, and with the events read in slices and merged (worker threads); the expected output is the
// same, so the optimised and parallel paths can never drift from the plain one.
for (const mode of ['optimised', 'plain', 'sliced'] as const) {
  describe(mode, () => {
    for (const group of groups) {
      describe(group, () => {
        for (const c of cases.filter((x) => x.group === group)) it(c.description, () => check(c, mode));
      });
    }
  });
}

/**
 * The `tests:` list of a detection YAML or of its `*.test.yml` sidecar -> TestCase values.
 * security_content's keys (`name`, `attack_data: [{data, source, sourcetype}]`) plus splq's
 * extensions: `expect`, `dataset` (descriptor files), `earliest_time`/`latest_time`/`all_time`
 * and `macros`. A misspelt key is a problem of that test, never silently ignored: a negative test
 * whose `expect` is lost would otherwise pass on the default rule.
 */
import { dirname, resolve } from 'node:path';
import type { AttackDataEntry, Expectation, ExpectedRow, ExpectedValue, TestCase, WindowSpec } from './types.js';

const TEST_KEYS = new Set([
  'name', 'attack_data', 'expect', 'dataset', 'earliest_time', 'latest_time', 'all_time', 'macros',
  // contentctl's, accepted and not used: the outcome is judged by `expect` or its default rule.
  'test_type', 'pass_condition', 'description', 'baselines', 'tags',
]);
const DATA_KEYS = new Set(['data', 'source', 'sourcetype', 'host', 'index', 'custom_index', 'update_timestamp', 'file_name']);
const EXPECT_KEYS = new Set(['min_results', 'max_results', 'rows', 'none']);

/** A malformed part of a test; becomes `TestCase.problem`. */
class SpecProblem extends Error {}

/** Every test of a `tests:` value; `file` is where it is written (relative paths start there). */
export function parseTests(value: unknown, file: string): TestCase[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return [broken('tests', file, '`tests` must be a list')];
  return value.map((item, i) => parseTest(item, i, file));
}

function parseTest(item: unknown, index: number, file: string): TestCase {
  const fallbackName = isRecord(item) && typeof item.name === 'string' ? item.name : `test ${index + 1}`;
  try {
    if (!isRecord(item)) throw new SpecProblem('a test must be a mapping with `name` and `attack_data`');
    unknownKeys(item, TEST_KEYS, 'test');
    const base = dirname(resolve(file));
    return {
      name: fallbackName,
      file,
      attackData: list(item.attack_data, 'attack_data').map(attackData),
      datasets: list(item.dataset, 'dataset').map((d) => resolve(base, text(d, 'dataset'))),
      expect: item.expect === undefined ? undefined : expectation(item.expect),
      window: windowOf(item),
      macros: macrosOf(item.macros),
    };
  } catch (e) {
    if (!(e instanceof SpecProblem)) throw e;
    return broken(fallbackName, file, e.message);
  }
}

function broken(name: string, file: string, problem: string): TestCase {
  return { name, file, attackData: [], datasets: [], window: {}, macros: [], problem };
}

function attackData(item: unknown): AttackDataEntry {
  if (!isRecord(item)) throw new SpecProblem('each `attack_data` entry must be a mapping with `data`');
  unknownKeys(item, DATA_KEYS, 'attack_data entry');
  return {
    data: text(item.data, 'attack_data.data'),
    source: optionalText(item.source, 'attack_data.source'),
    sourcetype: optionalText(item.sourcetype, 'attack_data.sourcetype'),
    host: optionalText(item.host, 'attack_data.host'),
    index: optionalText(item.index ?? item.custom_index, 'attack_data.index'),
  };
}

function expectation(value: unknown): Expectation {
  if (!isRecord(value)) throw new SpecProblem('`expect` must be a mapping of min_results, max_results, rows, none');
  unknownKeys(value, EXPECT_KEYS, 'expect');
  const none = value.none;
  if (none !== undefined && typeof none !== 'boolean') throw new SpecProblem('`expect.none` must be true or false');
  return {
    minResults: count(value.min_results, 'expect.min_results'),
    maxResults: count(value.max_results, 'expect.max_results'),
    rows: value.rows === undefined ? undefined : list(value.rows, 'expect.rows').map(expectedRow),
    none,
  };
}

function expectedRow(value: unknown): ExpectedRow {
  if (!isRecord(value)) throw new SpecProblem('each row of `expect.rows` must be a mapping of field: value');
  const row: Record<string, ExpectedValue> = {};
  for (const [field, v] of Object.entries(value)) row[field] = expectedValue(v, field);
  return row;
}

/** YAML scalars become the text Splunk would show (`count: 2` means "2"); lists are multivalue. */
function expectedValue(v: unknown, field: string): ExpectedValue {
  if (v === null) return null;
  if (Array.isArray(v)) return v.map((x) => scalarText(x, field));
  return scalarText(v, field);
}

function scalarText(v: unknown, field: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new SpecProblem(`expected value of "${field}" must be text, a number or a list of them`);
}

function windowOf(item: Record<string, unknown>): WindowSpec {
  const allTime = item.all_time;
  if (allTime !== undefined && typeof allTime !== 'boolean') throw new SpecProblem('`all_time` must be true or false');
  return {
    earliest: optionalTime(item.earliest_time, 'earliest_time'),
    latest: optionalTime(item.latest_time, 'latest_time'),
    allTime,
  };
}

/** `macros: {name: definition, "name(a,b)": definition}` -> inline definitions `name=definition`. */
function macrosOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!isRecord(value)) throw new SpecProblem('`macros` must be a mapping of macro name to definition');
  return Object.entries(value).map(([name, def]) => `${name}=${text(def, `macros.${name}`)}`);
}

function unknownKeys(item: Record<string, unknown>, known: ReadonlySet<string>, what: string): void {
  const unknown = Object.keys(item).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    throw new SpecProblem(`unknown key${unknown.length > 1 ? 's' : ''} in ${what}: ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
  }
}

function list(value: unknown, key: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string' && key === 'dataset') return [value];
  if (!Array.isArray(value)) throw new SpecProblem(`\`${key}\` must be a list`);
  return value;
}

function text(value: unknown, key: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new SpecProblem(`\`${key}\` must be a non-empty text`);
  return value.trim();
}

function optionalText(value: unknown, key: string): string | undefined {
  return value === undefined || value === null ? undefined : text(value, key);
}

/** `earliest_time: 0` is a YAML number; time settings are text to the resolver. */
function optionalTime(value: unknown, key: string): string | undefined {
  if (typeof value === 'number') return String(value);
  return optionalText(value, key);
}

function count(value: unknown, key: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new SpecProblem(`\`${key}\` must be a whole number >= 0`);
  return value;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

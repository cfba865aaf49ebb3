/**
 * Golden case loader: reads fixtures/cases/<group>/<name>.json, rejects unknown keys (so a typo
 * cannot disable a check) and checks the shape described in fixtures/cases/README.md.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface GoldenCase {
  readonly file: string;
  readonly group: string;
  readonly description: string;
  /** The query text; absent when `detection` gives it. */
  readonly spl?: string;
  /**
   * A detection YAML (path from the repository root) whose exact `search:` runs instead of `spl`,
   * with its content repository's macros/ and lookups/ loaded, as `splq test` does.
   */
  readonly detection?: string;
  readonly dataset?: string;
  readonly datasetPath?: string;
  readonly events?: readonly unknown[];
  readonly macros?: string;
  /** A folder under fixtures/lookups/ (read-only); outputlookup writes to a fresh scratch folder. */
  readonly lookups?: string;
  /** Files outputlookup must have written: file name → exact text. */
  readonly written?: Readonly<Record<string, string>>;
  readonly options?: Readonly<Record<string, string>>;
  readonly now: string;
  readonly tz: string;
  readonly expected?: { readonly fields?: readonly string[]; readonly rows: readonly Record<string, unknown>[]; readonly unordered?: boolean };
  readonly error?: { readonly code: string; readonly at: string; readonly in?: string };
  readonly provenance: string;
}

const KEYS = new Set(['description', 'spl', 'detection', 'dataset', 'datasetPath', 'events', 'macros', 'lookups', 'written', 'options', 'now', 'tz', 'expected', 'error', 'provenance']);
const OPTION_KEYS = new Set(['sourcetype', 'source', 'host', 'index', 'timeField']);

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const CASES_DIR = join(REPO_ROOT, 'fixtures', 'cases');

export function loadCases(dir = CASES_DIR): GoldenCase[] {
  return listJson(dir).map((file) => parseCase(file, JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>));
}

function listJson(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return listJson(p);
      return name.endsWith('.json') ? [p] : [];
    });
}

/** One case file's JSON, checked; `file` is its absolute path (it names the group and errors). */
export function parseCase(file: string, raw: Record<string, unknown>): GoldenCase {
  const where = relative(REPO_ROOT, file);
  const fail = (why: string): never => {
    throw new Error(`${where}: ${why}`);
  };
  for (const key of Object.keys(raw)) if (!KEYS.has(key)) fail(`unknown key "${key}"`);
  for (const key of ['description', 'now', 'tz', 'provenance']) if (raw[key] === undefined) fail(`missing "${key}"`);
  if ((raw.spl === undefined) === (raw.detection === undefined)) fail('give exactly one of spl, detection');
  if (raw.detection !== undefined && typeof raw.detection !== 'string') fail('"detection" must be a path string');
  const sources = ['dataset', 'datasetPath', 'events'].filter((k) => raw[k] !== undefined);
  if (sources.length > 1) fail('give only one of dataset, datasetPath, events');
  if ((raw.expected === undefined) === (raw.error === undefined)) fail('give exactly one of expected, error');
  for (const key of Object.keys((raw.options as object) ?? {})) if (!OPTION_KEYS.has(key)) fail(`unknown option "${key}"`);
  const spl = Array.isArray(raw.spl) ? (raw.spl as string[]).join('\n') : (raw.spl as string | undefined);
  const group = relative(CASES_DIR, file).split(/[\\/]/)[0]!;
  return { ...(raw as unknown as GoldenCase), ...(spl === undefined ? {} : { spl }), file: where, group };
}

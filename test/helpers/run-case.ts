/** Runs one golden case through the real pipeline (expand, parse, bind, read, execute, render). */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDetection } from '../../src/detections/load.js';
import { SplError } from '../../src/errors/spl-error.js';
import { repositoryLookups } from '../../src/lookups/locate.js';
import { renderResults } from '../../src/output/index.js';
import { runSearch, StageError, type QuerySource } from '../../src/pipeline.js';
import { resolveOffset } from '../../src/source/source-map.js';
import { repositoryRoot } from '../../src/testing/discover.js';
import { parseClockTime } from '../../src/time/clock.js';
import { REPO_ROOT, type GoldenCase } from './cases.js';

export interface CaseOutcome {
  readonly rows?: Record<string, unknown>[];
  readonly fields?: readonly string[];
  readonly error?: { code: string; at: string; in?: string };
  /** The files in the case's scratch lookups folder after the run. */
  readonly written?: Record<string, string>;
}

const scratch = mkdtempSync(join(tmpdir(), 'splq-golden-'));

function inputsOf(c: GoldenCase): string[] {
  if (c.dataset) return [join(REPO_ROOT, 'fixtures', 'events', c.dataset)];
  if (c.datasetPath) return [join(REPO_ROOT, c.datasetPath)];
  const file = join(scratch, `${c.file.replace(/[\\/]/g, '_')}.ndjson`);
  writeFileSync(file, (c.events ?? []).map((e) => JSON.stringify(e)).join('\n') + '\n');
  return [file];
}

/**
 * The query, macro files and read-only lookup folders of a case. A `detection` case runs the
 * detection's exact `search:` over its repository's macros/ (then the case's macro set on top)
 * and lookups/ (after the case's own lookups), as `splq test` does (`splq run -d` adds the lookups only).
 */
function searchOf(c: GoldenCase): { query: QuerySource; macroPaths: string[]; readOnly: string[] } {
  const macroPaths = c.macros ? [join(REPO_ROOT, 'fixtures', 'macro-sets', `${c.macros}.conf`)] : [];
  const readOnly = c.lookups ? [join(REPO_ROOT, 'fixtures', 'lookups', c.lookups)] : [];
  if (c.detection === undefined) return { query: { text: c.spl!, name: '<query>' }, macroPaths, readOnly };
  const file = join(REPO_ROOT, c.detection);
  const root = repositoryRoot(file);
  const repoMacros = root && existsSync(join(root, 'macros')) ? [join(root, 'macros')] : [];
  const repoLookups = repositoryLookups(file);
  return {
    query: loadDetection(file).query,
    macroPaths: [...repoMacros, ...macroPaths],
    readOnly: [...readOnly, ...(repoLookups ? [repoLookups] : [])],
  };
}

/**
 * `optimised`: prefilter and projection on (the default); `plain`: both off; `sliced`: optimised,
 * and the events cut into slices as small as one line, read by three lanes whose outcomes are
 * merged (the worker-thread path of issue 5, in this thread). Results must agree.
 */
export type RunMode = 'optimised' | 'plain' | 'sliced';

export async function runCase(c: GoldenCase, mode: RunMode = 'optimised'): Promise<CaseOutcome> {
  const now = parseClockTime(c.now, c.tz);
  if (now === undefined) throw new Error(`${c.file}: bad "now"`);
  const clock = { now, zone: c.tz };
  const lookupDir = mkdtempSync(join(scratch, 'lookups-'));
  try {
    const { query, macroPaths, readOnly } = searchOf(c);
    const result = await runSearch({
      query,
      macros: { defaultMacros: true, macroPaths, inlineMacros: [], strictMacros: false },
      inputs: inputsOf(c),
      read: { ...c.options },
      clock,
      lookups: { paths: [lookupDir], readOnly },
      prefilter: mode !== 'plain',
      projection: mode !== 'plain',
      parallel: mode === 'sliced' ? { workers: 3, threads: false, sliceBytes: 1 } : undefined,
    });
    // Render through the JSON output stage, as `splq run --format json` would.
    const rows = JSON.parse(renderResults('json', result.results, { zone: c.tz })) as Record<string, unknown>[];
    const written = Object.fromEntries(readdirSync(lookupDir).map((f) => [f, readFileSync(join(lookupDir, f), 'utf8')]));
    return { rows, fields: result.results.fields, written };
  } catch (e) {
    if (e instanceof StageError) return { error: describeError(e.error, e.sourceMap) };
    if (e instanceof SplError) return { error: { code: e.code, at: '' } };
    throw e;
  }
}

/** The highlighted text of an error, in the query or in the innermost macro definition. */
function describeError(err: SplError, map: StageError['sourceMap']): { code: string; at: string; in?: string } {
  if (!err.span || !map) return { code: err.code, at: '' };
  const start = resolveOffset(map, err.span.start);
  const end = resolveOffset(map, Math.max(err.span.start, err.span.end - 1));
  const text = map.sources[start.source]!.text;
  const at = start.source === end.source ? text.slice(start.offset, end.offset + 1) : text.slice(start.offset);
  const macro = start.chain[0]?.macro;
  return start.source === 0 ? { code: err.code, at } : { code: err.code, at, in: macro };
}

/** Runs one golden case through the real pipeline (expand, parse, bind, read, execute, render). */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SplError } from '../../src/errors/spl-error.js';
import { renderResults } from '../../src/output/index.js';
import { runSearch, StageError } from '../../src/pipeline.js';
import { resolveOffset } from '../../src/source/source-map.js';
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

/** `optimised`: prefilter and projection on (the default); `plain`: both off. Results must agree. */
export type RunMode = 'optimised' | 'plain';

export async function runCase(c: GoldenCase, mode: RunMode = 'optimised'): Promise<CaseOutcome> {
  const now = parseClockTime(c.now, c.tz);
  if (now === undefined) throw new Error(`${c.file}: bad "now"`);
  const clock = { now, zone: c.tz };
  const lookupDir = mkdtempSync(join(scratch, 'lookups-'));
  try {
    const result = await runSearch({
      query: { text: c.spl, name: '<query>' },
      macros: { defaultMacros: true, macroPaths: c.macros ? [join(REPO_ROOT, 'fixtures', 'macros', `${c.macros}.conf`)] : [], inlineMacros: [], strictMacros: false },
      inputs: inputsOf(c),
      read: { ...c.options },
      clock,
      lookups: { paths: [lookupDir], readOnly: c.lookups ? [join(REPO_ROOT, 'fixtures', 'lookups', c.lookups)] : [] },
      prefilter: mode === 'optimised',
      projection: mode === 'optimised',
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

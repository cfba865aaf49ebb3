/**
 * One detection test: resolve its datasets, find the newest event, pin the run time and window
 * (window.ts), move the events if needed (shift.ts), run the detection's exact search with the
 * macros and lookups of its repository, and judge the results (judge.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadDatasetDescriptor, resolveAttackData } from '../datasets/index.js';
import { loadDetection } from '../detections/load.js';
import { renderError } from '../errors/render.js';
import { SplError } from '../errors/spl-error.js';
import { runSearch, StageError, type RunOptions } from '../pipeline.js';
import { judge, renderRows } from './judge.js';
import { scanDatasets, writeShifted, readOptionsOf, type ReplayInput, type TimeReading } from './shift.js';
import { effectiveWindow, planJob, type JobTime } from './window.js';
import type { TestEnvironment } from './environment.js';
import type { DetectionTests, TestCase, TestOutcome, TestRunConfig } from './types.js';

/** Codes that mean "this search cannot run here" rather than "this search is wrong" (as validate). */
const UNSUPPORTED: ReadonlySet<string> = new Set(['B007', 'B406']);
/** Codes that mean a dataset is not available locally. */
const MISSING_DATA: ReadonlySet<string> = new Set(['I601', 'I602', 'I603']);

/** A reason to skip, raised from inside the steps. */
class Skip extends Error {}

export async function runDetectionTest(det: DetectionTests, test: TestCase, config: TestRunConfig, env: TestEnvironment): Promise<TestOutcome> {
  const started = performance.now();
  const base = { detection: det.name, detectionFile: det.path, test: test.name, testFile: test.file };
  const done = (o: Omit<TestOutcome, keyof typeof base | 'durationMs'>): TestOutcome => ({ ...base, ...o, durationMs: Math.round(performance.now() - started) });
  try {
    if (det.skip) return done({ status: 'skipped', reason: det.skip });
    if (test.problem) return done({ status: 'error', reason: test.problem });
    const { inputs, props } = resolveInputs(test, config);
    const time: TimeReading = { zone: config.tz, rules: env.timestampRules([...props, ...config.props]) };
    const scan = await scanDatasets(inputs, time);
    const job = planJob(effectiveWindow(config.window, det.schedule, test.window), scan.newest, config.now, config.tz);
    const result = await runStaged(inputs, time, job, (input) => runSearch(searchOptions(det, test, config, env, job, input)));
    const rows = renderRows(result.results, config.tz);
    const verdict = judge(rows, test.expect);
    const window = { now: job.now, earliest: job.earliest, latest: job.latest, shift: job.shift };
    return done({ status: verdict.pass ? 'pass' : 'fail', reason: verdict.reason, details: verdict.details, results: rows.length, events: result.events, window });
  } catch (e) {
    return done(classify(e));
  }
}

/** The test's attack_data entries and dataset descriptors as local files (missing ones skip the test). */
function resolveInputs(test: TestCase, config: TestRunConfig): { inputs: ReplayInput[]; props: string[] } {
  const inputs: ReplayInput[] = test.attackData.map((entry) => ({
    ...resolveAttackData(entry, { dataRoot: config.dataRoot, baseDir: dirname(test.file) }),
    host: entry.host,
    index: entry.index,
  }));
  const props: string[] = [];
  for (const file of test.datasets) {
    const descriptor = loadDatasetDescriptor(file, { dataRoot: config.dataRoot });
    const t = descriptor.time;
    for (const ds of descriptor.datasets) inputs.push({ ...ds, timeField: t?.timeField, zone: t?.tz });
    props.push(...(t?.props ?? []));
  }
  if (inputs.length === 0) throw new Skip('no attack_data or dataset to run the search on');
  return { inputs, props };
}

type Staged = Pick<RunOptions, 'inputs' | 'read' | 'prefilter'>;

/**
 * Run over the events where they are when one dataset needs no move; otherwise over a temporary
 * NDJSON file of HEC envelopes holding every dataset, shifted (deleted afterwards).
 */
async function runStaged<T>(inputs: readonly ReplayInput[], time: TimeReading, job: JobTime, run: (s: Staged) => Promise<T>): Promise<T> {
  const only = inputs[0]!;
  if (inputs.length === 1 && job.shift === 0 && (only.zone === undefined || only.zone === time.zone)) {
    const { zone: _zone, ...read } = readOptionsOf(only, time);
    return run({ inputs: [only.path], read });
  }
  const dir = mkdtempSync(join(tmpdir(), 'splq-test-'));
  try {
    const file = join(dir, 'replay.ndjson');
    await writeShifted(inputs, time, job.shift, file);
    // The event texts are JSON strings inside the envelopes: the raw-text prefilter would look
    // for escaped text, so it is off for this file.
    return await run({ inputs: [file], read: {}, prefilter: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function searchOptions(det: DetectionTests, test: TestCase, config: TestRunConfig, env: TestEnvironment, job: JobTime, staged: Staged): RunOptions {
  const macros = {
    defaultMacros: config.defaultMacros,
    macroPaths: config.macroPaths,
    // The test's own overrides come last: they are part of what it tests.
    inlineMacros: [...config.inlineMacros, ...test.macros],
    strictMacros: config.strictMacros,
  };
  const windowed = job.earliest !== undefined || job.latest !== undefined;
  return {
    ...staged,
    query: loadDetection(det.path).query,
    macros,
    macroEnv: env.macros(macros),
    clock: { now: job.now, zone: config.tz },
    window: windowed ? { earliest: job.earliest, latest: job.latest } : undefined,
    lookups: { paths: [], readOnly: config.lookups },
  };
}

function classify(e: unknown): Omit<TestOutcome, 'detection' | 'detectionFile' | 'test' | 'testFile' | 'durationMs'> {
  if (e instanceof Skip) return { status: 'skipped', reason: e.message };
  const err = e instanceof StageError ? e.error : e;
  if (err instanceof SplError) {
    const rendered = renderError(err, { sourceMap: e instanceof StageError ? e.sourceMap : undefined });
    if (UNSUPPORTED.has(err.code)) return { status: 'skipped', reason: `search cannot execute yet (${err.code}): ${err.message}` };
    if (MISSING_DATA.has(err.code)) return { status: 'skipped', reason: `dataset missing: ${err.message}` };
    // The first rendered line repeats the reason; the rest shows where (file:line, caret, macros).
    const where = rendered.split('\n').slice(1).join('\n');
    return { status: 'error', reason: `error[${err.code}]: ${err.message}`, details: where === '' ? undefined : [where] };
  }
  return { status: 'error', reason: e instanceof Error ? e.message : String(e) };
}

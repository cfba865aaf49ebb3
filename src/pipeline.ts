/**
 * The one place that chains the stages. Each stage is a typed function in its own module:
 *
 * | stage          | function            | module               | in -> out                                  |
 * | -------------- | ------------------- | -------------------- | ------------------------------------------ |
 * | load macros    | loadMacroLayers     | macros/load.ts       | files, dirs, inline defs -> MacroTable     |
 * | expand         | expandMacros        | macros/expand.ts     | query + MacroTable -> text + SourceMap     |
 * | tokenize+parse | parse               | spl/parse.ts         | expanded text -> Pipeline AST              |
 * | bind           | bind                | bind/bind.ts         | AST -> Plan (compiled operators)           |
 * | read           | readEventBatches    | data/load.ts         | files -> RawEvent batches                  |
 * | extract        | extractFields       | data/extract.ts      | RawEvent -> Row                            |
 * | execute        | execute             | exec/execute.ts      | Plan + rows -> result rows                 |
 * | output         | renderResults       | output/index.ts      | ResultSet -> text                          |
 *
 * The CLI may stop after any stage (`splq expand` stops after expansion).
 */
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LIMITS, type Limits, type Services } from './commands/services.js';
import type { Sink } from './commands/types.js';
import { bind, type Plan } from './bind/bind.js';
import { executeSliced } from './exec/execute-sliced.js';
import { planSlices } from './parallel/slices.js';
import { transferError, type SliceRunner } from './parallel/outcome.js';
import { ThreadLane, workerThreadsAvailable } from './parallel/thread-lane.js';
import { loadTimestampRules } from './datasets/props.js';
import { filterBatches, inWindow, noEvents, resultSetOf } from './exec/results.js';
import type { RawEvent, Row } from './data/event.js';
import { buildPrefilter, type Prefilter } from './data/prefilter.js';
import { requiredText } from './search/required-text.js';
import { extractFields, projectionFilter } from './data/extract.js';
import type { FlattenFilter } from './data/flatten.js';
import { readEventBatches, readSliceBatches, type InputProblem, type ReadOptions } from './data/load.js';
import { ProblemLog } from './data/problem-log.js';
import type { InputProblemCode } from './data/records.js';
import { resultsLimit } from './commands/limit-guard.js';
import { setDefaultMaxInput } from './eval/pcre.js';
import { SplError } from './errors/spl-error.js';
import { LookupStore, type LookupConfig } from './lookups/store.js';
import { execute, executeRows } from './exec/execute.js';
import { isExpansionError } from './macros/expansion-error.js';
import { expandMacros, type ExpandResult } from './macros/expand.js';
import { buildMacroTable, loadMacroPaths, parseInlineMacro } from './macros/load.js';
import { SourceRegistry, type MacroTable } from './macros/types.js';
import type { ResultSet } from './output/result-set.js';
import { identityMap, sliceOf, type MappedText, type SourceMap } from './source/source-map.js';
import type { Pipeline } from './spl/ast.js';
import { parse } from './spl/parse.js';
import { collectEvents, runSearchNow, subsearchesOfCommand, usesCommand, type NestedSearchEnv } from './nested-search.js';
import type { Clock } from './time/clock.js';

/** The shipped macro definitions (default layer), beside `src/` and `dist/`. */
export const DEFAULT_MACROS_DIR = fileURLToPath(new URL('../macros/', import.meta.url));

export interface MacroConfig {
  readonly defaultMacros: boolean;
  /** `--macros` files or directories, in order: later definitions win. */
  readonly macroPaths: readonly string[];
  /** `--macro 'name=def'` definitions, applied last. */
  readonly inlineMacros: readonly string[];
  readonly strictMacros: boolean;
  /** max_search_size: characters of the expanded search (default 1,000,000; M011 past it). */
  readonly maxSearchSize?: number;
  /** max_macro_expansions: macro references one search may expand (default 10,000; M014 past it). */
  readonly maxMacroExpansions?: number;
}

/** The search text and where it lives (the query, a file, a detection YAML). */
export interface QuerySource {
  readonly text: string;
  readonly name: string;
  /** When the query is embedded in a larger file: that file's text and the query's mapping into it. */
  readonly container?: { readonly text: string; readonly mapped: MappedText };
}

/** A failure of any stage, with the source map needed to show it in the user's text. */
export class StageError extends Error {
  constructor(
    readonly error: SplError,
    readonly sourceMap: SourceMap | undefined,
  ) {
    super(error.message);
  }
}

export interface Prepared {
  readonly expansion: ExpandResult;
  readonly pipeline: Pipeline;
}

/** Loaded macros and the source registry their definitions map into; reusable across queries. */
export interface MacroEnvironment {
  readonly table: MacroTable;
  readonly registry: SourceRegistry;
  readonly strictMacros: boolean;
  readonly maxSearchSize?: number;
  readonly maxMacroExpansions?: number;
}

/** Stage "load macros": shipped defaults, then each `--macros` path, then inline definitions. */
export function loadMacroEnvironment(config: MacroConfig, extraLayers: readonly string[] = []): MacroEnvironment {
  const registry = new SourceRegistry();
  const layers = [
    config.defaultMacros ? loadMacroPaths([DEFAULT_MACROS_DIR], registry, 'default') : [],
    ...[...extraLayers, ...config.macroPaths].map((p) => loadMacroPaths([p], registry, `macros:${p}`)),
    config.inlineMacros.map((d) => parseInlineMacro(d, registry, 'cli')),
  ];
  const { strictMacros, maxSearchSize, maxMacroExpansions } = config;
  return { table: buildMacroTable(layers), registry, strictMacros, maxSearchSize, maxMacroExpansions };
}

/** The macro config with the search's limits on expansion (--max-search-size, --max-macro-expansions). */
function withExpansionLimits(config: MacroConfig, limits: Limits): MacroConfig {
  return { ...config, maxSearchSize: limits.maxSearchSize, maxMacroExpansions: limits.maxMacroExpansions };
}

/** Stage "expand" for one query; errors come back as StageError with the partial source map. */
export function expandWith(env: MacroEnvironment, query: QuerySource): ExpandResult {
  env.registry.setQuery(query.container?.text ?? query.text, query.name);
  const mapped = query.container?.mapped ?? sliceOf(query.text, 0);
  try {
    const options = { strictMacros: env.strictMacros, maxSize: env.maxSearchSize, maxExpansions: env.maxMacroExpansions };
    return expandMacros(mapped, env.table, env.registry, options);
  } catch (e) {
    if (isExpansionError(e)) throw new StageError(e, e.sourceMap);
    if (e instanceof SplError) throw new StageError(e, { ...identityMap(query.text, query.name), sources: env.registry.all() });
    throw e;
  }
}

/** Stages load -> expand; macro file errors are StageErrors without a query position. */
export function expandQuery(query: QuerySource, config: MacroConfig): ExpandResult {
  let env: MacroEnvironment;
  try {
    env = loadMacroEnvironment(config);
  } catch (e) {
    throw e instanceof SplError ? new StageError(e, undefined) : e;
  }
  return expandWith(env, query);
}

/** Stage "parse" after expansion. */
export function parseExpanded(expansion: ExpandResult): Pipeline {
  try {
    return parse(expansion.text);
  } catch (e) {
    throw e instanceof SplError ? new StageError(e, expansion.sourceMap) : e;
  }
}

/** Stages load -> expand -> parse. */
export function prepare(query: QuerySource, config: MacroConfig): Prepared {
  const expansion = expandQuery(query, config);
  return { expansion, pipeline: parseExpanded(expansion) };
}

/** Stages expand -> parse with macros already loaded. */
export function prepareWith(env: MacroEnvironment, query: QuerySource): Prepared {
  const expansion = expandWith(env, query);
  return { expansion, pipeline: parseExpanded(expansion) };
}

export interface RunOptions {
  readonly query: QuerySource;
  readonly macros: MacroConfig;
  readonly inputs: readonly string[];
  readonly read: Omit<ReadOptions, 'zone'>;
  readonly clock: Clock;
  /** The job's time range (`--earliest`/`--latest`), already resolved; undefined = unbounded. */
  readonly window?: { readonly earliest?: number; readonly latest?: number };
  readonly limits?: Limits;
  /** Lookup tables: `--lookups` folders and files, and a detection's repository lookups/. */
  readonly lookups?: LookupConfig;
  /** Skip event lines that cannot match the first search (default on; results are the same). */
  readonly prefilter?: boolean;
  /** Extract only the fields the search reads (default on; results are the same). */
  readonly projection?: boolean;
  /** A MaxMind DB file for `iplocation` (`--geoip PATH`). */
  readonly geoip?: string;
  /** Macros already loaded (from `macros`), reused across runs: `splq test` runs many searches. */
  readonly macroEnv?: MacroEnvironment;
  /** Read slices of the events on several threads (`--workers`); unset = one pass in this thread. */
  readonly parallel?: ParallelOptions;
}

export interface ParallelOptions {
  /** Threads reading slices, this one included; below 2 the events are read in one pass. */
  readonly workers: number;
  /** false: every lane runs in this thread (tests use it to check slicing and merging). */
  readonly threads?: boolean;
  /** Smallest byte range a file is cut into (default 4 MiB). */
  readonly sliceBytes?: number;
  /** The props.conf files `read.timestampRules` came from, which worker threads load again. */
  readonly props?: readonly string[];
}

const DEFAULT_SLICE_BYTES = 4 << 20;
/** Slices of one thread's input get `seq` numbers from index x this, so slices keep their order. */
const SEQ_STRIDE = 2 ** 32;

export interface RunResult {
  readonly results: ResultSet;
  /** The first input problems (see problemCounts for all of them). */
  readonly problems: readonly InputProblem[];
  /** Every input problem, counted by code. */
  readonly problemCounts: ReadonlyMap<InputProblemCode, number>;
  readonly events: number;
  readonly expansion: ExpandResult;
}

/** Stages load -> expand -> parse -> (subsearches first) -> bind -> read -> extract -> execute. */
export async function runSearch(options: RunOptions): Promise<RunResult> {
  // Worker threads take a while to start: on a large input they start now, while this thread
  // prepares the search (runSliced takes them; any it does not need are closed at the end).
  const early = startLanesEarly(options);
  try {
    return await runPrepared(options, early);
  } finally {
    await Promise.all(early.splice(0).map((lane) => lane.close()));
  }
}

async function runPrepared(options: RunOptions, early: SliceRunner[]): Promise<RunResult> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const macros = withExpansionLimits(options.macros, limits);
  const prepared = options.macroEnv ? prepareWith(options.macroEnv, options.query) : prepare(options.query, macros);
  setDefaultMaxInput(limits.maxRegexInput);
  const problems = new ProblemLog();
  const lookups = options.lookups ? LookupStore.load(options.lookups) : undefined;
  const ctx: RunContext = { options, problems, depth: 0, events: 0, lookups, mapEvents: { events: undefined }, early };
  try {
    // `map` runs searches while results flow, synchronously: it needs the events in memory (input
    // problems are reported by the main search's own read, so this read is not depth 0).
    if (usesCommand(prepared.pipeline, 'map')) {
      ctx.mapEvents.events = await collectEvents(readWindowed({ ...ctx, depth: 1 }, undefined, { skipped: 0 }));
    }
    const { rows, kind, columns } = await runPipeline(prepared.pipeline, ctx);
    const found = { problems: problems.kept, problemCounts: problems.counts };
    return { results: resultSetOf(kind, rows, columns), ...found, events: ctx.events, expansion: prepared.expansion };
  } catch (e) {
    throw e instanceof SplError ? new StageError(e, prepared.expansion.sourceMap) : e;
  }
}

interface RunContext {
  readonly options: RunOptions;
  readonly problems: ProblemLog;
  readonly depth: number;
  readonly lookups?: LookupStore;
  /** Events read by the main search (subsearches read the inputs again and do not count). */
  events: number;
  /** The job's events, read up front only when the query uses `map` (src/nested-search.ts). */
  readonly mapEvents: { events: readonly RawEvent[] | undefined };
  /** Worker threads started before the search was prepared (runSliced takes them). */
  readonly early?: SliceRunner[];
}

/** One pipeline: its subsearches run first (each over the inputs), then it is bound and run. */
async function runPipeline(pipeline: Pipeline, ctx: RunContext): Promise<{ rows: Row[]; kind: 'events' | 'table'; columns: readonly string[] | null }> {
  const limits = ctx.options.limits ?? DEFAULT_LIMITS;
  const subsearchRows = await runSubsearches(pipeline, ctx, limits);
  const services = servicesFor(ctx, limits, subsearchRows);
  const plan = bind(pipeline, { clock: ctx.options.clock, services, subsearch: ctx.depth > 0 });
  // The results are all held for output: they count against max_rows too.
  const held = { ...plan, operators: [...plan.operators, resultsLimit(limits)] };
  const sliced = ctx.depth === 0 && !plan.generating ? await runSliced(pipeline, held, ctx) : undefined;
  if (sliced) return { rows: sliced, kind: plan.resultKind, columns: plan.columns };
  const counters = { skipped: 0 };
  const events = plan.generating ? noEvents<RawEvent[]>() : readWindowed(ctx, prefilterFor(pipeline, ctx.options), counters, readerProjection(plan, ctx.options));
  const onProblem = ctx.depth === 0 ? (p: InputProblem) => ctx.problems.add(p) : undefined;
  const extractOptions = { wanted: extractedFields(plan, ctx.options), onProblem };
  const { rows, stats } = await execute(held, events, (ev) => extractFields(ev, extractOptions));
  if (ctx.depth === 0) ctx.events = stats.events + counters.skipped;
  return { rows, kind: plan.resultKind, columns: plan.columns };
}

function servicesFor(ctx: RunContext, limits: Limits, subsearchRows: ReadonlyMap<Pipeline, Row[]>): Services {
  const services: Services = {
    subsearchResults: (p) => {
      const rows = subsearchRows.get(p);
      if (!rows) throw new Error('internal: a subsearch was not listed by its command, so it did not run');
      return rows;
    },
    // Rows handed to a nested pipeline are already in result order.
    compileNested: (p) => {
      const nested = bind(p, { clock: ctx.options.clock, services, nested: true });
      return (rows) => executeRows(nested, rows);
    },
    runSearch: (search, origin) => runSearchNow(search, origin, nestedEnv(ctx, services, limits)),
    limits,
    lookups: ctx.lookups,
    geoip: ctx.options.geoip,
  };
  return services;
}

/**
 * The events read in slices on several threads (issue 5), when asked for and possible: no
 * subsearch or `map` (they read the inputs again), inputs that are files, and more than one slice.
 * Undefined = read in one pass instead.
 */
async function runSliced(pipeline: Pipeline, plan: Plan, ctx: RunContext): Promise<Row[] | undefined> {
  const parallel = ctx.options.parallel;
  if (parallel === undefined || parallel.workers < 2 || hasNestedSearches(pipeline)) return undefined;
  const threaded = parallel.threads !== false;
  if (threaded && !threadsPossible(ctx.options)) return undefined;
  const slices = await planSlices(ctx.options.inputs, { lanes: parallel.workers, minBytes: parallel.sliceBytes ?? DEFAULT_SLICE_BYTES });
  if (slices === null || slices.length < 2) return undefined;
  const here = sliceRunner(plan, pipeline, ctx.options);
  const wanted = Math.min(parallel.workers, slices.length) - 1;
  const started = threaded ? (ctx.early?.splice(0, wanted) ?? []) : [];
  const others = [
    ...started,
    ...Array.from({ length: wanted - started.length }, () => (threaded ? new ThreadLane(workerOptions(ctx.options)) : sliceRunner(plan, pipeline, ctx.options))),
  ];
  const { rows, events } = await executeSliced(plan, slices, [here, ...others], { problems: ctx.problems, onProgress: ctx.options.read.onProgress });
  ctx.events = events;
  return rows;
}

/**
 * Worker threads for a run that will surely be cut into slices: asked for, possible, and input
 * files (not directories or stdin) large enough for two slices. Others start later, if needed.
 */
function startLanesEarly(options: RunOptions): SliceRunner[] {
  const parallel = options.parallel;
  if (parallel === undefined || parallel.workers < 2 || parallel.threads === false || !threadsPossible(options)) return [];
  let bytes = 0;
  for (const input of options.inputs) {
    const size = fileSize(input);
    if (size === undefined) return [];
    bytes += size;
  }
  if (bytes < 2 * (parallel.sliceBytes ?? DEFAULT_SLICE_BYTES)) return [];
  return Array.from({ length: parallel.workers - 1 }, () => new ThreadLane(workerOptions(options)));
}

/** The size of a regular file; undefined for stdin, a directory or anything unreadable. */
function fileSize(path: string): number | undefined {
  if (path === '-') return undefined;
  try {
    const st = statSync(path);
    return st.isFile() ? st.size : undefined;
  } catch {
    return undefined;
  }
}

function hasNestedSearches(pipeline: Pipeline): boolean {
  return usesCommand(pipeline, 'map') || pipeline.commands.some((c) => subsearchesOfCommand(c).length > 0);
}

/**
 * Worker threads can run this search: their script is built, and the options rebuild everything
 * (functions do not cross threads: loaded macros and timestamp rules must come from files).
 */
function threadsPossible(options: RunOptions): boolean {
  const transferable = options.macroEnv === undefined && (options.read.timestampRules === undefined || options.parallel?.props !== undefined);
  return transferable && workerThreadsAvailable();
}

function workerOptions(options: RunOptions): RunOptions {
  const { onProgress: _p, timestampRules: _t, counters: _c, stdin: _s, prefilter: _f, ...read } = options.read;
  return { ...options, read };
}

/**
 * Stages read -> extract -> the plan's per-row prefix, for one slice of the events at a time; the
 * rest of the plan runs where the slices' outcomes are merged (exec/execute-sliced.ts).
 */
function sliceRunner(plan: Plan, pipeline: Pipeline, options: RunOptions): SliceRunner {
  const prefix = plan.operators.slice(0, plan.perRowPrefix);
  const prefilter = prefilterFor(pipeline, options);
  const projection = readerProjection(plan, options);
  let closed = false;
  return {
    async run(slice, progress) {
      const problems = new ProblemLog();
      const counters = { skipped: 0 };
      const lines = { count: 0 };
      const read = { ...readOptionsOf(options, prefilter, counters, projection), onProgress: (_f: string, b: number, n: number) => progress(b, n) };
      const batches = readSliceBatches(slice, read, (p) => problems.add(p), slice.index * SEQ_STRIDE, lines);
      const windowed = options.window ? filterBatches(batches, inWindow(options.window)) : batches;
      const extractOptions = { wanted: extractedFields(plan, options), onProblem: (p: InputProblem) => problems.add(p) };
      const rows: Row[] = [];
      const partial = plan.mergeable?.partial();
      const head = prefix.reduceRight<Sink>((next, op) => op(next), partial ?? { push: (row) => rows.push(row), end: () => undefined });
      let events = 0;
      let error: unknown;
      try {
        for await (const batch of windowed) {
          if (closed) break;
          events += batch.length;
          for (const ev of batch) head.push(extractFields(ev, extractOptions));
        }
      } catch (e) {
        error = e;
      }
      // The prefix keeps no state, so there is nothing to end: the outcome is taken as it stands.
      const counts = [...problems.counts];
      const found = { index: slice.index, events: events + counters.skipped, lines: lines.count, problems: problems.kept, problemCounts: counts };
      const result = partial ? { ...found, state: partial.state() } : { ...found, rows };
      return error === undefined ? result : { ...result, error: transferError(error) };
    },
    async close() {
      closed = true;
    },
  };
}

/** In a worker thread: the slice runner for a search, prepared and bound again from its options. */
export function workerSliceRunner(options: RunOptions): SliceRunner {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const withRules = options.parallel?.props ? { ...options, read: { ...options.read, timestampRules: loadTimestampRules([...options.parallel.props]).rules } } : options;
  const prepared = prepare(withRules.query, withExpansionLimits(withRules.macros, limits));
  setDefaultMaxInput(limits.maxRegexInput);
  const ctx: RunContext = { options: withRules, problems: new ProblemLog(), depth: 0, events: 0, lookups: withRules.lookups ? LookupStore.load(withRules.lookups) : undefined, mapEvents: { events: undefined } };
  const plan = bind(prepared.pipeline, { clock: withRules.clock, services: servicesFor(ctx, limits, new Map()) });
  return sliceRunner(plan, prepared.pipeline, withRules);
}

async function runSubsearches(pipeline: Pipeline, ctx: RunContext, limits: Limits): Promise<Map<Pipeline, Row[]>> {
  const results = new Map<Pipeline, Row[]>();
  for (const cmd of pipeline.commands) {
    for (const sub of subsearchesOfCommand(cmd)) {
      if (ctx.depth + 1 > limits.subsearchMaxDepth) {
        throw new SplError('B008', { command: 'search', reason: `subsearches nest deeper than ${limits.subsearchMaxDepth}` }, { span: sub.span });
      }
      // Each command applies its own limit (search: [subsearch] maxout, join: [join] subsearch_maxout).
      const { rows } = await runPipeline(sub, { ...ctx, depth: ctx.depth + 1 });
      results.set(sub, rows);
    }
  }
  return results;
}

function nestedEnv(ctx: RunContext, base: Services, limits: Limits): NestedSearchEnv {
  const events = ctx.mapEvents.events;
  if (!events) throw new Error('internal: a search runs a nested search but its events were not loaded');
  let macros: MacroEnvironment | undefined;
  const expand = (text: string): string => {
    macros ??= ctx.options.macroEnv ?? loadMacroEnvironment(withExpansionLimits(ctx.options.macros, limits));
    try {
      return expandWith(macros, { text, name: '<map search>' }).text;
    } catch (e) {
      throw e instanceof StageError ? e.error : e;
    }
  };
  return { events, clock: ctx.options.clock, limits, expand, base, depth: ctx.depth };
}

/** The fields extraction materialises: those the search reads, or all of them (null). */
function extractedFields(plan: Plan, options: RunOptions): ReadonlySet<string> | null {
  return options.projection === false ? null : plan.fieldsNeeded;
}

/** The projection extraction will use, for the reader to pick those leaves out as it reads. */
function readerProjection(plan: Plan, options: RunOptions): FlattenFilter | undefined {
  const wanted = extractedFields(plan, options);
  return wanted === null ? undefined : projectionFilter(wanted);
}

/** The raw-text prefilter for a pipeline that starts with a search (src/search/required-text.ts). */
function prefilterFor(pipeline: Pipeline, options: RunOptions): Prefilter | undefined {
  const first = pipeline.commands[0];
  if (options.prefilter === false || first?.kind !== 'search') return undefined;
  return buildPrefilter(requiredText(first.expr));
}

/** The reader's options for a run: the user's, plus the run's zone, limits and speed-ups. */
function readOptionsOf(options: RunOptions, prefilter: Prefilter | undefined, counters: { skipped: number }, projection: FlattenFilter | undefined): ReadOptions {
  const maxEventSize = options.read.maxEventSize ?? (options.limits ?? DEFAULT_LIMITS).maxEventSize;
  return { ...options.read, zone: options.clock.zone, prefilter, counters, maxEventSize, projection };
}

function readWindowed(ctx: RunContext, prefilter: Prefilter | undefined, counters: { skipped: number }, projection?: FlattenFilter) {
  const { options } = ctx;
  const events = readEventBatches(options.inputs, readOptionsOf(options, prefilter, counters, projection), (p) => {
    if (ctx.depth === 0) ctx.problems.add(p);
  });
  return options.window ? filterBatches(events, inWindow(options.window)) : events;
}

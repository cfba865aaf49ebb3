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
import { fileURLToPath } from 'node:url';
import { bind } from './bind/bind.js';
import { DEFAULT_LIMITS, type Limits, type Services } from './commands/services.js';
import { filterBatches, inWindow, noEvents, resultSetOf } from './exec/results.js';
import type { RawEvent, Row } from './data/event.js';
import { buildPrefilter, type Prefilter } from './data/prefilter.js';
import { requiredText } from './search/required-text.js';
import { extractFields } from './data/extract.js';
import { readEventBatches, type InputProblem, type ReadOptions } from './data/load.js';
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
}

/** Stage "load macros": shipped defaults, then each `--macros` path, then inline definitions. */
export function loadMacroEnvironment(config: MacroConfig, extraLayers: readonly string[] = []): MacroEnvironment {
  const registry = new SourceRegistry();
  const layers = [
    config.defaultMacros ? loadMacroPaths([DEFAULT_MACROS_DIR], registry, 'default') : [],
    ...[...extraLayers, ...config.macroPaths].map((p) => loadMacroPaths([p], registry, `macros:${p}`)),
    config.inlineMacros.map((d) => parseInlineMacro(d, registry, 'cli')),
  ];
  return { table: buildMacroTable(layers), registry, strictMacros: config.strictMacros, maxSearchSize: config.maxSearchSize };
}

/** Stage "expand" for one query; errors come back as StageError with the partial source map. */
export function expandWith(env: MacroEnvironment, query: QuerySource): ExpandResult {
  env.registry.setQuery(query.container?.text ?? query.text, query.name);
  const mapped = query.container?.mapped ?? sliceOf(query.text, 0);
  try {
    return expandMacros(mapped, env.table, env.registry, { strictMacros: env.strictMacros, maxSize: env.maxSearchSize });
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
}

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
  const limits = options.limits ?? DEFAULT_LIMITS;
  const macros = { ...options.macros, maxSearchSize: limits.maxSearchSize };
  const prepared = options.macroEnv ? prepareWith(options.macroEnv, options.query) : prepare(options.query, macros);
  setDefaultMaxInput(limits.maxRegexInput);
  const problems = new ProblemLog();
  const lookups = options.lookups ? LookupStore.load(options.lookups) : undefined;
  const ctx: RunContext = { options, problems, depth: 0, events: 0, lookups, mapEvents: { events: undefined } };
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
}

/** One pipeline: its subsearches run first (each over the inputs), then it is bound and run. */
async function runPipeline(pipeline: Pipeline, ctx: RunContext): Promise<{ rows: Row[]; kind: 'events' | 'table'; columns: readonly string[] | null }> {
  const limits = ctx.options.limits ?? DEFAULT_LIMITS;
  const subsearchRows = await runSubsearches(pipeline, ctx, limits);
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
  const plan = bind(pipeline, { clock: ctx.options.clock, services, subsearch: ctx.depth > 0 });
  const counters = { skipped: 0 };
  const events = plan.generating ? noEvents<RawEvent[]>() : readWindowed(ctx, prefilterFor(pipeline, ctx.options), counters);
  const onProblem = ctx.depth === 0 ? (p: InputProblem) => ctx.problems.add(p) : undefined;
  const extractOptions = { wanted: ctx.options.projection === false ? null : plan.fieldsNeeded, onProblem };
  // The results are all held for output: they count against max_rows too.
  const held = { ...plan, operators: [...plan.operators, resultsLimit(limits)] };
  const { rows, stats } = await execute(held, events, (ev) => extractFields(ev, extractOptions));
  if (ctx.depth === 0) ctx.events = stats.events + counters.skipped;
  return { rows, kind: plan.resultKind, columns: plan.columns };
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
    macros ??= ctx.options.macroEnv ?? loadMacroEnvironment(ctx.options.macros);
    try {
      return expandWith(macros, { text, name: '<map search>' }).text;
    } catch (e) {
      throw e instanceof StageError ? e.error : e;
    }
  };
  return { events, clock: ctx.options.clock, limits, expand, base, depth: ctx.depth };
}

/** The raw-text prefilter for a pipeline that starts with a search (src/search/required-text.ts). */
function prefilterFor(pipeline: Pipeline, options: RunOptions): Prefilter | undefined {
  const first = pipeline.commands[0];
  if (options.prefilter === false || first?.kind !== 'search') return undefined;
  return buildPrefilter(requiredText(first.expr));
}

function readWindowed(ctx: RunContext, prefilter: Prefilter | undefined, counters: { skipped: number }) {
  const { options } = ctx;
  const maxEventSize = options.read.maxEventSize ?? (options.limits ?? DEFAULT_LIMITS).maxEventSize;
  const read = { ...options.read, zone: options.clock.zone, prefilter, counters, maxEventSize };
  const events = readEventBatches(options.inputs, read, (p) => {
    if (ctx.depth === 0) ctx.problems.add(p);
  });
  return options.window ? filterBatches(events, inWindow(options.window)) : events;
}

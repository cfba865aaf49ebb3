/**
 * Whole searches run synchronously in the middle of another search: `map` runs one per input
 * row, and in the corpus mostly inside `appendpipe`, where operators cannot wait for a reader.
 * So when a query uses `map`, the pipeline module reads the job's events into memory once (before
 * the main search is bound) and each map search runs over them here, through the same stages as
 * the main search: expand -> parse -> subsearches first -> bind -> execute. Queries without `map`
 * never hold their events in memory.
 */
import { bind } from './bind/bind.js';
import { commandImpl } from './commands/registry.js';
import { NO_SERVICES, type Limits, type Services } from './commands/services.js';
import type { RawEvent, Row } from './data/event.js';
import { extractFields } from './data/extract.js';
import { SplError } from './errors/spl-error.js';
import { executeRows } from './exec/execute.js';
import type { Command, Pipeline, Span } from './spl/ast.js';
import { parse } from './spl/parse.js';
import type { Clock } from './time/clock.js';

export interface NestedSearchEnv {
  /** The job's events (time window applied), read once. */
  readonly events: readonly RawEvent[];
  readonly clock: Clock;
  readonly limits: Limits;
  /** Macro expansion with the job's macro environment; throws SplError. */
  readonly expand: (text: string) => string;
  /** The job's services (lookups and the like); subsearch results are replaced per search. */
  readonly base: Services;
  readonly depth: number;
}

/** Run a search given as text (expanded and parsed first) or as a parsed pipeline. */
export function runSearchNow(search: string | Pipeline, origin: Span, env: NestedSearchEnv): Row[] {
  if (env.depth + 1 > env.limits.subsearchMaxDepth) {
    throw new SplError('B008', { command: 'map', reason: `searches nest deeper than ${env.limits.subsearchMaxDepth}` }, { span: origin });
  }
  const pipeline = typeof search === 'string' ? parse(env.expand(search)) : search;
  // `map [tstats ...]` is written as a subsearch: its generating command needs no `|`.
  return runPipelineNow(pipeline, { ...env, depth: env.depth + 1 }, typeof search !== 'string');
}

function runPipelineNow(pipeline: Pipeline, env: NestedSearchEnv, subsearch: boolean): Row[] {
  const subsearchRows = new Map<Pipeline, Row[]>();
  for (const cmd of pipeline.commands) {
    for (const sub of subsearchesOfCommand(cmd)) {
      if (env.depth + 1 > env.limits.subsearchMaxDepth) {
        const reason = `subsearches nest deeper than ${env.limits.subsearchMaxDepth}`;
        throw new SplError('B008', { command: 'search', reason }, { span: sub.span });
      }
      subsearchRows.set(sub, runPipelineNow(sub, { ...env, depth: env.depth + 1 }, true));
    }
  }
  const services: Services = {
    ...env.base,
    subsearchResults: (p) => {
      const rows = subsearchRows.get(p);
      if (!rows) throw new Error('internal: a subsearch was not listed by its command, so it did not run');
      return rows;
    },
    compileNested: (p) => {
      const nested = bind(p, { clock: env.clock, services, nested: true });
      return (rows) => executeRows(nested, rows);
    },
    runSearch: (s, origin) => runSearchNow(s, origin, { ...env, base: services }),
  };
  const plan = bind(pipeline, { clock: env.clock, services, subsearch });
  return executeRows(plan, plan.generating ? [] : env.events.map((ev) => extractFields(ev)));
}

/** The subsearches a command runs first, including those inside pipelines it binds itself. */
export function subsearchesOfCommand(cmd: Command): readonly Pipeline[] {
  return commandImpl(cmd)?.subsearches?.(cmd as never, subsearchesWithin) ?? [];
}

function subsearchesWithin(pipeline: Pipeline): readonly Pipeline[] {
  return pipeline.commands.flatMap(subsearchesOfCommand);
}

/**
 * Services for checking a search without running it (`splq validate`): subsearches and nested
 * pipelines are bound, so their errors are found, and stand for no rows.
 */
export function checkServices(clock: Clock): Services {
  const services: Services = {
    ...NO_SERVICES,
    subsearchResults: (p) => {
      bind(p, { clock, services, subsearch: true });
      return [];
    },
    compileNested: (p) => {
      bind(p, { clock, services, nested: true });
      return () => [];
    },
    runSearch: () => [],
  };
  return services;
}

/** Whether a command of this kind occurs anywhere in the AST (subsearches and nested pipelines too). */
export function usesCommand(node: unknown, kind: string): boolean {
  if (Array.isArray(node)) return node.some((n) => usesCommand(n, kind));
  if (node === null || typeof node !== 'object') return false;
  const record = node as Record<string, unknown>;
  if (record.kind === kind && 'span' in record) return true;
  return Object.values(record).some((v) => usesCommand(v, kind));
}

export async function collectEvents(batches: AsyncIterable<readonly RawEvent[]>): Promise<RawEvent[]> {
  const out: RawEvent[] = [];
  for await (const batch of batches) for (const ev of batch) out.push(ev);
  return out;
}

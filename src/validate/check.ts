/**
 * One search through the static stages (expand, parse, bind) without reading events. A bind
 * failure that only means "parsed, but this engine cannot execute it yet" (B007) makes the search
 * `unsupported`, which still counts as parsed; anything else is an error with file:line:column.
 */
import { readFileSync } from 'node:fs';
import { bind } from '../bind/bind.js';
import { checkServices } from '../nested-search.js';
import { parseDetection } from '../detections/load.js';
import { errorLocation, renderError } from '../errors/render.js';
import { SplError } from '../errors/spl-error.js';
import { expandWith, parseExpanded, StageError, type MacroEnvironment, type QuerySource } from '../pipeline.js';
import type { SourceMap } from '../source/source-map.js';
import type { Pipeline } from '../spl/ast.js';
import type { LookupCatalog } from './lookup-catalog.js';
import { searchReferences } from './references.js';

export interface ValidationIssue {
  readonly code: string;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The error as the CLI renders it (caret excerpt, macro notes). */
  readonly rendered: string;
}

export interface SearchReport {
  readonly path: string;
  readonly name: string | undefined;
  readonly id: string | undefined;
  readonly status: 'ok' | 'error' | 'unsupported';
  readonly errors: readonly ValidationIssue[];
  readonly unsupported: readonly ValidationIssue[];
  /** Macros that were not defined and expanded as `search *` (contentctl's `_filter` default). */
  readonly defaultedMacros: readonly string[];
  /** Things worth a look that do not make the search invalid: lookups the repository does not define (B010). */
  readonly warnings: readonly ValidationIssue[];
  /** Data models the search reads (`tstats ... FROM datamodel=`, `from datamodel:`), each once, in text order. */
  readonly datamodels: readonly string[];
}

/** What a search is checked against besides its macros. */
export interface CheckContext {
  /** The lookups of the repository's lookups/ folders; without it, lookups are not checked. */
  readonly lookups?: LookupCatalog;
}

/** What the static analysis of a parsed search adds to its report. */
interface Analysis {
  readonly warnings: readonly ValidationIssue[];
  readonly datamodels: readonly string[];
}

const NO_ANALYSIS: Analysis = { warnings: [], datamodels: [] };

/**
 * Bind errors that mean "parses, but cannot execute here": not implemented yet (B007), or needs
 * something the user supplies at run time (B406: iplocation's GeoIP database).
 */
const UNSUPPORTED: ReadonlySet<string> = new Set(['B007', 'B406']);

/** A fixed clock: validation resolves time modifiers only to check them. */
const CHECK_CLOCK = { now: 0, zone: 'UTC' };

export function checkFile(path: string, env: MacroEnvironment, context: CheckContext = {}): SearchReport {
  let query: QuerySource;
  let meta: { name?: string; id?: string } = {};
  try {
    if (/\.spl$/i.test(path)) query = { text: readFileSync(path, 'utf8'), name: path };
    else {
      const d = parseDetection(readFileSync(path, 'utf8'), path);
      query = d.query;
      meta = { name: d.name, id: d.id };
    }
  } catch (e) {
    if (!(e instanceof SplError)) throw e;
    return report(path, meta, [issue(e, undefined, path)], [], []);
  }
  return checkQuery(path, meta, query, env, context);
}

function checkQuery(path: string, meta: { name?: string; id?: string }, query: QuerySource, env: MacroEnvironment, context: CheckContext): SearchReport {
  let defaulted: string[] = [];
  try {
    const expansion = expandWith(env, query);
    defaulted = expansion.used.filter((u) => u.defaulted).map((u) => u.macro);
    const pipeline = parseExpanded(expansion);
    const analysis = analyse(pipeline, expansion.sourceMap, path, context);
    try {
      bind(pipeline, { clock: CHECK_CLOCK, services: checkServices(CHECK_CLOCK) });
    } catch (e) {
      if (!(e instanceof SplError)) throw e;
      const found = issue(e, expansion.sourceMap, path);
      return UNSUPPORTED.has(e.code) ? report(path, meta, [], [found], defaulted, analysis) : report(path, meta, [found], [], defaulted, analysis);
    }
    return report(path, meta, [], [], defaulted, analysis);
  } catch (e) {
    if (e instanceof StageError) return report(path, meta, [issue(e.error, e.sourceMap, path)], [], defaulted);
    throw e;
  }
}

/** Lookups the repository does not define become warnings; data models are listed once each. */
function analyse(pipeline: Pipeline, sourceMap: SourceMap, path: string, context: CheckContext): Analysis {
  const refs = searchReferences(pipeline);
  const catalog = context.lookups;
  const warnings = catalog
    ? refs.lookups
        .filter((l) => !catalog.has(l.name))
        .map((l) => issue(new SplError('B010', { name: l.name, command: l.command, where: catalog.dirs.join(', ') }, { span: l.span }), sourceMap, path))
    : [];
  return { warnings, datamodels: [...new Set(refs.datamodels.map((d) => d.name))] };
}

function report(
  path: string,
  meta: { name?: string; id?: string },
  errors: ValidationIssue[],
  unsupported: ValidationIssue[],
  defaulted: string[],
  analysis: Analysis = NO_ANALYSIS,
): SearchReport {
  const status = errors.length > 0 ? 'error' : unsupported.length > 0 ? 'unsupported' : 'ok';
  return { path, name: meta.name, id: meta.id, status, errors, unsupported, defaultedMacros: defaulted, ...analysis };
}

function issue(err: SplError, sourceMap: SourceMap | undefined, path: string): ValidationIssue {
  const where = errorLocation(err, { sourceMap }) ?? { file: path, line: 1, column: 1 };
  return { code: err.code, message: err.message, file: where.file, line: where.line, column: where.column, rendered: renderError(err, { sourceMap }) };
}


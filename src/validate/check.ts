/**
 * One search through the static stages (expand, parse, bind) without reading events. A bind
 * failure that only means "parsed, but this engine cannot execute it yet" (B007) makes the search
 * `unsupported`, which still counts as parsed; anything else is an error with file:line:column.
 */
import { readFileSync } from 'node:fs';
import { bind } from '../bind/bind.js';
import { parseDetection } from '../detections/load.js';
import { errorLocation, renderError } from '../errors/render.js';
import { SplError } from '../errors/spl-error.js';
import { expandWith, parseExpanded, StageError, type MacroEnvironment, type QuerySource } from '../pipeline.js';
import type { SourceMap } from '../source/source-map.js';

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
}

/** A fixed clock: validation resolves time modifiers only to check them. */
const CHECK_CLOCK = { now: 0, zone: 'UTC' };

export function checkFile(path: string, env: MacroEnvironment): SearchReport {
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
  return checkQuery(path, meta, query, env);
}

function checkQuery(path: string, meta: { name?: string; id?: string }, query: QuerySource, env: MacroEnvironment): SearchReport {
  let defaulted: string[] = [];
  try {
    const expansion = expandWith(env, query);
    defaulted = expansion.used.filter((u) => u.defaulted).map((u) => u.macro);
    const pipeline = parseExpanded(expansion);
    try {
      bind(pipeline, { clock: CHECK_CLOCK });
    } catch (e) {
      if (!(e instanceof SplError)) throw e;
      const found = issue(e, expansion.sourceMap, path);
      return e.code === 'B007' ? report(path, meta, [], [found], defaulted) : report(path, meta, [found], [], defaulted);
    }
    return report(path, meta, [], [], defaulted);
  } catch (e) {
    if (e instanceof StageError) return report(path, meta, [issue(e.error, e.sourceMap, path)], [], defaulted);
    throw e;
  }
}

function report(path: string, meta: { name?: string; id?: string }, errors: ValidationIssue[], unsupported: ValidationIssue[], defaulted: string[]): SearchReport {
  const status = errors.length > 0 ? 'error' : unsupported.length > 0 ? 'unsupported' : 'ok';
  return { path, name: meta.name, id: meta.id, status, errors, unsupported, defaultedMacros: defaulted };
}

function issue(err: SplError, sourceMap: SourceMap | undefined, path: string): ValidationIssue {
  const where = errorLocation(err, { sourceMap }) ?? { file: path, line: 1, column: 1 };
  return { code: err.code, message: err.message, file: where.file, line: where.line, column: where.column, rendered: renderError(err, { sourceMap }) };
}


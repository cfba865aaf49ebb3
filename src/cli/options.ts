/**
 * CLI option values -> engine inputs, validated up front: a bad flag is a usage error (exit 2)
 * naming the flag, before any file is read.
 */
import { repositoryFolder } from '../lookups/locate.js';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { SplError } from '../errors/spl-error.js';
import { loadDetection } from '../detections/load.js';
import type { MacroConfig, QuerySource } from '../pipeline.js';
import { parseClockTime, validateZone, type Clock } from '../time/clock.js';
import { resolveTimeModifier } from '../time/relative.js';
import { isOutputFormat, type OutputFormat } from '../output/index.js';

export interface QueryOptions {
  file?: string;
  detection?: string;
}

export interface MacroOptions {
  macros?: string[];
  macro?: string[];
  defaultMacros?: boolean;
  strictMacros?: boolean;
}

export function usage(reason: string): SplError {
  return new SplError('U003', { reason });
}

/** The search from exactly one of: the argument, `-` (stdin), `--file`, `--detection`. */
export function querySource(spl: string | undefined, opts: QueryOptions): QuerySource {
  const given = [spl !== undefined, opts.file !== undefined, opts.detection !== undefined].filter(Boolean).length;
  if (given !== 1) throw usage('give the search exactly once: as an argument, with -f/--file, or with -d/--detection');
  if (opts.detection) return loadDetection(opts.detection).query;
  if (opts.file) return { text: readText(opts.file), name: opts.file };
  if (spl === '-') return { text: readText(0), name: '<stdin>' };
  return { text: spl!, name: '<query>' };
}

function readText(path: string | number): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new SplError('I003', { file: String(path === 0 ? 'stdin' : path), reason: (e as Error).message });
  }
}

/** `--jobs N` / `--workers N`: threads to use, at least 1 (default: the number of CPUs, or `fallback`). */
export function jobCount(value: string | undefined, fallback = availableParallelism(), flag = '--jobs'): number {
  if (value === undefined) return fallback;
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw usage(`${flag} must be a whole number >= 1, not "${value}"`);
  return n;
}

/**
 * Macro layers: the shipped ones, then a `-d` detection's repository macros/ (what `splq test` and
 * `splq validate` load too, so the search's own macros are defined), then `-m` files, then `--macro`.
 */
export function macroConfig(opts: MacroOptions & { detection?: string }): MacroConfig {
  const repo = opts.detection ? repositoryFolder(opts.detection, 'macros') : undefined;
  return {
    defaultMacros: opts.defaultMacros !== false,
    macroPaths: [...(repo ? [repo] : []), ...(opts.macros ?? [])],
    inlineMacros: opts.macro ?? [],
    strictMacros: opts.strictMacros === true,
  };
}

export function clockFrom(now: string | undefined, tz: string | undefined): Clock {
  const zone = tz ?? 'UTC';
  if (!validateZone(zone)) throw new SplError('U002', { value: zone });
  if (now === undefined) return { now: Date.now() / 1000, zone };
  const at = parseClockTime(now, zone);
  if (at === undefined) throw new SplError('U001', { value: now, option: '--now' });
  return { now: at, zone };
}

/** `--earliest`/`--latest`: ISO 8601, epoch, or a relative modifier against the clock. */
export function timeBound(value: string | undefined, option: string, clock: Clock): number | undefined {
  if (value === undefined) return undefined;
  const at = parseClockTime(value, clock.zone) ?? resolveTimeModifier(value, clock);
  if (at === undefined) throw new SplError('U001', { value, option });
  return at;
}

export function outputFormat(format: string | undefined, isTty: boolean): OutputFormat {
  const f = format ?? (isTty ? 'table' : 'json');
  if (!isOutputFormat(f)) throw usage(`--format must be one of table, csv, json, ndjson, not "${f}"`);
  return f;
}

/**
 * `splq run` flags for the search's limits (README, "Limits and safety") and `--strict`. Each
 * value is checked up front: a bad one is a usage error (exit 2) naming the flag. Sizes take an
 * optional K, M or G suffix (binary: 64M = 67108864).
 */
import type { Command } from 'commander';
import { DEFAULT_LIMITS, type Limits } from '../commands/services.js';
import { usage } from './options.js';

export interface LimitFlags {
  maxGroups?: string;
  maxRows?: string;
  maxMemory?: string;
  maxSearchSize?: string;
  maxMacroExpansions?: string;
  maxRegexInput?: string;
  maxEventSize?: string;
  strict?: boolean;
}

const D = DEFAULT_LIMITS;

export function addLimitOptions(cmd: Command): Command {
  return cmd
    .option('--max-groups <n>', `groups one stats, eventstats, chart, timechart, top or rare may form (default ${D.maxGroups})`)
    .option('--max-rows <n>', `results a search or one of sort, dedup, eventstats, join, transaction... may hold (default ${D.maxRows})`)
    .option('--max-memory <MB>', "heap a search may use before it stops (default 0: 85% of node's heap, see --max-old-space-size)")
    .option('--max-search-size <n>', `characters of the search after macro expansion (default ${D.maxSearchSize})`)
    .option('--max-macro-expansions <n>', `macro references one search may expand (default ${D.maxMacroExpansions})`)
    .option('--max-regex-input <n>', `characters one regular expression match may read (default ${D.maxRegexInput}; 0 = no limit)`)
    .option('--max-event-size <bytes>', `bytes of one event; longer ones are cut and reported (default 64M; 0 = no limit)`)
    .option('--strict', 'fail (exit 1) on input problems: lines that are not JSON, invalid UTF-8, cut events, binary or damaged files');
}

/** The limits the flags give, the defaults for the rest. */
export function limitsFrom(flags: LimitFlags): Limits {
  return {
    ...D,
    maxGroups: count(flags.maxGroups, '--max-groups', D.maxGroups, 1),
    maxRows: count(flags.maxRows, '--max-rows', D.maxRows, 1),
    maxMemoryMb: count(flags.maxMemory, '--max-memory', D.maxMemoryMb, 0),
    maxSearchSize: count(flags.maxSearchSize, '--max-search-size', D.maxSearchSize, 1),
    maxMacroExpansions: count(flags.maxMacroExpansions, '--max-macro-expansions', D.maxMacroExpansions, 1),
    maxRegexInput: count(flags.maxRegexInput, '--max-regex-input', D.maxRegexInput, 0),
    maxEventSize: count(flags.maxEventSize, '--max-event-size', D.maxEventSize, 0),
  };
}

const SUFFIX: Readonly<Record<string, number>> = { '': 1, k: 1 << 10, m: 1 << 20, g: 1 << 30 };

/** A whole number of at least `min`, with an optional K/M/G suffix. */
function count(text: string | undefined, flag: string, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const m = /^\s*(\d+)\s*([kmg]?)i?b?\s*$/i.exec(text);
  const n = m ? Number(m[1]) * SUFFIX[m[2]!.toLowerCase()]! : NaN;
  if (!Number.isSafeInteger(n) || n < min) throw usage(`${flag} must be a whole number of at least ${min} (K, M, G allowed), not "${text}"`);
  return n;
}

/** `*` wildcards in field values: anchored at both ends, case-insensitive unless CASE() (spec 01 S6). */
import { compilePcre } from '../eval/pcre.js';

/**
 * The unbounded runs of a wildcard pattern split at its `*` (or `%`) that backtracking can revisit:
 * those followed by text to find. `*powershell*` has one (the last run just takes the rest), so
 * JavaScript matches it in linear time; `*a*b` has two, and each more multiplies the work.
 */
export function backtrackingRuns(parts: readonly string[]): number {
  let runs = 0;
  for (let i = 1; i < parts.length; i++) if (parts[i] !== '') runs++;
  return runs;
}

/**
 * A RegExp for a source built from a wildcard pattern with `runs` backtracking runs (see
 * backtrackingRuns). With two or more, JavaScript's backtracking takes time growing as the value's
 * length to the power of `runs` (`*a*a*a*b` against a long value never returns), so such a source
 * goes through the PCRE module instead, which hands long values to its linear-time engine
 * (src/eval/pcre.ts). The source must mean the same in both: no `$` where a final newline matters
 * (use `\z` there, see anchoredWildcard). `flags`: `i`, `u` or none.
 */
export function guardedRegex(source: string, flags: string, runs: number, pcreSource = source): RegExp {
  if (runs < 2) return new RegExp(source, flags);
  return compilePcre(pcreSource, { flags: flags.replace('u', ''), maxInputLength: Infinity });
}

/** `^body$` (whole value) through guardedRegex: PCRE spells the very end `\z`. */
export function anchoredWildcard(body: string, flags: string, runs: number): RegExp {
  return guardedRegex(`^${body}$`, flags, runs, `^${body}\\z`);
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export type ValueTest = (text: string) => boolean;

/** A test of a whole value against a pattern that may hold `*`. */
export function compileValuePattern(pattern: string, caseSensitive: boolean): ValueTest {
  if (!pattern.includes('*')) {
    if (caseSensitive) return (v) => v === pattern;
    const lower = pattern.toLowerCase();
    // Events of one input repeat their values (sourcetype, host...): the last answer is kept.
    let last: string | undefined;
    let answer = false;
    return (v) => {
      if (v !== last) {
        last = v;
        answer = v.length === lower.length && v.toLowerCase() === lower;
      }
      return answer;
    };
  }
  if (/^\*+$/.test(pattern)) return (v) => v.length > 0;
  const parts = pattern.split('*');
  const re = anchoredWildcard(parts.map(escapeRegex).join('[\\s\\S]*'), caseSensitive ? '' : 'i', backtrackingRuns(parts));
  return (v) => re.test(v);
}

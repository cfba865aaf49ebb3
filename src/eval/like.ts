/** SQL-style LIKE patterns: `%` any run, `_` one character, the rest literal (eval `like`, `LIKE`). */
import { anchoredWildcard, backtrackingRuns, escapeRegex } from '../search/wildcard.js';

const cache = new Map<string, (s: string) => boolean>();

export function likeMatcher(pattern: string): (s: string) => boolean {
  let test = cache.get(pattern);
  if (!test) {
    const source = [...pattern].map((c) => (c === '%' ? '[\\s\\S]*' : c === '_' ? '[\\s\\S]' : escapeRegex(c))).join('');
    const re = anchoredWildcard(source, 'u', backtrackingRuns(pattern.split('%')));
    test = (s) => re.test(s);
    if (cache.size > 1000) cache.clear();
    cache.set(pattern, test);
  }
  return test;
}

/**
 * Differential check against real PCRE2 (`pcre2test`, Debian package pcre2-utils), run only where
 * it is installed: every corpus regex on pseudo-random subjects built from its own characters,
 * long enough that both engines run, must give PCRE2's match and groups (docs/eval/regex.md).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tryCompilePcre, type PcreOptions } from '../../../src/eval/pcre.js';
import { corpusRegexes } from './corpus-regexes.js';

const hasPcre2test = ((): boolean => {
  try {
    execFileSync('pcre2test', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** pcre2test's rendering of a captured string: non-printable and non-ASCII as \x{hh}. */
const shown = (s: string): string =>
  [...s].map((c) => (c < ' ' || c > '~' ? `\\x{${c.codePointAt(0)!.toString(16).padStart(2, '0')}}` : c)).join('');
/** A subject line: white space, backslashes and non-ASCII escaped. */
const subjectLine = (s: string): string => [...s].map((c) => (c <= ' ' || c > '~' || c === '\\' ? `\\x{${c.codePointAt(0)!.toString(16)}}` : c)).join('');

type Result = readonly string[] | null;

function pcre2(dir: string, pattern: string, subjects: readonly string[]): Result[] | undefined {
  const delim = ['/', '!', '@', '%', '~', ';'].find((d) => !pattern.includes(d));
  if (!delim || pattern.includes('\n')) return undefined;
  const file = join(dir, 'in.txt');
  writeFileSync(file, `${delim}${pattern}${delim}utf\n${subjects.map(subjectLine).join('\n')}\n`);
  const out = execFileSync('pcre2test', ['-q', file], { encoding: 'utf8' });
  const results: string[][] = [];
  const all: Result[] = [];
  for (const line of out.split('\n').slice(1)) {
    if (line.startsWith('No match')) all.push(null);
    const m = /^ ?(\d+): (.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === '0') {
      results.push([]);
      all.push(results[results.length - 1]!);
    }
    results[results.length - 1]![Number(m[1])] = m[2]!;
  }
  return all;
}

function ours(pattern: string, subject: string, options: PcreOptions): Result {
  const r = tryCompilePcre(pattern, options);
  if (!r.ok) throw r.error;
  const m = r.regex.exec(subject);
  if (!m) return null;
  const out = [...m].map((x) => (x === undefined ? '<unset>' : shown(x)));
  while (out.length > 1 && out[out.length - 1] === '<unset>') out.pop(); // pcre2test omits trailing unset groups
  return out;
}

function subjectsFor(pattern: string, seed: number, maxLength: number): string[] {
  let state = seed;
  const rand = (): number => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const own = [...pattern.replace(/\\[dwsDWS]|[\\()[\]?*+{}^$|]/g, '')];
  const alphabet = [...new Set([...own, 'a', 'A', '1', ' ', '\\', '.', '\n', '\r', 'é', '-', ':', '/'])];
  const out = [own.join('')];
  for (let k = 0; k < 12; k++) {
    let s = '';
    const len = 1 + Math.floor(rand() * maxLength);
    for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
    out.push(s);
  }
  return out.filter((s) => s !== '');
}

describe.skipIf(!hasPcre2test)('same results as PCRE2 (pcre2test)', () => {
  const dir = hasPcre2test ? mkdtempSync(join(tmpdir(), 'splq-pcre-')) : '';
  const patterns = [...new Set(corpusRegexes().map((r) => r.pattern))];

  test.each([
    ['short subjects, automatic engine', 30, {}],
    ['long subjects, automatic engine', 1500, {}],
    ['linear engine forced', 60, { engine: 'linear' }],
  ] as const)('%s', (_name, maxLength, options) => {
    const diffs: string[] = [];
    patterns.forEach((pattern, i) => {
      if (!tryCompilePcre(pattern, options).ok) return;
      const subjects = subjectsFor(pattern, i + 1, maxLength);
      const expected = pcre2(dir, pattern, subjects);
      if (!expected) return;
      if (expected.length !== subjects.length) diffs.push(`${pattern}: pcre2test output not understood`);
      subjects.forEach((s, j) => {
        const got = ours(pattern, s, options);
        if (JSON.stringify(got) !== JSON.stringify(expected[j])) diffs.push(`${pattern} on ${JSON.stringify(s)}`);
      });
    });
    expect(diffs.slice(0, 5)).toEqual([]);
  });
});

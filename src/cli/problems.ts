/**
 * Input problems are never fatal: a summary by kind and the first few on stderr, every event kept.
 * With `splq run --strict` they are a failure instead: each listed as `error[CODE]`, exit 1.
 */
import type { InputProblem } from '../data/load.js';
import { countByCode } from '../data/problem-log.js';
import type { InputProblemCode } from '../data/records.js';
import { formatMessage } from '../errors/spl-error.js';

const SHOWN = 5;
const STRICT_SHOWN = 20;

/** What each kind of problem did to the events, for the summary line. */
const KINDS: Record<InputProblemCode, string> = {
  I002: 'line(s) not valid JSON, kept as raw text',
  I701: 'line(s) not valid UTF-8, bad bytes replaced',
  I702: 'event(s) longer than max_event_size, kept cut to it',
  I703: 'event(s) with JSON nested too deep, kept as raw text',
  I704: 'binary file(s), read as lines of raw text',
  I705: 'file(s) with damaged compressed data, read up to the damage',
  I706: 'JSON document(s) longer than max_event_size, read line by line',
};

/**
 * One problem as its catalog message: `events.ndjson:3: not valid JSON (...); kept as a raw event`.
 * Control characters (a reason quotes the event) are escaped: an event must not drive the terminal.
 */
export function problemMessage(p: InputProblem): string {
  const text = formatMessage(p.code, { file: p.file, line: p.line, reason: p.reason, ...p.params });
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function total(counts: ReadonlyMap<InputProblemCode, number>): number {
  let n = 0;
  for (const c of counts.values()) n += c;
  return n;
}

/** The warning on stderr; `counts` covers problems beyond the ones kept in `problems`. */
export function reportProblems(problems: readonly InputProblem[], counts: ReadonlyMap<InputProblemCode, number> = countByCode(problems)): void {
  const n = total(counts);
  if (n === 0) return;
  const kinds = [...counts].map(([code, c]) => `  ${c} ${KINDS[code]} (${code})`);
  const lines = problems.slice(0, SHOWN).map((p) => `  ${problemMessage(p)}`);
  if (n > lines.length) lines.push(`  ... and ${n - lines.length} more`);
  process.stderr.write(`warning: ${n} input problem(s); every event was kept:\n${kinds.join('\n')}\n${lines.join('\n')}\n`);
}

/** `--strict`: each problem as an error (the first few), then the count; returns the exit code. */
export function failOnProblems(problems: readonly InputProblem[], counts: ReadonlyMap<InputProblemCode, number> = countByCode(problems)): number {
  const n = total(counts);
  if (n === 0) return 0;
  const lines = problems.slice(0, STRICT_SHOWN).map((p) => `error[${p.code}]: ${problemMessage(p)}`);
  if (n > lines.length) lines.push(`... and ${n - lines.length} more`);
  process.stderr.write(`${lines.join('\n')}\nerror: ${n} input problem(s), and --strict makes them a failure\n`);
  return 1;
}

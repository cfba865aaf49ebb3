/**
 * Reports of `splq test`: a line per test and a summary (text), the same as JSON, and JUnit XML
 * (junit.ts). Tests are listed in run order: detections sorted by path, tests as written.
 */
import type { TestOutcome, TestStatus } from './types.js';

export interface TestSummary {
  readonly tests: number;
  readonly passed: number;
  readonly failed: number;
  readonly errors: number;
  readonly skipped: number;
  /** Detections looked at, and those of them with no test at all. */
  readonly detections: number;
  readonly withoutTests: number;
  readonly durationMs: number;
}

export function summarize(outcomes: readonly TestOutcome[], detections: number, withoutTests: number, durationMs: number): TestSummary {
  const count = (s: TestStatus) => outcomes.filter((o) => o.status === s).length;
  return {
    tests: outcomes.length,
    passed: count('pass'),
    failed: count('fail'),
    errors: count('error'),
    skipped: count('skipped'),
    detections,
    withoutTests,
    durationMs,
  };
}

/** Whether the run failed: any test failed or could not run because of an error. */
export function runFailed(summary: TestSummary): boolean {
  return summary.failed > 0 || summary.errors > 0;
}

const LABEL: Readonly<Record<TestStatus, string>> = { pass: 'PASS ', fail: 'FAIL ', error: 'ERROR', skipped: 'SKIP ' };

export function renderTestText(outcomes: readonly TestOutcome[], summary: TestSummary, verbose: boolean): string {
  const lines: string[] = [];
  for (const o of outcomes) {
    const counts = o.results === undefined ? `${o.durationMs} ms` : `${o.results} result${o.results === 1 ? '' : 's'}, ${o.durationMs} ms`;
    lines.push(`${LABEL[o.status]} ${o.detection} › ${o.test} (${counts})`);
    if (o.reason) lines.push(`      ${o.reason}`);
    if (o.status !== 'pass') for (const d of o.details ?? []) lines.push(...d.split('\n').map((l) => `        ${l}`));
    if (verbose) lines.push(`      ${o.testFile}${o.window ? `; ${windowText(o.window)}` : ''}`);
  }
  if (outcomes.length > 0) lines.push('');
  lines.push(summaryText(summary));
  return lines.join('\n') + '\n';
}

export function summaryText(s: TestSummary): string {
  const detections = `${s.detections} detection${s.detections === 1 ? '' : 's'}${s.withoutTests > 0 ? `, ${s.withoutTests} without tests` : ''}`;
  return `${s.tests} test${s.tests === 1 ? '' : 's'}: ${s.passed} passed, ${s.failed} failed, ${s.errors} errors, ${s.skipped} skipped (${detections}) in ${(s.durationMs / 1000).toFixed(2)} s`;
}

function windowText(w: NonNullable<TestOutcome['window']>): string {
  const range = w.earliest === undefined && w.latest === undefined ? 'all time' : `[${iso(w.earliest)}, ${iso(w.latest)})`;
  return `run at ${iso(w.now)}, window ${range}, events shifted ${w.shift} s`;
}

/** Epoch seconds -> `2024-05-06T11:24:00Z` (whole seconds shown only). */
export function iso(t: number | undefined): string {
  if (t === undefined) return '-';
  return new Date(Math.floor(t) * 1000).toISOString().replace('.000Z', 'Z');
}

export function renderTestJson(outcomes: readonly TestOutcome[], summary: TestSummary): string {
  const tests = outcomes.map((o) => ({
    detection: o.detection,
    detection_file: o.detectionFile,
    test: o.test,
    test_file: o.testFile,
    status: o.status,
    ...(o.reason === undefined ? {} : { reason: o.reason }),
    ...(o.details === undefined ? {} : { details: o.details }),
    ...(o.results === undefined ? {} : { results: o.results, events: o.events }),
    duration_ms: o.durationMs,
    ...(o.window === undefined ? {} : { window: windowJson(o.window) }),
  }));
  const { withoutTests, durationMs, ...counts } = summary;
  return JSON.stringify({ summary: { ...counts, without_tests: withoutTests, duration_ms: durationMs }, tests }, null, 2) + '\n';
}

/** The job's times as ISO 8601 (null = unbounded) and the shift in seconds. */
function windowJson(w: NonNullable<TestOutcome['window']>) {
  const bound = (t: number | undefined) => (t === undefined ? null : iso(t));
  return { now: iso(w.now), earliest: bound(w.earliest), latest: bound(w.latest), shift_seconds: w.shift };
}

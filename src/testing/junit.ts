/**
 * JUnit XML for CI systems (the Ant/Surefire shape Jenkins, GitLab and GitHub reporters read):
 * `<testsuites>` with one `<testsuite>` per detection and one `<testcase>` per test, holding
 * `<failure>`, `<error>` or `<skipped>` with the reason as `message` and details as text, and the
 * result count and window in `<system-out>`. Times in seconds.
 */
import { iso, type TestSummary } from './report.js';
import type { TestOutcome } from './types.js';

export function renderJunit(outcomes: readonly TestOutcome[], summary: TestSummary): string {
  const suites = new Map<string, TestOutcome[]>();
  for (const o of outcomes) {
    const list = suites.get(o.detectionFile);
    if (list) list.push(o);
    else suites.set(o.detectionFile, [o]);
  }
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites${attrs({ name: 'splq test', ...counts(outcomes), time: seconds(summary.durationMs) })}>`);
  for (const [file, list] of suites) out.push(...suite(file, list));
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

function suite(file: string, list: readonly TestOutcome[]): string[] {
  const total = list.reduce((t, o) => t + o.durationMs, 0);
  const out = [`  <testsuite${attrs({ name: list[0]!.detection, ...counts(list), time: seconds(total), file })}>`];
  for (const o of list) out.push(...testcase(o));
  out.push('  </testsuite>');
  return out;
}

function testcase(o: TestOutcome): string[] {
  const open = `    <testcase${attrs({ name: o.test, classname: o.detection, file: o.testFile, time: seconds(o.durationMs) })}`;
  const body: string[] = [];
  const details = (o.details ?? []).join('\n');
  if (o.status === 'fail') body.push(`      <failure${attrs({ message: o.reason ?? 'failed', type: 'assertion' })}>${text(details)}</failure>`);
  if (o.status === 'error') body.push(`      <error${attrs({ message: o.reason ?? 'error', type: 'error' })}>${text(details)}</error>`);
  if (o.status === 'skipped') body.push(`      <skipped${attrs({ message: o.reason ?? 'skipped' })}/>`);
  const info = systemOut(o);
  if (info) body.push(`      <system-out>${text(info)}</system-out>`);
  return body.length === 0 ? [`${open}/>`] : [`${open}>`, ...body, '    </testcase>'];
}

function systemOut(o: TestOutcome): string | undefined {
  if (o.results === undefined) return undefined;
  const w = o.window;
  let range = '';
  if (w && w.earliest === undefined && w.latest === undefined) range = '; all time';
  else if (w) range = `; window [${iso(w.earliest)}, ${iso(w.latest)}) at ${iso(w.now)}, events shifted ${w.shift} s`;
  return `${o.results} results from ${o.events ?? 0} events${range}`;
}

function counts(list: readonly TestOutcome[]): Record<string, string> {
  const n = (s: TestOutcome['status']) => String(list.filter((o) => o.status === s).length);
  return { tests: String(list.length), failures: n('fail'), errors: n('error'), skipped: n('skipped') };
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function attrs(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${escapeXml(v).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;')}"`)
    .join('');
}

function text(s: string): string {
  return escapeXml(s);
}

/** `&`, `<`, `>` escaped; characters XML 1.0 forbids (most C0 controls, lone surrogates) dropped. */
export function escapeXml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * `splq run --workers N` on real worker threads (the built CLI): a generated EKS audit log of about
 * 25 MB is cut into slices, read by two threads and merged; every search must print exactly what
 * one thread prints (issue 5), order-dependent stats functions, event order and the line numbers
 * of input problems included.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/cases.js';

const CLI = join(REPO_ROOT, 'dist', 'splq.js');
const SEED = join(REPO_ROOT, 'fixtures', 'detections', 'amazon_eks_kubernetes_pod_scan_detection.yml');
let events = '';

function splq(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'splq-workers-'));
  events = join(dir, 'eks.ndjson');
  const gen = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'gen-eks-events.mjs'), '--events', '20000', '--seed', '7', '--out', events]);
  expect(gen.status).toBe(0);
  // Damage in the middle and near the end: problems must be numbered as one pass numbers them.
  const lines = readFileSync(events, 'utf8').split('\n');
  lines.splice(9000, 0, '{"time": 1714989612, "event": {"broken": tru}}');
  lines.splice(17000, 0, 'not json at all');
  writeFileSync(events, lines.join('\n'));
  appendFileSync(events, '{"time":1714999999,"event":{"verb":"list","user":{"username":"last-line"}}}');
}, 60_000);

const SEARCHES: Array<[string, string[]]> = [
  ['the seed detection (selective, prefiltered)', ['-d', SEED]],
  ['non-selective stats (partial states merged)', ['sourcetype="aws:cloudwatchlogs:eks" | stats count dc(sourceIPs{}) values(verb) by user.username objectRef.resource']],
  ['order-dependent functions', ['* | stats first(verb) last(verb) earliest(requestURI) latest(requestURI) list(responseStatus.code) mode(userAgent) range(_time) by objectRef.resource']],
  ['sums (rows merged, not states)', ['* | eval t=_time/7 | stats sum(t) avg(t) stdev(t) count by verb']],
  ['an event search, newest first', ['verb=list objectRef.resource=pods | head 50 | table _time user.username requestURI']],
  ['eventstats and sort after the slices', ['verb=get | eventstats count by user.username | sort - _time | head 20 | table _time user.username count']],
];

describe('splq run --workers', () => {
  it.each(SEARCHES)('%s: two threads print what one prints', (_name, args) => {
    const one = splq(['run', ...args, '-e', events, '--format', 'json', '--workers', '1']);
    const two = splq(['run', ...args, '-e', events, '--format', 'json', '--workers', '2']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).not.toEqual([]);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
  });

  it('numbers the problems of every slice as one pass does', () => {
    const r = splq(['run', '* | stats count', '-e', events, '--format', 'csv', '--workers', '2']);
    expect(r.stdout).toBe('count\n20003\n');
    expect(r.stderr).toMatch(/eks\.ndjson:9001: not valid JSON/);
    expect(r.stderr).toMatch(/eks\.ndjson:17001: not valid JSON/);
  });

  it('fails with the error one thread gives when a limit is passed inside the slices', () => {
    const args = ['run', '* | stats count by requestURI', '-e', events, '--format', 'json', '--max-groups', '10'];
    const one = splq([...args, '--workers', '1']);
    const two = splq([...args, '--workers', '2']);
    expect(one.code).toBe(1);
    expect(one.stderr).toContain('R701');
    expect(two.code).toBe(one.code);
    expect(two.stderr).toBe(one.stderr);
  });

  it('rejects a worker count that is not a whole number of at least 1', () => {
    const r = splq(['run', '*', '-e', events, '--workers', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--workers');
  });
});

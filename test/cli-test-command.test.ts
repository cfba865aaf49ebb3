/**
 * `splq test`, `splq run --compare-macros/--compare-macro` and `splq expand --trace` through the
 * built binary (`npm test` builds first): exit codes, the three report formats (the JUnit XML
 * parsed by a strict parser), worker threads, and overrides applied to every detection.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/cases.js';
import { parseXml } from './unit/testing/xml.js';

const CLI = join(REPO_ROOT, 'dist', 'splq.js');
const SEED = join('fixtures', 'detections', 'amazon_eks_kubernetes_pod_scan_detection.yml');
const EKS = join('fixtures', 'events', 'eks-audit.ndjson');
const FILTER = 'amazon_eks_kubernetes_pod_scan_detection_filter';

function splq(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('splq test', () => {
  it("passes the seed detection's tests from fixtures/ (positive, negative, macro override)", () => {
    const r = splq(['test', 'fixtures/detections']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('PASS'))).toHaveLength(3);
    expect(r.stdout).toMatch(/\n3 tests: 3 passed, 0 failed, 0 errors, 0 skipped \(1 detection\) in [\d.]+ s\n$/);
  });

  it('--format junit is well-formed JUnit XML', () => {
    const r = splq(['test', 'fixtures/detections', '--format', 'junit']);
    expect(r.code).toBe(0);
    const root = parseXml(r.stdout);
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ tests: '3', failures: '0', errors: '0', skipped: '0' });
    const [suite, ...others] = root.children;
    expect(others).toEqual([]);
    expect(suite!.name).toBe('testsuite');
    expect(suite!.attrs).toMatchObject({ name: 'Amazon EKS Kubernetes Pod scan detection', tests: '3', file: SEED });
    expect(suite!.children.map((c) => [c.name, c.children.map((x) => x.name)])).toEqual([
      ['testcase', ['system-out']],
      ['testcase', ['system-out']],
      ['testcase', ['system-out']],
    ]);
    expect(suite!.children.every((c) => Number(c.attrs.time) >= 0 && c.attrs.classname === suite!.attrs.name)).toBe(true);
  });

  it('--format json gives the summary and each test', () => {
    const r = splq(['test', SEED, '--format', 'json']);
    const report = JSON.parse(r.stdout) as { summary: Record<string, number>; tests: { status: string; results: number; window: { earliest: string | null } }[] };
    expect(report.summary).toMatchObject({ tests: 3, passed: 3, failed: 0, errors: 0, skipped: 0, detections: 1 });
    expect(report.tests.map((t) => [t.status, t.results, t.window.earliest])).toEqual([
      ['pass', 10, null],
      ['pass', 0, null],
      ['pass', 8, null],
    ]);
  });

  it('--macros applies an override to every detection: the exact-rows test (a) then fails, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'splq-local-'));
    writeFileSync(join(dir, 'macros.conf'), `[${FILTER}]\ndefinition = search NOT src_ip=10.1.0.10\n`);
    const r = splq(['test', 'fixtures/detections', '--macros', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { tests: { status: string; reason?: string; details?: string[] }[] };
    // The override test (c) keeps its own filter definition: a test's macros come last.
    expect(report.tests.map((t) => t.status)).toEqual(['fail', 'pass', 'pass']);
    expect(report.tests[0]!.reason).toBe('expected 10 rows, got 9: 1 missing, 0 unexpected');
    expect(report.tests[0]!.details![0]).toMatch(/^missing: {4}src_ip="10\.1\.0\.10"/);
  });

  it('runs many tests on worker threads and exits 1 when one fails', () => {
    const repo = mkdtempSync(join(tmpdir(), 'splq-many-'));
    mkdirSync(join(repo, 'detections'));
    const data = join(REPO_ROOT, EKS);
    const tests = Array.from({ length: 9 }, (_, i) =>
      `- name: scanners ${i}\n  attack_data:\n  - data: ${data}\n  all_time: true\n  expect: {min_results: ${i === 4 ? 99 : 10}}\n`,
    );
    const search = "'`aws_cloudwatchlogs_eks` verb=list requestURI=\"/api/v1/pods\" \"user.username\"=\"system:anonymous\" | stats count by sourceIPs{}, source'";
    writeFileSync(join(repo, 'detections', 'scan.yml'), `name: scan\nsearch: ${search}\ntests:\n${tests.join('')}`);
    const r = splq(['test', repo, '--jobs', '2']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL  scan › scanners 4 (10 results');
    expect(r.stdout).toContain('      expected at least 99 results, got 10');
    expect(r.stdout).toMatch(/9 tests: 8 passed, 1 failed, 0 errors, 0 skipped/);
  });

  it('exits 2 on usage errors', () => {
    expect(splq(['test', 'no/such/path']).code).toBe(2);
    expect(splq(['test', 'fixtures/detections', '--format', 'yaml']).code).toBe(2);
    expect(splq(['test', 'fixtures/detections', '--jobs', '0']).code).toBe(2);
    expect(splq(['test', 'fixtures/detections', '--earliest', 'whenever']).code).toBe(2);
    expect(splq(['test', 'fixtures/detections', '--all-time', '--latest', 'now']).code).toBe(2);
  });
});

describe('splq run --compare-macro / --compare-macros', () => {
  it('shows the rows an override of the filter macro suppresses', () => {
    const r = splq(['run', '-d', SEED, '-e', EKS, '--compare-macro', `${FILTER}=search NOT src_ip=192.0.2.77`]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('base: 10 results; with override: 8 results; rows matched by src_ip, cluster_name, user.username, user.groups{}');
    expect(lines[1]).toBe(`macro ${FILTER}: <default *_filter>:1 (contentctl) -> <--macro>:1 (cli)`);
    expect(lines.filter((l) => l.startsWith('  - '))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('  - ')).every((l) => l.startsWith('  - src_ip="192.0.2.77"'))).toBe(true);
    expect(r.stdout).toContain('only with override (0):');
    expect(r.stdout).toContain('changed (0):');
    expect(r.stdout).toContain('unchanged: 8');
  });

  it('--compare-macros with a folder, as JSON: changed rows keep their key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'splq-override-'));
    writeFileSync(join(dir, 'macros.conf'), '[aws_cloudwatchlogs_eks]\ndefinition = sourcetype="aws:cloudwatchlogs:eks" NOT userAgent="curl/*"\n');
    const r = splq(['run', '-d', SEED, '-e', EKS, '--compare-macros', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as { only_base: { src_ip: string }[]; changed: { key: Record<string, string>; fields: string[] }[]; unchanged: number };
    expect(d.only_base.map((x) => x.src_ip)).toEqual(['198.51.100.23']);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]!.key).toEqual({ src_ip: '198.51.100.23', cluster_name: '/aws/eks/prod-payments/cluster', 'user.username': 'system:anonymous', 'user.groups{}': 'system:unauthenticated' });
    expect(d.changed[0]!.fields).toContain('count');
    expect(d.unchanged).toBe(8);
  });

  it('rejects a result format for the comparison', () => {
    expect(splq(['run', '-d', SEED, '-e', EKS, '--compare-macro', `${FILTER}=search *`, '--format', 'csv']).code).toBe(2);
  });
});

describe('splq expand --trace', () => {
  it('lists each macro used with the file, line and layer of its definition, or that it was defaulted', () => {
    const r = splq(['expand', '-d', SEED, '--trace', '--macro', 'aws_cloudwatchlogs_eks=sourcetype=x']);
    expect(r.code).toBe(0);
    const trace = r.stdout.slice(r.stdout.indexOf('\nmacros used:\n'));
    expect(trace.split('\n').slice(2, 5)).toEqual([
      `  aws_cloudwatchlogs_eks                           <--macro>:1 (cli)`,
      `  security_content_ctime(1)                        ${join(REPO_ROOT, 'macros', 'macros.conf')}:8 (default) (x2)`,
      `  ${FILTER}  not defined: defaulted to \`search *\` (contentctl)`,
    ]);
  });
});

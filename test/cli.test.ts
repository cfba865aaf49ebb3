/**
 * The CLI contract, through the built binary (`npm test` builds first): exit codes 0/1/2, JSON rows
 * of the seed detection equal to the independent reference, stdin, macro layering, expand, fmt and
 * validate.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceSeedRows } from './reference/seed-reference.js';
import { REPO_ROOT } from './helpers/cases.js';

const CLI = join(REPO_ROOT, 'dist', 'splq.js');
const SEED = join(REPO_ROOT, 'fixtures', 'detections', 'amazon_eks_kubernetes_pod_scan_detection.yml');
const EKS = join(REPO_ROOT, 'fixtures', 'events', 'eks-audit.ndjson');

function splq(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('splq run', () => {
  it('prints the seed detection rows as the reference implementation computes them', () => {
    const r = splq(['run', '-d', SEED, '-e', EKS, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(referenceSeedRows(readFileSync(EKS, 'utf8')));
  });

  it('reads events from stdin and SPL from a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'splq-cli-'));
    writeFileSync(join(dir, 'q.spl'), 'sourcetype=aws:cloudwatchlogs:eks verb=list | stats count');
    const r = splq(['run', '-f', join(dir, 'q.spl'), '-e', '-', '--format', 'csv'], readFileSync(EKS, 'utf8'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^count\n\d+\n$/);
  });

  it('lets an inline macro override a file macro (the filter suppresses a scanner)', () => {
    const base = JSON.parse(splq(['run', '-d', SEED, '-e', EKS, '--format', 'json']).stdout) as { src_ip: string }[];
    const r = splq(['run', '-d', SEED, '-e', EKS, '--format', 'json', '--macro', 'amazon_eks_kubernetes_pod_scan_detection_filter=search NOT src_ip=192.0.2.77']);
    const rows = JSON.parse(r.stdout) as { src_ip: string }[];
    expect(rows).toEqual(base.filter((x) => x.src_ip !== '192.0.2.77'));
    expect(rows.length).toBeLessThan(base.length);
  });

  it('keeps lines that are not JSON as raw events and says so on stderr', () => {
    const r = splq(['run', '* | stats count', '-e', '-', '--format', 'json'], '{"a":1}\nnot json\n{"a":2}\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ count: '3' }]);
    expect(r.stderr).toContain('stdin:2');
  });

  it('exits 1 with a positioned error for a bad search', () => {
    const r = splq(['run', 'a | stats nosuch(x)', '-e', EKS]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[B001]: Error in 'stats' command: The argument 'nosuch(x)' is invalid.");
    expect(r.stderr).toContain('<query>:1:11');
  });

  it('exits 1 for an undefined macro, naming it', () => {
    const r = splq(['run', '`nope` | stats count', '-e', EKS]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("macro 'nope' that cannot be found");
  });

  it('exits 2 on a usage error', () => {
    expect(splq(['run', 'x', '--format', 'yaml']).code).toBe(2);
    expect(splq(['run', 'x', '--now', 'yesterday-ish']).code).toBe(2);
    expect(splq(['run']).code).toBe(2);
  });
});

describe('splq expand, fmt, validate', () => {
  it('expand prints the expanded seed search', () => {
    const r = splq(['expand', '-d', SEED]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('sourcetype="aws:cloudwatchlogs:eks" "user.username"="system:anonymous"');
    expect(r.stdout).toContain('| convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(lastTime) |');
    expect(r.stdout.trim().endsWith('| search *')).toBe(true);
  });

  it('fmt prints a canonical search', () => {
    expect(splq(['fmt', 'a  b OR c|rename x as y']).stdout).toBe('a b OR c | rename x AS y\n');
  });

  it('validate reports a detection file as JSON, with the error position in the YAML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'splq-val-'));
    writeFileSync(join(dir, 'bad.yml'), "name: Bad\nid: x-1\nsearch: 'index=main | stast count'\n");
    const r = splq(['validate', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toEqual({ total: 1, ok: 0, error: 1, unsupported: 0 });
    expect(out.searches[0]).toMatchObject({ name: 'Bad', id: 'x-1', status: 'error', errors: [{ code: 'P001', line: 3, column: 23 }] });
  });
});

describe('splq run -d with a content repository', () => {
  it("loads the detection's repository macros/ (its filter macro is defined there)", () => {
    const corpus = join(REPO_ROOT, '..', 'shared', 'corpus', 'security_content');
    const detection = join(corpus, 'detections', 'cloud', 'aws_createloginprofile.yml');
    const expanded = splq(['expand', '-d', detection]);
    const run = splq(['run', '-d', detection, '-e', EKS, '--format', 'json']);
    expect(expanded.code).toBe(0);
    expect(expanded.stdout).toContain('sourcetype=aws:cloudtrail');
    // The run defines them too (no M001), over events that do not match.
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });
});

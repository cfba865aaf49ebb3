/**
 * `splq replay` through the built binary (`npm test` builds first): the round trip over the seed
 * fixture (replayed output gives the same detection results), descriptors with time shifting,
 * clear errors for missing attack data, and sending to a local HTTP Event Collector.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/cases.js';

const CLI = join(REPO_ROOT, 'dist', 'splq.js');
const SEED = join(REPO_ROOT, 'fixtures', 'detections', 'amazon_eks_kubernetes_pod_scan_detection.yml');
const EKS = join(REPO_ROOT, 'fixtures', 'events', 'eks-audit.ndjson');

function splq(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The binary run without blocking this process (a server in this process must answer it). */
function splqAsync(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The first events of the seed fixture without their HEC envelopes, as attack_data stores events. */
function rawEvents(n: number): string {
  return readFileSync(EKS, 'utf8').split('\n').slice(0, n).map((l) => JSON.stringify((JSON.parse(l) as { event: unknown }).event)).join('\n');
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'splq-cli-replay-'));
}

describe('splq replay', () => {
  it('round-trips the seed dataset: the replayed file gives the same detection results', () => {
    const out = join(tmp(), 'replayed.ndjson');
    const r = splq(['replay', EKS, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('replayed 400 event(s)');
    const direct = splq(['run', '-d', SEED, '-e', EKS, '--format', 'json']);
    const replayed = splq(['run', '-d', SEED, '-e', out, '--format', 'json']);
    expect(replayed.code).toBe(0);
    expect(JSON.parse(replayed.stdout)).toEqual(JSON.parse(direct.stdout));
    expect(JSON.parse(direct.stdout).length).toBeGreaterThan(0);
  });

  it('replays a descriptor shifted to a pinned now; the detection then finds the rows in the last hour', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'eks.yml'), `datasets:\n- name: eks\n  path: ${EKS}\n  sourcetype: aws:cloudwatchlogs:eks\ntime:\n  shift_to: now\n`);
    const r = splq(['replay', join(dir, 'eks.yml'), '--now', '2030-01-01T00:00:00Z']);
    expect(r.code).toBe(0);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { time: number; event: { requestReceivedTimestamp: string } });
    expect(events).toHaveLength(400);
    // Shifted by whole seconds: the newest event lands in the second before the target.
    const newest = Math.max(...events.map((e) => e.time));
    const target = Date.parse('2030-01-01T00:00:00Z') / 1000;
    expect(newest).toBeLessThanOrEqual(target);
    expect(newest).toBeGreaterThan(target - 1);
    const file = join(dir, 'shifted.ndjson');
    writeFileSync(file, r.stdout);
    const window = ['--now', '2030-01-01T00:00:00Z', '--earliest', '-2h', '--latest', '+1s', '--format', 'json'];
    const rows = JSON.parse(splq(['run', '-d', SEED, '-e', file, ...window]).stdout) as { firstTime: string }[];
    const original = JSON.parse(splq(['run', '-d', SEED, '-e', EKS, '--format', 'json']).stdout) as unknown[];
    expect(rows).toHaveLength(original.length);
    expect(rows[0]!.firstTime).toMatch(/^2029-12-31T/);
  });

  it('reads the attack data of a detection from --data-root, and names the URL and path when missing', () => {
    const dir = tmp();
    const root = join(dir, 'datasets');
    mkdirSync(join(root, 'attack_techniques', 'T1526', 'eks'), { recursive: true });
    writeFileSync(join(root, 'attack_techniques', 'T1526', 'eks', 'eks.json'), rawEvents(3));
    const url = 'https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/attack_techniques/T1526/eks/eks.json';
    const detection = (data: string) => `name: x\nsearch: '| makeresults'\ntests:\n- name: True Positive Test\n  attack_data:\n  - data: ${data}\n    sourcetype: aws:cloudwatchlogs:eks\n    source: eks\n`;
    writeFileSync(join(dir, 'ok.yml'), detection(url));
    writeFileSync(join(dir, 'missing.yml'), detection(url.replace('eks.json', 'gone.json')));
    const ok = splq(['replay', join(dir, 'ok.yml'), '--data-root', root]);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().split('\n').map((l) => JSON.parse(l).source)).toEqual(['eks', 'eks', 'eks']);
    const missing = splq(['replay', join(dir, 'missing.yml'), '--data-root', root]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('error[I601]');
    expect(missing.stderr).toContain(url.replace('eks.json', 'gone.json'));
    expect(missing.stderr).toContain(join(root, 'attack_techniques', 'T1526', 'eks', 'gone.json'));
  });

  it('sends to an HTTP Event Collector with the token from the environment, never printing it', async () => {
    const token = 'cli-token-0000-1111';
    const bodies: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (b: Buffer) => (body += b.toString()));
      req.on('end', () => {
        const ok = req.url === '/services/collector/event' && req.headers.authorization === `Splunk ${token}`;
        if (ok && bodies.length === 0) {
          bodies.push('');
          res.writeHead(503).end('{"text":"Server is busy","code":9}');
          return;
        }
        if (ok) bodies.push(body);
        res.writeHead(ok ? 200 : 403).end(ok ? '{"text":"Success","code":0}' : '{"text":"Invalid token","code":4}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const r = await splqAsync(['replay', EKS, '--hec', url, '--batch-size', '250'], { ...process.env, SPLUNK_HEC_TOKEN: token });
      expect(r.stdout).toBe('');
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`sent 400 event(s) of 400 in 2 request(s) to ${url}/services/collector/event after 1 retry`);
      expect(r.stderr).not.toContain(token);
      expect(bodies.slice(1).map((b) => b.trim().split('\n').length)).toEqual([250, 150]);
      const bad = await splqAsync(['replay', EKS, '--hec', url, '--hec-token', 'not-the-token'], process.env);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('error[I611]');
      expect(bad.stderr).not.toContain('not-the-token');
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('exits 2 on usage errors', () => {
    expect(splq(['replay', EKS, '--out', '/tmp/x', '--hec', 'http://127.0.0.1:1']).code).toBe(2);
    expect(splq(['replay', EKS, '--shift-to', 'yesterday-ish']).code).toBe(2);
    const noToken = { ...process.env };
    delete noToken.SPLUNK_HEC_TOKEN;
    expect(splq(['replay', EKS, '--hec', 'http://127.0.0.1:1'], noToken).code).toBe(2);
  });
});

#!/usr/bin/env node
// npm run bench: times splq through its real CLI against a plain Node.js baseline and a raw-read
// floor, on generated EKS audit events (100k and 1M by default). Prints wall time (median of
// --runs, default 5), events/s, MB/s, peak RSS and the ratios. Usage:
//   node scripts/bench/run.mjs [--sizes 100000,1000000] [--runs 5] [--workers N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA = join(ROOT, 'bench', 'data');
const CLI = join(ROOT, 'dist', 'splq.js');
const SEED = join(ROOT, 'fixtures', 'detections', 'amazon_eks_kubernetes_pod_scan_detection.yml');
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'security_content');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const SIZES = option('--sizes', '100000,1000000').split(',').map(Number);
const RUNS = Number(option('--runs', '5'));
const WORKERS = option('--workers', undefined);

function dataset(events) {
  mkdirSync(DATA, { recursive: true });
  const file = join(DATA, `eks-${events}.ndjson`);
  if (!existsSync(file)) {
    process.stderr.write(`generating ${events} events...\n`);
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-eks-events.mjs'), '--events', String(events), '--seed', '1', '--out', file], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('generator failed');
  }
  return file;
}

/** Median wall time and peak RSS of `runs` runs of one command. */
function measure(args, runs) {
  const rssFile = join(DATA, 'rss.txt');
  const times = [];
  const cpus = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    rmSync(rssFile, { force: true });
    const env = { ...process.env, NODE_OPTIONS: `--import=${join(ROOT, 'scripts', 'bench', 'rss.mjs')}`, SPLQ_BENCH_RSS: rssFile };
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { env, maxBuffer: 1 << 28, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (r.status !== 0 && !(args.includes('validate') && r.status === 1)) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    // One line per exiting thread; the process-wide figures are largest at the main thread's exit.
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n').map((l) => l.split(' ').map(Number));
    rss = Math.max(rss, ...lines.map((l) => l[0]));
    cpus.push(Math.max(...lines.map((l) => l[1])));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { seconds: median(times), cpu: median(cpus), rssMb: rss / 1024 };
}

function workloads(file) {
  const workers = WORKERS ? ['--workers', WORKERS] : [];
  const run = (...a) => [CLI, 'run', ...a, '-e', file, '--format', 'csv', '--quiet', ...workers];
  return [
    ['(a) seed detection', run('-d', SEED)],
    ['(b) non-selective stats', run('sourcetype="aws:cloudwatchlogs:eks" | stats count dc(sourceIPs{}) values(verb) by user.username objectRef.resource')],
    ['(b) on one thread (--workers 1)', [...run('sourcetype="aws:cloudwatchlogs:eks" | stats count dc(sourceIPs{}) values(verb) by user.username objectRef.resource'), '--workers', '1']],
    ['(c) eval-heavy', run('* | eval uri=lower(requestURI) | where like(uri, "%/pods%") | stats count by uri')],
    ['baseline (a): plain Node', [join(ROOT, 'scripts', 'bench', 'baseline.mjs'), file]],
    ['floor: raw read', [join(ROOT, 'scripts', 'bench', 'floor.mjs'), file]],
  ];
}

function row(name, events, bytes, m, baseline, floor) {
  const ratio = (x) => (x ? (m.seconds / x).toFixed(2) : '-');
  return `| ${name} | ${events} | ${m.seconds.toFixed(3)} | ${m.cpu.toFixed(2)} | ${Math.round(events / m.seconds)} | ${(bytes / 1e6 / m.seconds).toFixed(1)} | ${m.rssMb.toFixed(0)} | ${ratio(baseline)} | ${ratio(floor)} |`;
}

console.log('| workload | events | wall s (median) | CPU s (median) | events/s | MB/s | peak RSS MB | ÷ baseline | ÷ floor |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const events of SIZES) {
  const file = dataset(events);
  const bytes = statSync(file).size;
  const results = workloads(file).map(([name, args]) => [name, measure(args, RUNS)]);
  const baseline = results.find(([n]) => n.startsWith('baseline'))[1].seconds;
  const floor = results.find(([n]) => n.startsWith('floor'))[1].seconds;
  for (const [name, m] of results) console.log(row(name, events, bytes, m, name.startsWith('baseline') ? undefined : baseline, name.startsWith('floor') ? undefined : floor));
}
if (existsSync(CORPUS)) {
  const m = measure([CLI, 'validate', CORPUS, '--format', 'json'], RUNS);
  console.log(`| (d) validate security_content (1,824 searches) | - | ${m.seconds.toFixed(3)} | ${m.cpu.toFixed(2)} | - | - | ${m.rssMb.toFixed(0)} | - | - |`);
}

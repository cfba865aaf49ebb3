#!/usr/bin/env node
// Deterministic generator of synthetic EKS Kubernetes audit events (audit.k8s.io/v1, as EKS writes
// them to CloudWatch Logs) in Splunk HEC envelopes, one JSON object per line. Same arguments ->
// byte-identical output. Used to build fixtures for the "Amazon EKS Kubernetes Pod scan detection".
//
//   node scripts/gen-eks-events.mjs --events N --seed S [--out FILE] [--start ISO] [--anomaly-rate R]
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createRng } from './eks/prng.mjs';
import { buildEstate } from './eks/cluster.mjs';
import { hecLine } from './eks/event.mjs';
import { ANOMALIES, NORMAL } from './eks/traffic.mjs';

const USAGE = `usage: node scripts/gen-eks-events.mjs --events N --seed S [--out FILE]
       [--start ISO-8601, default 2024-05-06T10:00:00Z] [--anomaly-rate R in [0,1], default 0.01]`;

function fail(message) {
  process.stderr.write(`gen-eks-events: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { events: undefined, seed: undefined, out: undefined, start: '2024-05-06T10:00:00Z', anomalyRate: 0.01 };
  const keys = { '--events': 'events', '--seed': 'seed', '--out': 'out', '--start': 'start', '--anomaly-rate': 'anomalyRate' };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--help' || argv[i] === '-h') { process.stdout.write(`${USAGE}\n`); process.exit(0); }
    const key = keys[argv[i]];
    if (!key) fail(`unknown option "${argv[i]}"`);
    if (argv[i + 1] === undefined) fail(`option "${argv[i]}" needs a value`);
    opts[key] = argv[i + 1];
  }
  const events = Number(opts.events);
  const seed = Number(opts.seed);
  const rate = Number(opts.anomalyRate);
  const startMs = Date.parse(opts.start);
  if (!Number.isInteger(events) || events < 0) fail('--events must be a non-negative integer');
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) fail('--seed must be an integer in [0, 2^32)');
  if (!(rate >= 0 && rate <= 1)) fail('--anomaly-rate must be a number in [0, 1]');
  if (Number.isNaN(startMs)) fail('--start must be an ISO-8601 date-time');
  return { events, seed, rate, startUs: startMs * 1000, out: opts.out };
}

/** Yields the lines: gaps are exponential (mean ~12 s, at least 1 ms) so times only increase. */
function* generate({ events, seed, rate, startUs }) {
  const rng = createRng(seed);
  const estate = buildEstate(rng);
  let us = startUs;
  for (let i = 0; i < events; i++) {
    us += Math.max(1000, Math.round(-Math.log(1 - rng.next()) * 12e6));
    const cluster = estate.pickCluster();
    const template = rng.weighted(rng.chance(rate) ? ANOMALIES : NORMAL);
    yield hecLine(rng, us, { cluster, ...template(rng, cluster) });
  }
}

/** Written in ~1 MiB chunks, so a million events (over a gigabyte) never sit in memory at once. */
async function write(opts) {
  const out = opts.out ? createWriteStream(opts.out) : process.stdout;
  let chunk = '';
  for (const line of generate(opts)) {
    chunk += `${line}\n`;
    if (chunk.length >= 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  if (chunk) out.write(chunk);
  if (opts.out) await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
}

await write(parseArgs(process.argv.slice(2)));

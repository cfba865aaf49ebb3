/**
 * The HEC client against local collectors on 127.0.0.1 that check each request as Splunk's HTTP
 * Event Collector does (path, `Authorization: Splunk <token>`, envelope shape) and answer with its
 * JSON replies, including servers that fail and recover, fail for good, or speak TLS with a
 * self-signed certificate. Retries wait through an injected sleep, so every test is fast and bounded.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sequenceSpans } from '../../../src/data/json-scan.js';
import { SplError } from '../../../src/errors/spl-error.js';
import { collectorUrl, sendToHec, type HecOptions } from '../../../src/replay/hec.js';

const TOKEN = '12345678-abcd-4ef0-9876-0123456789ab';
const ENVELOPE_KEYS = new Set(['time', 'host', 'source', 'sourcetype', 'index', 'event', 'fields']);

interface Received {
  readonly envelopes: Record<string, unknown>[];
  readonly channel: string | undefined;
}

interface Collector {
  readonly url: string;
  readonly accepted: Received[];
  requests: number;
  close(): Promise<void>;
}

type Reply = { status: number; body: unknown; headers?: Record<string, string> };

/** HEC's checks; undefined when the request is one Splunk would index. */
function hecCheck(req: IncomingMessage, body: string): Reply | { envelopes: Record<string, unknown>[] } {
  if (req.method !== 'POST' || req.url !== '/services/collector/event') return { status: 404, body: { text: 'The requested URL was not found on this server.', code: 404 } };
  const auth = req.headers.authorization;
  if (auth === undefined) return { status: 401, body: { text: 'Token is required', code: 2 } };
  if (auth !== `Splunk ${TOKEN}`) return { status: 403, body: { text: 'Invalid token', code: 4 } };
  if (body.trim() === '') return { status: 400, body: { text: 'No data', code: 5 } };
  const spans = sequenceSpans(body) ?? [];
  const envelopes: Record<string, unknown>[] = [];
  for (const [i, span] of spans.entries()) {
    let env: unknown;
    try {
      env = JSON.parse(body.slice(span.start, span.end));
    } catch {
      return { status: 400, body: { text: 'Invalid data format', code: 6, 'invalid-event-number': i } };
    }
    const ok = typeof env === 'object' && env !== null && !Array.isArray(env) && Object.keys(env).every((k) => ENVELOPE_KEYS.has(k));
    const e = env as Record<string, unknown>;
    if (!ok || e.event === undefined || e.event === '' || (e.time !== undefined && typeof e.time !== 'number')) {
      return { status: 400, body: { text: 'Event field is required', code: 12, 'invalid-event-number': i } };
    }
    envelopes.push(e);
  }
  return { envelopes };
}

const servers: Collector[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A collector; `fail(n)` may answer the n-th request (1-based) with an error instead. */
async function collector(fail: (n: number, req: IncomingMessage) => Reply | undefined = () => undefined, tls?: { key: Buffer; cert: Buffer }): Promise<Collector> {
  const c: Collector = { url: '', accepted: [], requests: 0, close: async () => undefined };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const parts: Buffer[] = [];
    req.on('data', (b: Buffer) => parts.push(b));
    req.on('end', () => {
      const n = ++c.requests;
      const reply = fail(n, req) ?? hecCheck(req, Buffer.concat(parts).toString('utf8'));
      if ('envelopes' in reply) {
        c.accepted.push({ envelopes: reply.envelopes, channel: req.headers['x-splunk-request-channel'] as string | undefined });
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ text: 'Success', code: 0 }));
      } else {
        res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers }).end(JSON.stringify(reply.body));
      }
    });
  };
  const server: Server = tls ? createHttpsServer(tls, handler) : createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const collectorServer = Object.assign(c, {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  });
  servers.push(collectorServer);
  return collectorServer;
}

function envelopes(n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({ time: 1714989610 + i, host: 'h', source: 's', sourcetype: 'aws:cloudtrail', index: 'main', event: { eventName: 'E', n: i } }),
  );
}

async function* lines(items: string[]): AsyncGenerator<string> {
  yield* items;
}

/** Options with an instant, recorded sleep: retries take no time, delays can be checked. */
function fast(url: string, extra: Partial<HecOptions> = {}): { options: HecOptions; delays: number[] } {
  const delays: number[] = [];
  return { options: { url, token: TOKEN, backoffMs: 100, sleep: async (ms) => void delays.push(ms), ...extra }, delays };
}

async function failure(p: Promise<unknown>): Promise<SplError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SplError) return e;
    throw e;
  }
  throw new Error('expected the send to fail');
}

describe('sendToHec', () => {
  it('posts batches of concatenated envelopes with the Splunk token, on one channel', async () => {
    const hec = await collector();
    const sent = envelopes(400);
    const { options } = fast(hec.url, { batchSize: 150 });
    expect(await sendToHec(lines(sent), options)).toEqual({ events: 400, batches: 3, retries: 0 });
    expect(hec.accepted.map((r) => r.envelopes.length)).toEqual([150, 150, 100]);
    expect(hec.accepted.flatMap((r) => r.envelopes)).toEqual(sent.map((s) => JSON.parse(s)));
    const channels = new Set(hec.accepted.map((r) => r.channel));
    expect(channels.size).toBe(1);
    expect([...channels][0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('also cuts batches by size', async () => {
    const hec = await collector();
    const sent = envelopes(10);
    const { options } = fast(hec.url, { maxBatchBytes: Buffer.byteLength(sent[0]!) * 3 + 3 });
    expect(await sendToHec(lines(sent), options)).toMatchObject({ events: 10, batches: 4 });
    expect(hec.accepted.map((r) => r.envelopes.length)).toEqual([3, 3, 3, 1]);
  });

  it('retries a busy collector (503 twice) with exponential backoff, then delivers each event once', async () => {
    const hec = await collector((n) => (n <= 2 ? { status: 503, body: { text: 'Server is busy', code: 9 } } : undefined));
    const seen: string[] = [];
    const { options, delays } = fast(hec.url, { onRetry: (r) => seen.push(r.reason) });
    expect(await sendToHec(lines(envelopes(5)), options)).toEqual({ events: 5, batches: 1, retries: 2 });
    expect(delays).toEqual([100, 200]);
    expect(seen).toEqual(['HTTP 503 Server is busy (HEC code 9)', 'HTTP 503 Server is busy (HEC code 9)']);
    expect(hec.requests).toBe(3);
    expect(hec.accepted.flatMap((r) => r.envelopes)).toHaveLength(5);
  });

  it('honours Retry-After on 429, capped by the longest backoff', async () => {
    const hec = await collector((n) => (n === 1 ? { status: 429, body: { text: 'Too many requests' }, headers: { 'Retry-After': '3' } } : undefined));
    const { options, delays } = fast(hec.url, { maxBackoffMs: 2000 });
    expect(await sendToHec(lines(envelopes(1)), options)).toMatchObject({ retries: 1 });
    expect(delays).toEqual([2000]);
  });

  it('gives up after the retries with a clear error that never shows the token', async () => {
    const hec = await collector(() => ({ status: 503, body: { text: 'Server is busy', code: 9 } }));
    const { options, delays } = fast(hec.url, { retries: 3, maxBackoffMs: 250 });
    const e = await failure(sendToHec(lines(envelopes(2)), options));
    expect(e.code).toBe('I612');
    expect(e.message).toBe(`HTTP Event Collector ${hec.url}/services/collector/event: gave up after 4 attempts, the last one: HTTP 503 Server is busy (HEC code 9)`);
    expect(delays).toEqual([100, 200, 250]);
    expect(hec.requests).toBe(4);
    expect(hec.accepted).toEqual([]);
  });

  it('stops at once on a refused token, without retrying', async () => {
    const hec = await collector();
    const { options, delays } = fast(hec.url, { token: 'wrong-token-value' });
    const e = await failure(sendToHec(lines(envelopes(1)), options));
    expect(e.code).toBe('I611');
    expect(e.message).toContain('HTTP 403 Invalid token (HEC code 4)');
    expect(e.message).not.toContain('wrong-token-value');
    expect(delays).toEqual([]);
  });

  it('redacts the token when a server echoes it back', async () => {
    const hec = await collector((_, req) => ({ status: 400, body: { text: `bad request from ${req.headers.authorization}` } }));
    const e = await failure(sendToHec(lines(envelopes(1)), fast(`${hec.url}/services/collector`).options));
    expect(e.message).toContain('bad request from Splunk <redacted>');
    expect(e.message).not.toContain(TOKEN);
  });

  it('retries network errors (connection refused) and then gives up', async () => {
    const hec = await collector();
    const url = hec.url;
    await hec.close();
    servers.length = 0;
    const { options, delays } = fast(url, { retries: 2 });
    const e = await failure(sendToHec(lines(envelopes(1)), options));
    expect(e.code).toBe('I612');
    expect(e.message).toMatch(/gave up after 3 attempts, the last one: .*ECONNREFUSED/);
    expect(delays).toHaveLength(2);
  });

  it('sends nothing for no events', async () => {
    const hec = await collector();
    expect(await sendToHec(lines([]), fast(hec.url).options)).toEqual({ events: 0, batches: 0, retries: 0 });
    expect(hec.requests).toBe(0);
  });
});

describe('HEC over TLS with a self-signed certificate', () => {
  const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

  it.skipIf(!hasOpenssl)('verifies the certificate unless insecure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'splq-hec-tls-'));
    const made = spawnSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const hec = await collector(undefined, { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) });
    const strict = fast(hec.url);
    const e = await failure(sendToHec(lines(envelopes(1)), strict.options));
    expect(e.code).toBe('I610');
    expect(e.message).toContain('--insecure');
    expect(strict.delays).toEqual([]);
    expect(await sendToHec(lines(envelopes(3)), fast(hec.url, { insecure: true }).options)).toMatchObject({ events: 3, batches: 1 });
    expect(hec.accepted.flatMap((r) => r.envelopes)).toHaveLength(3);
  });
});

describe('collectorUrl', () => {
  it('adds the event endpoint to a server URL and keeps explicit endpoints', () => {
    expect(collectorUrl('https://splunk:8088').href).toBe('https://splunk:8088/services/collector/event');
    expect(collectorUrl('https://splunk:8088/services/collector/').href).toBe('https://splunk:8088/services/collector/event');
    expect(collectorUrl('http://splunk:8088/services/collector/event/1.0').href).toBe('http://splunk:8088/services/collector/event/1.0');
    expect(() => collectorUrl('splunk:8088')).toThrow(SplError);
    expect(() => collectorUrl('ftp://splunk')).toThrow(SplError);
  });
});

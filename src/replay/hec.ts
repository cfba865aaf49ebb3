/**
 * A client for Splunk's HTTP Event Collector: `POST /services/collector/event` with
 * `Authorization: Splunk <token>` and a body of concatenated JSON envelopes, in batches (by event
 * count and bytes). Retries with exponential backoff (honouring `Retry-After`) on 5xx, 429 and
 * network errors; any other status, or a TLS failure, stops at once. TLS certificates are verified
 * unless `insecure`. The token never appears in an error: messages name the URL without
 * credentials, and any text that could echo the token is redacted.
 */
import { randomUUID } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { SplError } from '../errors/spl-error.js';

export interface HecOptions {
  /** The collector: `https://host:8088` (the event endpoint is added) or a full endpoint URL. */
  readonly url: string;
  readonly token: string;
  /** Events per request (default 500). */
  readonly batchSize?: number;
  /** Bytes per request at most, unless one event is larger (default 1,000,000: HEC's classic max_content_length). */
  readonly maxBatchBytes?: number;
  /** Retries after the first attempt of a request (default 5). */
  readonly retries?: number;
  /** First backoff delay in ms (default 500), doubled on each retry up to maxBackoffMs (default 30,000). */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Per-request timeout in ms (default 30,000). */
  readonly timeoutMs?: number;
  /** Skip TLS certificate verification (`--insecure`). */
  readonly insecure?: boolean;
  /** Extra trusted CA certificates (PEM). */
  readonly ca?: string | Buffer;
  /** Waits between retries (tests pass a fast one). */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onRetry?: (info: { readonly attempt: number; readonly delayMs: number; readonly reason: string }) => void;
}

export interface HecResult {
  readonly events: number;
  readonly batches: number;
  readonly retries: number;
}

/** The endpoint a `--hec` value names: a bare server URL gets `/services/collector/event`. */
export function collectorUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new SplError('U003', { reason: `--hec must be a URL such as https://splunk.example.com:8088, not "${url}"` });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new SplError('U003', { reason: `--hec must be an http or https URL, not "${u.protocol}"` });
  const path = u.pathname.replace(/\/+$/, '');
  if (path === '') u.pathname = '/services/collector/event';
  else if (path === '/services/collector') u.pathname = '/services/collector/event';
  return u;
}

/** The URL as it may be printed: no user, password, query or fragment. */
export function printableUrl(u: URL): string {
  return `${u.protocol}//${u.host}${u.pathname}`;
}

interface Attempt {
  readonly ok: boolean;
  readonly retry: boolean;
  readonly reason: string;
  readonly status?: number;
  readonly retryAfterMs?: number;
}

/** Send every envelope line; resolves with the counts, or rejects with an SplError (I610-I612). */
export async function sendToHec(envelopes: AsyncIterable<string>, options: HecOptions): Promise<HecResult> {
  const url = collectorUrl(options.url);
  const channel = randomUUID();
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const maxBytes = options.maxBatchBytes ?? 1_000_000;
  const counts = { events: 0, batches: 0, retries: 0 };
  let batch: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    counts.retries += await postWithRetries(url, batch.join('\n'), channel, options);
    counts.events += batch.length;
    counts.batches++;
    batch = [];
    bytes = 0;
  };
  for await (const line of envelopes) {
    const size = Buffer.byteLength(line) + 1;
    if (batch.length > 0 && (batch.length >= batchSize || bytes + size > maxBytes)) await flush();
    batch.push(line);
    bytes += size;
  }
  await flush();
  return counts;
}

/** One batch, retried as HEC clients should; returns the number of retries it took. */
async function postWithRetries(url: URL, body: string, channel: string, options: HecOptions): Promise<number> {
  const retries = Math.max(0, options.retries ?? 5);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let delay = options.backoffMs ?? 500;
  const maxDelay = options.maxBackoffMs ?? 30_000;
  for (let attempt = 1; ; attempt++) {
    const result = await post(url, body, channel, options);
    if (result.ok) return attempt - 1;
    const reason = redact(result.reason, options.token);
    if (!result.retry) {
      if (result.status !== undefined) throw new SplError('I611', { url: printableUrl(url), status: result.status, reason });
      throw new SplError('I610', { url: printableUrl(url), reason });
    }
    if (attempt > retries) throw new SplError('I612', { url: printableUrl(url), attempts: attempt, reason });
    const wait = Math.min(maxDelay, Math.max(delay, result.retryAfterMs ?? 0));
    options.onRetry?.({ attempt, delayMs: wait, reason });
    await sleep(wait);
    delay = Math.min(maxDelay, delay * 2);
  }
}

function redact(text: string, token: string): string {
  return token === '' ? text : text.split(token).join('<redacted>');
}

/** One POST; never rejects: the outcome says whether it worked and whether to try again. */
function post(url: URL, body: string, channel: string, options: HecOptions): Promise<Attempt> {
  const payload = Buffer.from(body, 'utf8');
  const headers = {
    Authorization: `Splunk ${options.token}`,
    'Content-Type': 'application/json',
    'Content-Length': String(payload.length),
    'X-Splunk-Request-Channel': channel,
  };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const tls = url.protocol === 'https:' ? { rejectUnauthorized: options.insecure !== true, ca: options.ca } : {};
  return new Promise<Attempt>((resolve) => {
    const req = request(url, { method: 'POST', headers, timeout: options.timeoutMs ?? 30_000, ...tls }, (res) => {
      readBody(res).then((text) => resolve(outcome(res, text)), (e: Error) => resolve(networkFailure(e)));
    });
    req.on('timeout', () => req.destroy(new Error(`no response within ${options.timeoutMs ?? 30_000} ms`)));
    req.on('error', (e) => resolve(networkFailure(e)));
    req.end(payload);
  });
}

function readBody(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      // A collector's answer is a short JSON object; keep no more than 64 KiB of anything else.
      if (size < 65_536) parts.push(chunk);
      size += chunk.length;
    });
    res.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    res.on('error', reject);
  });
}

/** HEC answers `{"text":"Success","code":0}`, or `{"text":"Invalid token","code":4}` with a 4xx/5xx. */
function outcome(res: IncomingMessage, text: string): Attempt {
  const status = res.statusCode ?? 0;
  const hec = parseHecReply(text);
  const reason = hec ? `${hec.text}${hec.code !== undefined ? ` (HEC code ${hec.code})` : ''}` : text.trim().slice(0, 200) || (res.statusMessage ?? '');
  if (status >= 200 && status < 300) {
    if (hec?.code !== undefined && hec.code !== 0) return { ok: false, retry: false, status, reason };
    return { ok: true, retry: false, reason: '' };
  }
  const retry = status >= 500 || status === 429;
  return { ok: false, retry, status, reason: `HTTP ${status} ${reason}`.trim(), retryAfterMs: retryAfter(res) };
}

function parseHecReply(text: string): { text: string; code?: number } | undefined {
  try {
    const v = JSON.parse(text) as { text?: unknown; code?: unknown };
    if (typeof v === 'object' && v !== null && typeof v.text === 'string') {
      return { text: v.text, code: typeof v.code === 'number' ? v.code : undefined };
    }
  } catch {
    // not JSON: the caller shows the text itself
  }
  return undefined;
}

function retryAfter(res: IncomingMessage): number | undefined {
  const value = res.headers['retry-after'];
  if (typeof value !== 'string' || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim()) * 1000;
}

/** TLS failures are final (a certificate will not fix itself); others (refused, reset, timeout) are retried. */
function networkFailure(e: Error & { code?: string }): Attempt {
  const code = e.code ?? '';
  const tls = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME|ERR_TLS/i.test(code);
  const hint = tls ? ' (certificate not trusted: use --insecure to skip verification, e.g. for a test server)' : '';
  return { ok: false, retry: !tls, reason: `${e.message}${code && !e.message.includes(code) ? ` [${code}]` : ''}${hint}` };
}

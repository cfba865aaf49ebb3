/**
 * Read events from files, directories (every regular file inside, recursively, sorted by path) and
 * stdin (`-`). The format of each input is found from its content (records.ts); gzip is found from
 * its magic bytes, whatever the file is called, and UTF-16 from its byte-order mark. Inputs are
 * read in large chunks and events are produced in batches, in input order, with `seq` increasing
 * across all inputs (spec 07 O6). Damaged compressed data ends its input with a problem (I705),
 * keeping the events before it.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { SplError } from '../errors/spl-error.js';
import type { Prefilter } from './prefilter.js';
import type { FlattenFilter } from './flatten.js';
import type { EventMeta, RawEvent } from './event.js';
import type { SourceContext } from './envelope.js';
import type { TimestampRules } from './event-time.js';
import { DEFAULT_MAX_EVENT_SIZE, FileParser, type InputProblem, type ProblemSink } from './records.js';

export type { InputProblem, ProblemSink } from './records.js';

export interface ReadOptions {
  /** Default sourcetype; `_json`, what Splunk assigns to JSON data, when not given. */
  readonly sourcetype?: string;
  /** Default source; the input path as given (`stdin` for `-`) when not given. */
  readonly source?: string;
  /** Default host; `unknown` when not given (spec 06 J7). */
  readonly host?: string;
  /** Default index; `main` when not given. */
  readonly index?: string;
  /** Flattened name of the field holding `_time` (spec 06 J6). */
  readonly timeField?: string;
  /** Per-sourcetype timestamp rules (props.conf, src/datasets/props.ts); unset = auto-detection only. */
  readonly timestampRules?: TimestampRules;
  /** Zone for timestamps written without one. */
  readonly zone: string;
  /** Bytes per read (default 256 KiB, 1 MiB with a prefilter); tests use tiny chunks to cross boundaries. */
  readonly chunkSize?: number;
  /** Skip NDJSON lines that cannot match the search (issue 5); unset = parse every line. */
  readonly prefilter?: Prefilter;
  /** The projection extraction will use (extract.ts projectionFilter): its leaves are picked out while reading. */
  readonly projection?: FlattenFilter;
  /** Called after each chunk: the file, bytes of it read so far, and events read so far (progress). */
  readonly onProgress?: (file: string, bytesRead: number, events: number) => void;
  /** Receives the count of lines the prefilter skipped (they are events read, never lost). */
  readonly counters?: { skipped: number };
  /** What `-` reads (default process.stdin). */
  readonly stdin?: AsyncIterable<Uint8Array>;
  /** max_event_size: longer events are cut or read line by line, and reported; 0 = no limit (default 64 MiB). */
  readonly maxEventSize?: number;
}

/**
 * Bytes per read: 256 KiB, enough to amortise a read and small enough that two threads' buffers in
 * flight stay a small part of memory; 1 MiB when a prefilter skips most lines, where fewer, larger
 * reads are faster.
 */
const DEFAULT_CHUNK = 1 << 18;
const PREFILTER_CHUNK = 1 << 20;

function chunkSizeOf(options: ReadOptions): number {
  return options.chunkSize ?? (options.prefilter ? PREFILTER_CHUNK : DEFAULT_CHUNK);
}
const STDIN = '-';

/** Events of all inputs in batches (one batch per chunk read): the fast path for the executor. */
export async function* readEventBatches(
  inputs: readonly string[],
  options: ReadOptions,
  report: (problem: InputProblem) => void,
): AsyncGenerator<RawEvent[]> {
  const counter = { seq: 0, skipped: 0 };
  for (const input of inputs) {
    for (const file of await listInput(input)) {
      const ctx: SourceContext = {
        file: file === STDIN ? 'stdin' : file,
        meta: defaultMeta(file, options),
        time: { timeField: options.timeField, zone: options.zone, rules: options.timestampRules },
        counter,
        prefilter: options.prefilter,
        projection: options.projection,
      };
      yield* readInput(file, ctx, options, report);
      if (options.counters) options.counters.skipped = counter.skipped;
    }
  }
}

/**
 * Part of one NDJSON file, cut at line starts: its lines [start, end) in bytes. Parts are read apart
 * (worker threads) and their results put back in `index` order.
 */
export interface InputSlice {
  readonly index: number;
  readonly file: string;
  readonly start: number;
  /** WHOLE_FILE: the whole input, in any format the reader knows (gzip, documents...). */
  readonly end: number;
}

export const WHOLE_FILE = -1;

/**
 * The events of one slice, in batches. `seq` starts at `seqBase` so that slices keep their order
 * when results merge; problems carry line numbers counted from the slice's start (the caller
 * shifts them); `lines` receives how many lines the slice held.
 */
export async function* readSliceBatches(
  slice: InputSlice,
  options: ReadOptions,
  report: (problem: InputProblem) => void,
  seqBase: number,
  lines: { count: number },
): AsyncGenerator<RawEvent[]> {
  const counter = { seq: seqBase, skipped: 0 };
  const ctx: SourceContext = {
    file: slice.file,
    meta: defaultMeta(slice.file, options),
    time: { timeField: options.timeField, zone: options.zone, rules: options.timestampRules },
    counter,
    prefilter: options.prefilter,
    projection: options.projection,
  };
  if (slice.end === WHOLE_FILE) {
    yield* readInput(slice.file, ctx, options, report);
    if (options.counters) options.counters.skipped = counter.skipped;
    return;
  }
  const chunkSize = chunkSizeOf(options);
  const parser = new FileParser(ctx, report, options.maxEventSize ?? DEFAULT_MAX_EVENT_SIZE, slice.start > 0);
  const raw = slice.end > slice.start ? createReadStream(slice.file, { start: slice.start, end: slice.end - 1, highWaterMark: chunkSize }) : Readable.from([]);
  try {
    for await (const chunk of raw) {
      const out: RawEvent[] = [];
      parser.push(asBuffer(chunk as Buffer), out);
      if (options.counters) options.counters.skipped = counter.skipped;
      if (options.onProgress) options.onProgress(ctx.file, (raw as { bytesRead?: number }).bytesRead ?? 0, counter.seq - seqBase + counter.skipped);
      if (out.length > 0) yield out;
    }
  } catch (e) {
    throw e instanceof SplError ? e : readFailure(ctx.file, e);
  }
  const out: RawEvent[] = [];
  parser.end(out);
  if (options.counters) options.counters.skipped = counter.skipped;
  lines.count = parser.linesRead;
  if (out.length > 0) yield out;
}

/** Events of all inputs, one at a time. */
export async function* readEvents(
  inputs: readonly string[],
  options: ReadOptions,
  report: (problem: InputProblem) => void,
): AsyncGenerator<RawEvent> {
  for await (const batch of readEventBatches(inputs, options, report)) {
    for (const event of batch) yield event;
  }
}

function defaultMeta(file: string, options: ReadOptions): EventMeta {
  return {
    host: options.host ?? 'unknown',
    source: options.source ?? (file === STDIN ? 'stdin' : file),
    // Splunk's pretrained sourcetype for JSON data; a detection usually names its own.
    sourcetype: options.sourcetype ?? '_json',
    index: options.index ?? 'main',
  };
}

function readFailure(file: string, e: unknown): SplError {
  const err = e as NodeJS.ErrnoException;
  const reason = err?.code === 'ENOENT' ? 'no such file or directory' : (err?.message ?? String(e));
  return new SplError('I001', { file, reason });
}

/** The files an input names: itself, or every regular file under a directory, sorted by path. */
export async function listInput(input: string): Promise<string[]> {
  if (input === STDIN) return [STDIN];
  try {
    if (!(await stat(input)).isDirectory()) return [input];
    const files: string[] = [];
    await collectFiles(input, files);
    return files.sort();
  } catch (e) {
    throw e instanceof SplError ? e : readFailure(input, e);
  }
}

async function collectFiles(dir: string, into: string[]): Promise<void> {
  const prefix = dir.endsWith('/') ? dir : dir + '/';
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = prefix + entry.name;
    if (entry.isDirectory()) await collectFiles(path, into);
    else if (entry.isFile()) into.push(path);
    else if (entry.isSymbolicLink() && (await isRegularFile(path))) into.push(path);
  }
}

/** Whether a symbolic link leads to a regular file (a dangling link does not). */
async function isRegularFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function* readInput(
  file: string,
  ctx: SourceContext,
  options: ReadOptions,
  report: ProblemSink,
): AsyncGenerator<RawEvent[]> {
  const chunkSize = chunkSizeOf(options);
  const raw = file === STDIN ? (options.stdin ?? process.stdin) : createReadStream(file, { highWaterMark: chunkSize });
  const parser = new FileParser(ctx, report, options.maxEventSize ?? DEFAULT_MAX_EVENT_SIZE);
  try {
    for await (const chunk of utf8Of(gunzipIfNeeded(raw, chunkSize))) {
      const out: RawEvent[] = [];
      parser.push(chunk, out);
      if (options.onProgress && 'bytesRead' in raw) options.onProgress(ctx.file, raw.bytesRead as number, ctx.counter.seq + ctx.counter.skipped);
      if (out.length > 0) yield out;
    }
  } catch (e) {
    if (!isZlibError(e)) throw e instanceof SplError ? e : readFailure(ctx.file, e);
    report({ code: 'I705', file: ctx.file, line: 0, reason: (e as Error).message });
  }
  const out: RawEvent[] = [];
  parser.end(out);
  if (out.length > 0) yield out;
}

/** An error of the decompressor (`Z_DATA_ERROR`, `Z_BUF_ERROR`: damaged or cut short), not of reading. */
function isZlibError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

function asBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** The first chunks of a stream, at least `min` bytes unless it ends first. */
async function peek(it: AsyncIterator<Uint8Array | string>, min: number): Promise<{ head: Buffer; done: boolean }> {
  const parts: Buffer[] = [];
  let bytes = 0;
  while (bytes < min) {
    const next = await it.next();
    if (next.done) return { head: Buffer.concat(parts), done: true };
    parts.push(asBuffer(next.value));
    bytes += parts[parts.length - 1].length;
  }
  return { head: parts.length === 1 ? parts[0] : Buffer.concat(parts), done: false };
}

/** The bytes of `source`, decompressed when they start with the gzip magic number (1f 8b). */
async function* gunzipIfNeeded(source: AsyncIterable<Uint8Array | string>, chunkSize: number): AsyncGenerator<Buffer> {
  const it = source[Symbol.asyncIterator]();
  const { head, done } = await peek(it, 2);
  async function* all(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      if (done) return;
      for (let next = await it.next(); !next.done; next = await it.next()) yield asBuffer(next.value);
    } finally {
      // A consumer that stops early must still close the file.
      if (!done) await it.return?.();
    }
  }
  if (head.length < 2 || head[0] !== 0x1f || head[1] !== 0x8b) {
    yield* all();
    return;
  }
  const gunzip = createGunzip({ chunkSize: Math.max(64, chunkSize) });
  yield* pipeline(Readable.from(all()), gunzip, () => undefined) as AsyncIterable<Buffer>;
}

/**
 * The bytes of `source` as UTF-8: UTF-16 text, found from its byte-order mark (FF FE or FE FF,
 * never the start of UTF-8), is converted as it streams; anything else passes through.
 */
async function* utf8Of(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const it = source[Symbol.asyncIterator]();
  const { head, done } = await peek(it, 2);
  const encoding = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : undefined;
  const rest = async function* (): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      if (!done) for (let next = await it.next(); !next.done; next = await it.next()) yield asBuffer(next.value);
    } finally {
      // A consumer that stops early must still close the file.
      if (!done) await it.return?.();
    }
  };
  if (encoding === undefined) {
    yield* rest();
    return;
  }
  const decoder = new TextDecoder(encoding);
  for await (const chunk of rest()) yield Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8');
  yield Buffer.from(decoder.decode(), 'utf8');
}

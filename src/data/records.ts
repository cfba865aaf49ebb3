/**
 * Bytes of one input -> RawEvents, with the format found from the content: NDJSON (one JSON value
 * per line, streamed), or a multi-line document (a pretty-printed object, a JSON array, a sequence of
 * objects) when the first non-blank line is not JSON by itself but opens an object or array.
 * A top-level array anywhere is a list of events. A document that does not parse is read again line
 * by line, so nothing is dropped: a line that is not JSON is an event with only `_raw`, reported.
 * Hostile input is kept and reported too (issue 7): invalid UTF-8, NUL bytes (a binary file), and
 * events longer than max_event_size, which are cut (a line) or read line by line (a document), so
 * memory stays bounded by that size.
 */
import { isUtf8 } from 'node:buffer';
import type { RawEvent } from './event.js';
import { jsonEvent, textEvent, type SourceContext } from './envelope.js';
import { lineShape, scanObjectLine, type LineShape } from './json-validate.js';
import { LINE_MEMBERS, objectLineEvent } from './object-line.js';
import { arrayElementSpans, sequenceSpans, skipSpace, type TextSpan } from './json-scan.js';

/**
 * Something wrong with the input, reported and never fatal (`splq run --strict` makes it so):
 * I002 a line that is not JSON (the event is kept with `_raw` only), I701-I706 (codes/limits.ts).
 */
export interface InputProblem {
  readonly code: InputProblemCode;
  readonly file: string;
  readonly line: number;
  readonly reason: string;
  /** More parameters of the code's message (`size`, `limit`). */
  readonly params?: Readonly<Record<string, string | number>>;
}

export type InputProblemCode = 'I002' | 'I701' | 'I702' | 'I703' | 'I704' | 'I705' | 'I706';

export type ProblemSink = (problem: InputProblem) => void;

const LF = 10;
const CR = 13;
const LBRACKET = 91;
const LBRACE = 123;
const MAX_REASON = 200;
/** max_event_size by default: 64 MiB (Splunk's TRUNCATE is 10,000 bytes; JSON events run longer). */
export const DEFAULT_MAX_EVENT_SIZE = 64 << 20;
/** Bytes looked at for NUL bytes, as git and grep do to call a file binary. */
const BINARY_PROBE = 8192;
const NEWLINE = Buffer.from('\n');
/** Bytes of lines the prefilter looks at in one go (see prefiltered). */
const PREFILTER_WINDOW = 96 << 10;

function isBlankByte(b: number): boolean {
  return b === 32 || b === 9 || b === CR;
}

function hasBom(bytes: Buffer, at: number): boolean {
  return bytes[at] === 0xef && bytes[at + 1] === 0xbb && bytes[at + 2] === 0xbf;
}

function reasonOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.length > MAX_REASON ? text.slice(0, MAX_REASON) + '…' : text;
}

/** The parsed text, or undefined when it is not JSON (`null` parses to null). */
function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Lines of `text` from `offset` on, numbered from `line` at `offset`; counts forward only. */
class LineCounter {
  constructor(
    private readonly text: string,
    private offset: number,
    private line: number,
  ) {}

  lineAt(offset: number): number {
    for (let i = this.text.indexOf('\n', this.offset); i >= 0 && i < offset; i = this.text.indexOf('\n', i + 1)) {
      this.line++;
    }
    this.offset = offset;
    return this.line;
  }
}

/**
 * Incremental parser for one input: feed chunks with push(), then call end(). Lines are found and
 * decoded from the bytes one by one, so each `_raw` is its own string and a kept event does not
 * pin a whole chunk in memory; a newline byte never sits inside a multibyte UTF-8 character.
 */
function isBlankBytes(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isBlankByte(bytes[i]!)) return false;
  return true;
}

export class FileParser {
  private mode: 'detect' | 'lines' | 'document' = 'detect';
  private line = 0;
  private started = false;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Bytes of the pending line past max_event_size: counted, not kept. */
  private dropped = 0;
  private document: Buffer[] = [];
  private documentBytes = 0;
  private documentLine = 0;
  private probed = false;
  /** A binary file: its lines are not also reported one by one for invalid UTF-8. */
  private binary = false;
  /** What the scan of each line looks for, built once for the input. */
  private readonly shape: LineShape;

  /**
   * `maxEventBytes`: max_event_size (0 = none). `continuation`: the bytes start at a line inside
   * an NDJSON file (a part read by a worker thread): no format detection, no byte-order mark, no
   * binary probe (the file's start was looked at), and lines are numbered from the part's start.
   */
  constructor(
    private readonly ctx: SourceContext,
    private readonly report: ProblemSink,
    private readonly maxEventBytes = 0,
    continuation = false,
  ) {
    this.shape = lineShape(LINE_MEMBERS, ctx.projection);
    if (continuation) {
      this.mode = 'lines';
      this.started = true;
      this.probed = true;
    }
  }

  /** Lines read so far. */
  get linesRead(): number {
    return this.line;
  }

  /** Consume a chunk; events from its complete lines are appended to `out`. */
  push(chunk: Buffer, out: RawEvent[]): void {
    if (!this.probed) this.probe(chunk);
    let pos = 0;
    if (this.pending.length > 0 && this.mode !== 'document') {
      const nl = chunk.indexOf(LF);
      if (nl < 0) {
        this.hold(chunk);
        return;
      }
      this.hold(chunk.subarray(0, nl));
      this.pendingLine(true, out);
      pos = nl + 1;
    }
    this.lines(chunk, pos, out);
  }

  /** End of input: the final line (without newline) and any buffered document. */
  end(out: RawEvent[]): void {
    if (this.pending.length > 0) this.pendingLine(false, out);
    if (this.mode === 'document') this.finishDocument(out);
  }

  /** A file with NUL bytes near its start is binary: said once; its lines are still events. */
  private probe(chunk: Buffer): void {
    this.probed = true;
    if (chunk.subarray(0, BINARY_PROBE).indexOf(0) < 0) return;
    this.binary = true;
    this.report({ code: 'I704', file: this.ctx.file, line: 1, reason: 'NUL bytes' });
  }

  /** Part of a line that continues in the next chunk; past max_event_size only the size is kept. */
  private hold(part: Buffer): void {
    const max = this.maxEventBytes;
    // One byte more than the limit is kept, so lineOf sees the line is too long.
    const room = max > 0 ? Math.max(0, max + 1 - this.pendingBytes) : part.length;
    if (room >= part.length) {
      this.pending.push(part);
      this.pendingBytes += part.length;
      return;
    }
    if (room > 0) this.pending.push(Buffer.from(part.subarray(0, room)));
    this.pendingBytes += room;
    this.dropped += part.length - room;
  }

  /** The line gathered in `pending` is complete; a document it opens is buffered from it on. */
  private pendingLine(newline: boolean, out: RawEvent[]): void {
    const line = Buffer.concat(this.pending);
    const size = this.pendingBytes + this.dropped;
    this.pending = [];
    this.pendingBytes = 0;
    this.dropped = 0;
    if (this.lineOf(line, 0, line.length, out, size)) this.bufferDocument(newline ? Buffer.concat([line, NEWLINE]) : line, out);
  }

  /** Part of a multi-line document; past max_event_size the document is read line by line (I706). */
  private bufferDocument(part: Buffer, out: RawEvent[]): void {
    this.document.push(part);
    this.documentBytes += part.length;
    const max = this.maxEventBytes;
    if (max === 0 || this.documentBytes <= max) return;
    this.report({ code: 'I706', file: this.ctx.file, line: this.documentLine, reason: '', params: { limit: max } });
    const bytes = Buffer.concat(this.document);
    this.document = [];
    this.documentBytes = 0;
    this.mode = 'lines';
    this.line = this.documentLine - 1;
    this.lines(bytes, 0, out);
  }

  /** The complete lines of `bytes` from `pos`; a partial last line waits in `pending`. */
  private lines(bytes: Buffer, pos: number, out: RawEvent[]): void {
    if (this.mode === 'lines' && this.ctx.prefilter) pos = this.prefiltered(bytes, pos, out);
    while (pos < bytes.length) {
      if (this.mode === 'document') {
        this.bufferDocument(bytes.subarray(pos), out);
        return;
      }
      const nl = bytes.indexOf(LF, pos);
      if (nl < 0) {
        this.hold(bytes.subarray(pos));
        return;
      }
      // On switching to document mode the loop goes round once more to buffer from this line on.
      if (!this.lineOf(bytes, pos, nl, out)) pos = nl + 1;
    }
  }

  /**
   * One line, bytes [start, stop) of `size` bytes in the input (more than it holds when cut to
   * max_event_size); true when it opens a multi-line document (nothing emitted then).
   */
  private lineOf(bytes: Buffer, start: number, stop: number, out: RawEvent[], size = stop - start): boolean {
    this.line++;
    if (!this.started) {
      this.started = true;
      if (hasBom(bytes, start)) start += 3;
    }
    if (this.maxEventBytes > 0 && size > this.maxEventBytes) {
      this.mode = 'lines';
      this.overlong(bytes, start, stop, size, out);
      return false;
    }
    const end = stop > start && bytes[stop - 1] === CR ? stop - 1 : stop;
    let first = start;
    while (first < end && isBlankByte(bytes[first])) first++;
    if (first >= end) return false;
    const line = bytes.toString('utf8', start, end);
    // The hot path: a line that is one JSON object becomes an event without building its value.
    const scanned = scanObjectLine(line, this.shape);
    if (scanned !== null) {
      this.mode = 'lines';
      this.checkUtf8(line, bytes.subarray(start, end), this.line);
      out.push(objectLineEvent(this.ctx, line, scanned, this.line));
      return false;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      if (this.mode === 'detect' && (bytes[first] === LBRACE || bytes[first] === LBRACKET)) {
        this.mode = 'document';
        this.documentLine = this.line;
        return true;
      }
      this.mode = 'lines';
      this.checkUtf8(line, bytes.subarray(start, end), this.line);
      this.badLine(line, this.line, e, out);
      return false;
    }
    this.mode = 'lines';
    this.checkUtf8(line, bytes.subarray(start, end), this.line);
    if (!Array.isArray(value)) out.push(jsonEvent(this.ctx, value, line, 0, line.length, this.line));
    else this.emit(value, line, { start: 0, end: line.length }, new LineCounter(line, 0, this.line), out);
    return false;
  }

  /**
   * The whole lines of `bytes` from `pos`, parsing only the prefilter's candidates; returns where
   * the partial last line starts. Skipped lines are counted, never lost.
   */
  private prefiltered(bytes: Buffer, pos: number, out: RawEvent[]): number {
    const last = bytes.lastIndexOf(LF);
    if (last < pos) return pos;
    // Windows of whole lines small enough that their latin1 views stay in V8's young generation
    // (a megabyte string is a large object, costly to collect).
    for (let from = pos; from <= last; ) {
      const cut = from + PREFILTER_WINDOW >= last ? last : bytes.lastIndexOf(LF, from + PREFILTER_WINDOW);
      const end = cut < from ? bytes.indexOf(LF, from) : cut;
      this.prefilterWindow(bytes, from, end, out);
      from = end + 1;
    }
    return last + 1;
  }

  /** The lines in bytes [pos, last) (`last` holds a newline). */
  private prefilterWindow(bytes: Buffer, pos: number, last: number, out: RawEvent[]): void {
    let from = pos;
    for (const [start, end] of this.ctx.prefilter!.candidates(bytes, pos, last)) {
      this.skip(bytes, from, pos + start);
      this.lineOf(bytes, pos + start, pos + end, out);
      from = pos + end + 1;
    }
    this.skip(bytes, from, last + 1);
  }

  /** The lines starting in bytes [from, to): read past, and counted as skipped events unless blank. */
  private skip(bytes: Buffer, from: number, to: number): void {
    let start = from;
    while (start < to) {
      const nl = bytes.indexOf(LF, start);
      const end = nl < 0 || nl >= to ? to : nl;
      this.line++;
      if (!isBlankBytes(bytes, start, end)) this.ctx.counter.skipped++;
      start = end + 1;
    }
  }

  /**
   * A line longer than max_event_size: kept as raw text cut to the limit (at a character boundary),
   * as Splunk cuts lines at TRUNCATE, but said (I702).
   */
  private overlong(bytes: Buffer, start: number, stop: number, size: number, out: RawEvent[]): void {
    let cut = Math.min(stop, start + this.maxEventBytes);
    while (cut > start && cut < stop && (bytes[cut]! & 0xc0) === 0x80) cut--;
    const params = { size, limit: this.maxEventBytes };
    this.report({ code: 'I702', file: this.ctx.file, line: this.line, reason: '', params });
    out.push(textEvent(this.ctx, bytes.toString('utf8', start, cut), this.line));
  }

  /** I701 when decoding replaced bytes that are not UTF-8 (a U+FFFD in the text itself is fine). */
  private checkUtf8(text: string, bytes: Buffer, line: number): void {
    if (!this.binary && text.includes('\uFFFD') && !isUtf8(bytes)) this.report({ code: 'I701', file: this.ctx.file, line, reason: '' });
  }

  private badLine(raw: string, line: number, e: unknown, out: RawEvent[]): void {
    this.report({ code: 'I002', file: this.ctx.file, line, reason: reasonOf(e) });
    out.push(textEvent(this.ctx, raw, line));
  }

  /** One top-level value: an array is a list of events, anything else one event. */
  private emit(value: unknown, text: string, span: TextSpan, lines: LineCounter, out: RawEvent[]): void {
    const line = lines.lineAt(span.start);
    if (!Array.isArray(value)) {
      out.push(jsonEvent(this.ctx, value, text, span.start, span.end, line));
      return;
    }
    const spans = arrayElementSpans(text, span.start);
    for (let i = 0; i < value.length; i++) {
      const s = spans !== null && spans.length === value.length ? spans[i] : undefined;
      if (s !== undefined) {
        out.push(jsonEvent(this.ctx, value[i], text, s.start, s.end, lines.lineAt(s.start)));
      } else {
        const raw = JSON.stringify(value[i]) ?? 'null';
        out.push(jsonEvent(this.ctx, value[i], raw, 0, raw.length, line));
      }
    }
  }

  /** The buffered document: one JSON value, a sequence of values, or else line by line. */
  private finishDocument(out: RawEvent[]): void {
    const joined = Buffer.concat(this.document);
    this.document = [];
    this.documentBytes = 0;
    const bytes = hasBom(joined, 0) ? joined.subarray(3) : joined;
    const text = bytes.toString('utf8');
    const start = skipSpace(text, 0);
    let end = text.length;
    while (end > start && skipSpace(text, end - 1) === end) end--;
    const lines = new LineCounter(text, 0, this.documentLine);
    const whole = parseOrUndefined(text);
    if (whole !== undefined) {
      this.checkUtf8(text, bytes, this.documentLine);
      this.emit(whole, text, { start, end }, lines, out);
      return;
    }
    // Not one JSON document: try a sequence of values, then fall back to lines.
    const values = this.parseSequence(text);
    if (values !== null) {
      this.checkUtf8(text, bytes, this.documentLine);
      for (const [value, span] of values) this.emit(value, text, span, lines, out);
      return;
    }
    this.mode = 'lines';
    this.line = this.documentLine - 1;
    this.lines(bytes, 0, out);
    this.end(out);
  }

  private parseSequence(text: string): Array<[unknown, TextSpan]> | null {
    const spans = sequenceSpans(text);
    if (spans === null || spans.length < 2) return null;
    const values: Array<[unknown, TextSpan]> = [];
    for (const span of spans) {
      const value = parseOrUndefined(text.slice(span.start, span.end));
      if (value === undefined) return null;
      values.push([value, span]);
    }
    return values;
  }
}

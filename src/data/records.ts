/**
 * Bytes of one input -> RawEvents, with the format found from the content: NDJSON (one JSON value
 * per line, streamed), or a multi-line document (a pretty-printed object, a JSON array, a sequence of
 * objects) when the first non-blank line is not JSON by itself but opens an object or array.
 * A top-level array anywhere is a list of events. A document that does not parse is read again line
 * by line, so nothing is dropped: a line that is not JSON is an event with only `_raw`, reported.
 */
import type { RawEvent } from './event.js';
import { jsonEvent, textEvent, type SourceContext } from './envelope.js';
import { arrayElementSpans, sequenceSpans, skipSpace, type TextSpan } from './json-scan.js';

/** A line that is not JSON (reported; the event is kept with `_raw` only). */
export interface InputProblem {
  readonly code: 'I002';
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

export type ProblemSink = (problem: InputProblem) => void;

const LF = 10;
const MAX_REASON = 200;

function reasonOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.length > MAX_REASON ? text.slice(0, MAX_REASON) + '…' : text;
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

/** Incremental parser for one input: feed chunks with push(), then call end(). */
export class FileParser {
  private mode: 'detect' | 'lines' | 'document' = 'detect';
  private line = 0;
  private started = false;
  private pending: Buffer[] = [];
  private document: string[] = [];
  private documentLine = 0;

  constructor(
    private readonly ctx: SourceContext,
    private readonly report: ProblemSink,
  ) {}

  /** Consume a chunk; events from its complete lines are appended to `out`. */
  push(chunk: Buffer, out: RawEvent[]): void {
    const last = chunk.lastIndexOf(LF);
    if (last < 0) {
      if (chunk.length > 0) this.pending.push(chunk);
      return;
    }
    const head = chunk.subarray(0, last + 1);
    const bytes = this.pending.length === 0 ? head : Buffer.concat([...this.pending, head]);
    this.pending = last + 1 < chunk.length ? [chunk.subarray(last + 1)] : [];
    this.text(this.decode(bytes), out);
  }

  /** End of input: the final line (without newline) and any buffered document. */
  end(out: RawEvent[]): void {
    if (this.pending.length > 0) {
      this.text(this.decode(Buffer.concat(this.pending)), out);
      this.pending = [];
    }
    if (this.mode === 'document') this.finishDocument(out);
  }

  /** UTF-8 text of whole lines (a newline byte never sits inside a multibyte character). */
  private decode(bytes: Buffer): string {
    const text = bytes.toString('utf8');
    if (this.started) return text;
    this.started = true;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  private text(text: string, out: RawEvent[]): void {
    let i = 0;
    while (i < text.length) {
      if (this.mode === 'document') {
        this.document.push(i === 0 ? text : text.slice(i));
        return;
      }
      const nl = text.indexOf('\n', i);
      const stop = nl < 0 ? text.length : nl;
      // On switching to document mode the loop goes round once more to buffer from this line on.
      if (!this.lineOf(text, i, stop, out)) i = stop + 1;
    }
  }

  /** One line; true when it opens a multi-line document (nothing emitted then). */
  private lineOf(text: string, start: number, stop: number, out: RawEvent[]): boolean {
    this.line++;
    const end = stop > start && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
    if (skipSpace(text, start) >= end) return false;
    const line = text.slice(start, end);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      const first = line.charCodeAt(skipSpace(line, 0));
      if (this.mode === 'detect' && (first === 123 || first === 91)) {
        this.mode = 'document';
        this.documentLine = this.line;
        return true;
      }
      this.mode = 'lines';
      this.badLine(line, this.line, e, out);
      return false;
    }
    this.mode = 'lines';
    if (Array.isArray(value)) this.emit(value, line, { start: 0, end: line.length }, new LineCounter(line, 0, this.line), out);
    else out.push(jsonEvent(this.ctx, value, line, 0, line.length, this.line));
    return false;
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
    const text = this.document.join('');
    this.document = [];
    const start = skipSpace(text, 0);
    let end = text.length;
    while (end > start && skipSpace(text, end - 1) === end) end--;
    const lines = new LineCounter(text, 0, this.documentLine);
    try {
      this.emit(JSON.parse(text), text, { start, end }, lines, out);
      return;
    } catch {
      // Not one JSON document: try a sequence of values, then fall back to lines.
    }
    const values = this.parseSequence(text);
    if (values !== null) {
      values.forEach(([value, span]) => this.emit(value, text, span, lines, out));
      return;
    }
    this.mode = 'lines';
    this.line = this.documentLine - 1;
    this.text(text, out);
  }

  private parseSequence(text: string): Array<[unknown, TextSpan]> | null {
    const spans = sequenceSpans(text);
    if (spans === null || spans.length < 2) return null;
    const values: Array<[unknown, TextSpan]> = [];
    for (const span of spans) {
      try {
        values.push([JSON.parse(text.slice(span.start, span.end)), span]);
      } catch {
        return null;
      }
    }
    return values;
  }
}

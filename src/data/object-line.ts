/**
 * An NDJSON line that the validating scan (json-validate.ts) found to be one JSON object -> RawEvent,
 * with the same result as parsing it (envelope.ts jsonEvent) but without building the value: only
 * the envelope's small members, and the top-level timestamp fields, are parsed. The payload is
 * parsed later only if something asks for `json` (a time field, a props.conf rule, replay).
 */
import type { EventMeta, FieldValue, RawEvent } from './event.js';
import { envelopeMeta, indexedFields, META_KEYS, parseEmbeddedJson, type SourceContext } from './envelope.js';
import { envelopeTime, findEventTime, firstTimestampField, TIMESTAMP_FIELDS, timeNeedsPayload } from './event-time.js';
import type { MemberSpan, ObjectLine } from './json-validate.js';
import { compactJson } from './json-scan.js';

const ENVELOPE_KEYS: ReadonlySet<string> = new Set([...META_KEYS, 'event', 'fields']);

/** The top-level members the reader looks at: the HEC envelope's, and the timestamp fields. */
export const LINE_MEMBERS: ReadonlySet<string> = new Set([...ENVELOPE_KEYS, ...TIMESTAMP_FIELDS]);

const UNPARSED = Symbol('unparsed');
const QUOTE = 34;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;
const LBRACE = 123;
const LBRACKET = 91;

/** An event whose `raw` is the JSON text of an object or array, parsed only when asked for. */
class JsonTextEvent implements RawEvent {
  readonly jsonText = true;
  constructor(
    readonly raw: string,
    readonly time: number | undefined,
    readonly meta: EventMeta,
    readonly origin: { readonly file: string; readonly line: number },
    readonly seq: number,
    readonly indexedFields: ReadonlyArray<readonly [string, FieldValue]> | undefined,
    private parsed: unknown = UNPARSED,
    picked?: Picked,
  ) {
    this.leaves = picked?.leaves;
    this.leafFilter = picked?.filter;
  }

  readonly leaves: readonly string[] | undefined;
  readonly leafFilter: object | undefined;

  get json(): unknown {
    if (this.parsed === UNPARSED) this.parsed = JSON.parse(this.raw) as unknown;
    return this.parsed;
  }
}

/** The value of a member; a string without escapes is sliced out, not parsed (the common case). */
function valueAt(text: string, span: MemberSpan | undefined): unknown {
  if (span === undefined) return undefined;
  const { start, end } = span;
  const first = text.charCodeAt(start);
  if (first === QUOTE) {
    const inner = text.slice(start + 1, end - 1);
    if (!inner.includes('\\')) return inner;
  }
  // A validated JSON number reads the same through Number() as through JSON.parse.
  if (first === MINUS || (first >= ZERO && first <= NINE)) return Number(text.slice(start, end));
  return JSON.parse(text.slice(start, end)) as unknown;
}

/** The same test as envelope.ts isHecEnvelope: `event`, a metadata key, and no other keys. */
function isEnvelope(line: ObjectLine): boolean {
  if (line.otherKeys || !line.members.has('event')) return false;
  let meta = false;
  for (const key of line.members.keys()) {
    if (META_KEYS.has(key)) meta = true;
    else if (!ENVELOPE_KEYS.has(key)) return false;
  }
  return meta;
}

export function objectLineEvent(ctx: SourceContext, text: string, line: ObjectLine, lineNo: number): RawEvent {
  const origin = { file: ctx.file, line: lineNo };
  if (isEnvelope(line)) return envelopeLineEvent(ctx, text, line, origin);
  const meta = ctx.meta;
  if (timeNeedsPayload(ctx.time, meta.sourcetype)) {
    const json = JSON.parse(text) as unknown;
    const time = findEventTime(json, ctx.time, meta.sourcetype, text);
    return new JsonTextEvent(text, time, meta, origin, ctx.counter.seq++, undefined, json);
  }
  const time = firstTimestampField((name) => valueAt(text, line.members.get(name)), ctx.time.zone);
  return new JsonTextEvent(text, time, meta, origin, ctx.counter.seq++, undefined, UNPARSED, picked(ctx, line.lineLeaves));
}

/**
 * The last token text and value of the envelope's host, source, sourcetype and index: consecutive
 * envelopes usually repeat them, and a token compared in place costs no new string.
 */
const lastTokens = new Map<string, { token: string; value: unknown }>();

function memberValue(key: string, text: string, span: MemberSpan): unknown {
  const last = lastTokens.get(key);
  const length = span.end - span.start;
  if (last !== undefined && last.token.length === length && text.startsWith(last.token, span.start)) return last.value;
  const value = valueAt(text, span);
  // Short tokens only: a long `fields` object is not worth keeping.
  if (length <= 256) lastTokens.set(key, { token: text.slice(span.start, span.end), value });
  return value;
}

function envelopeLineEvent(ctx: SourceContext, text: string, line: ObjectLine, origin: RawEvent['origin']): RawEvent {
  const m = line.members;
  const metaOf = (key: string): unknown => {
    const span = m.get(key);
    return span === undefined ? undefined : memberValue(key, text, span);
  };
  const env = { time: valueAt(text, m.get('time')), host: metaOf('host'), source: metaOf('source'), sourcetype: metaOf('sourcetype'), index: metaOf('index') };
  const meta = envelopeMeta(ctx.meta, env);
  const fields = m.has('fields') ? indexedFields(valueAt(text, m.get('fields'))) : undefined;
  const span = line.members.get('event')!;
  const first = text.charCodeAt(span.start);
  if (first === QUOTE) {
    // Splunk applies KV_MODE=json to a string event that is itself JSON.
    const raw = valueAt(text, span) as string;
    const json = parseEmbeddedJson(raw);
    const time = envelopeTime(env.time) ?? findEventTime(json, ctx.time, meta.sourcetype, raw);
    return { raw, time, meta, json, origin, seq: ctx.counter.seq++, indexedFields: fields };
  }
  const raw = line.compact ? text.slice(span.start, span.end) : compactJson(text, span.start, span.end);
  if (first !== LBRACE && first !== LBRACKET) {
    // A number, true, false or null: `_raw` is its text and there is nothing to extract.
    const time = envelopeTime(env.time) ?? findEventTime(undefined, ctx.time, meta.sourcetype, raw);
    return { raw, time, meta, json: undefined, origin, seq: ctx.counter.seq++, indexedFields: fields };
  }
  let time = envelopeTime(env.time);
  let parsed: unknown = UNPARSED;
  if (time === undefined) {
    parsed = JSON.parse(raw) as unknown;
    time = findEventTime(parsed, ctx.time, meta.sourcetype, raw);
  }
  return new JsonTextEvent(raw, time, meta, origin, ctx.counter.seq++, fields, parsed, picked(ctx, line.eventLeaves));
}

/** The leaves picked out under the reader's projection, with it (extraction checks it is the same). */
function picked(ctx: SourceContext, leaves: string[] | null): Picked | undefined {
  return leaves !== null && ctx.projection !== undefined ? { leaves, filter: ctx.projection } : undefined;
}

interface Picked {
  readonly leaves: readonly string[];
  readonly filter: object;
}

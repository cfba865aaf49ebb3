/**
 * One parsed JSON value (with the text it came from) -> RawEvent. Recognises Splunk HTTP Event
 * Collector envelopes (`{"time":…, "host":…, "event": {…} | "text", "fields": {…}}`): the envelope's
 * metadata overrides the reader's defaults and its `event` becomes the event. Everything else is an
 * event as it stands, with `_raw` = its text as given.
 */
import type { Prefilter } from './prefilter.js';
import type { FlattenFilter } from './flatten.js';
import type { EventMeta, FieldValue, RawEvent, Scalar } from './event.js';
import { envelopeTime, findEventTime, type TimeOptions } from './event-time.js';
import { compactJson, memberValueSpan } from './json-scan.js';

/** What every event of one input shares; `seq` is the running counter across all inputs. */
export interface SourceContext {
  readonly file: string;
  readonly meta: EventMeta;
  readonly time: TimeOptions;
  /** `skipped`: lines the prefilter ruled out; they count as events read. */
  readonly counter: { seq: number; skipped: number };
  /** Set when the search allows skipping lines that cannot match (data/prefilter.ts). */
  readonly prefilter?: Prefilter;
  /** The fields extraction will want (extract.ts projectionFilter): picked out while reading. */
  readonly projection?: FlattenFilter;
}

export const META_KEYS: ReadonlySet<string> = new Set(['time', 'host', 'source', 'sourcetype', 'index']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * An object with `event`, at least one of time/host/source/sourcetype/index, and no key outside
 * the HEC event format (those and `fields`). The last condition keeps an application log such as
 * `{"time":"…","event":"login","user":"bob"}` an ordinary event, with its `user` field.
 */
export function isHecEnvelope(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value) || !Object.hasOwn(value, 'event')) return false;
  let meta = false;
  for (const key of Object.keys(value)) {
    if (META_KEYS.has(key)) meta = true;
    else if (key !== 'event' && key !== 'fields') return false;
  }
  return meta;
}

/** The parsed payload when `raw` is itself a JSON object or array, else undefined. */
export function parseEmbeddedJson(raw: string): unknown {
  const first = raw.trimStart().charCodeAt(0);
  if (first !== 123 && first !== 91) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

/** An event from a JSON value found at text[start, end) (one NDJSON line, array element or document). */
export function jsonEvent(
  ctx: SourceContext,
  value: unknown,
  text: string,
  start: number,
  end: number,
  line: number,
): RawEvent {
  if (isHecEnvelope(value)) return hecEvent(ctx, value, text, start, line);
  const json = typeof value === 'object' && value !== null ? value : undefined;
  const raw = start === 0 && end === text.length ? text : text.slice(start, end);
  const time = findEventTime(json, ctx.time, ctx.meta.sourcetype, raw);
  return { raw, time, meta: ctx.meta, json, origin: { file: ctx.file, line }, seq: ctx.counter.seq++ };
}

/** An event whose text is not JSON: `_raw` only; a time only from its sourcetype's rule (TIME_PREFIX...). */
export function textEvent(ctx: SourceContext, raw: string, line: number): RawEvent {
  const origin = { file: ctx.file, line };
  const time = ctx.time.rules === undefined ? undefined : findEventTime(undefined, ctx.time, ctx.meta.sourcetype, raw);
  return { raw, time, meta: ctx.meta, json: undefined, origin, seq: ctx.counter.seq++ };
}

function hecEvent(
  ctx: SourceContext,
  env: Record<string, unknown>,
  text: string,
  start: number,
  line: number,
): RawEvent {
  const payload = env.event;
  let raw: string;
  let json: unknown;
  if (typeof payload === 'string') {
    // Splunk applies KV_MODE=json to a string event that is itself JSON.
    raw = payload;
    json = parseEmbeddedJson(payload);
  } else {
    const span = memberValueSpan(text, start, 'event');
    raw = span ? compactJson(text, span.start, span.end) : JSON.stringify(payload);
    json = typeof payload === 'object' && payload !== null ? payload : undefined;
  }
  const meta = envelopeMeta(ctx.meta, env);
  return {
    raw,
    time: envelopeTime(env.time) ?? findEventTime(json, ctx.time, meta.sourcetype, raw),
    meta,
    json,
    origin: { file: ctx.file, line },
    seq: ctx.counter.seq++,
    indexedFields: indexedFields(env.fields),
  };
}

function metaText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** The reader's defaults overridden by the envelope's host/source/sourcetype/index. */
export function envelopeMeta(base: EventMeta, env: Record<string, unknown>): EventMeta {
  const host = metaText(env.host);
  const source = metaText(env.source);
  const sourcetype = metaText(env.sourcetype);
  const index = metaText(env.index);
  if (host === undefined && source === undefined && sourcetype === undefined && index === undefined) return base;
  const meta = {
    host: host ?? base.host,
    source: source ?? base.source,
    sourcetype: sourcetype ?? base.sourcetype,
    index: index ?? base.index,
  };
  // Consecutive envelopes usually carry the same metadata: share one object (and its strings).
  const last = lastMeta;
  if (last !== undefined && last.host === meta.host && last.source === meta.source && last.sourcetype === meta.sourcetype && last.index === meta.index) return last;
  lastMeta = meta;
  return meta;
}

let lastMeta: EventMeta | undefined;

function scalarText(v: unknown): Scalar | undefined {
  if (typeof v === 'string') return v;
  if (v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return typeof v === 'object' ? JSON.stringify(v) : undefined;
}

/**
 * HEC `fields` (index-time fields): `{"name": "v"}` or `{"name": ["v1", "v2"]}` (multivalue).
 * Nested objects are not allowed by HEC; they are kept as their JSON text.
 */
export function indexedFields(fields: unknown): ReadonlyArray<readonly [string, FieldValue]> | undefined {
  if (!isRecord(fields)) return undefined;
  const out: Array<readonly [string, FieldValue]> = [];
  for (const name of Object.keys(fields)) {
    const v = fields[name];
    if (Array.isArray(v)) {
      const values = v.map(scalarText).filter((s): s is Scalar => s !== undefined);
      if (values.length > 0) out.push([name, values.length === 1 ? values[0] : values]);
    } else {
      const s = scalarText(v);
      if (s !== undefined) out.push([name, s]);
    }
  }
  return out.length > 0 ? out : undefined;
}

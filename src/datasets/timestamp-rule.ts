/**
 * One sourcetype's timestamp settings (props.conf, spec 06 J6) compiled into a rule: where the
 * time is (TIMESTAMP_FIELDS in the JSON, or in `_raw` after TIME_PREFIX within
 * MAX_TIMESTAMP_LOOKAHEAD characters), how to read it (TIME_FORMAT, else ISO 8601 / epoch
 * detection) and in which zone when the text has none (TZ). `locate` also says where the text was,
 * so replay can rewrite it; the reader only needs the time.
 */
import { lookupFlattened, type TimestampRule } from '../data/event-time.js';
import { compilePcre, type PcreRegExp } from '../eval/pcre.js';
import { compileParser, type TimeParser } from '../time/strptime.js';
import { parseEventTimestamp } from '../time/timestamp.js';
import { locateFlattened, timestampValue, type JsonKeyPath } from './json-path.js';

export interface TimestampSettings {
  /** TIMESTAMP_FIELDS: flattened field names; several are joined with a space before parsing. */
  readonly timestampFields?: readonly string[];
  /** TIME_PREFIX: a PCRE; the timestamp starts right after its first match in `_raw`. */
  readonly timePrefix?: string;
  /** TIME_FORMAT: a strptime format (spec 04 Part C). */
  readonly timeFormat?: string;
  /** TZ: the zone of timestamps written without one. */
  readonly tz?: string;
  /** MAX_TIMESTAMP_LOOKAHEAD: characters examined from the start point (default 128). */
  readonly maxLookahead?: number;
}

/** Where a timestamp was found: a JSON value (key path), or characters [start, end) of `_raw`. */
export type TimestampOrigin =
  | { readonly kind: 'field'; readonly keys: JsonKeyPath; readonly text: string | number }
  | { readonly kind: 'raw'; readonly start: number; readonly end: number };

export interface TimestampFound {
  readonly time: number;
  /** Undefined when the time is not one piece of text (several TIMESTAMP_FIELDS). */
  readonly origin?: TimestampOrigin;
  /** TIME_FORMAT when it was used to read the text. */
  readonly format?: string;
  /** The zone a timestamp without one was read in. */
  readonly zone: string;
}

export interface CompiledTimestampRule {
  readonly settings: TimestampSettings;
  locate(payload: unknown, raw: string, zone: string): TimestampFound | undefined;
  /** The reader's view (data/event-time.ts): the time only. */
  readonly extract: TimestampRule;
}

export const DEFAULT_LOOKAHEAD = 128;

/** A leading ISO 8601 date-time or epoch, for TIME_PREFIX without TIME_FORMAT. */
const AUTO_TOKEN = /^\s*(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?(?:\s?(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?|\d{9,19}(?:\.\d+)?)(?![\d.])/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Compile settings (already validated by props.ts: the prefix compiles, the zone exists). */
export function compileTimestampRule(settings: TimestampSettings): CompiledTimestampRule {
  const prefix = settings.timePrefix !== undefined ? compilePcre(settings.timePrefix) : undefined;
  const parser = settings.timeFormat !== undefined ? compileParser(settings.timeFormat) : undefined;
  const lookahead = settings.maxLookahead ?? DEFAULT_LOOKAHEAD;
  const fields = settings.timestampFields ?? [];
  const read = (text: string | number, zone: string): number | undefined =>
    parser !== undefined ? parser(String(text), zone)?.epoch : parseEventTimestamp(text, zone);
  const locate = (payload: unknown, raw: string, defaultZone: string): TimestampFound | undefined => {
    const zone = settings.tz ?? defaultZone;
    const found = fields.length > 0 && isRecord(payload) ? fromFields(payload, fields, read, zone) : undefined;
    if (found !== undefined) return { ...found, format: settings.timeFormat, zone };
    if (prefix === undefined && parser === undefined) return undefined;
    const inRaw = fromRaw(raw, prefix, parser, lookahead, zone);
    return inRaw && { ...inRaw, format: settings.timeFormat, zone };
  };
  // The reader's path runs per event: a single field is read without building its key path.
  const single = fields.length === 1 ? fields[0]! : undefined;
  const extract: TimestampRule = (payload, raw, defaultZone) => {
    if (single === undefined || !isRecord(payload)) return locate(payload, raw, defaultZone)?.time;
    const v = firstScalar(lookupFlattened(payload, single));
    const time = v === undefined ? undefined : read(v, settings.tz ?? defaultZone);
    return time ?? (prefix === undefined && parser === undefined ? undefined : locate(payload, raw, defaultZone)?.time);
  };
  return { settings, locate, extract };
}

function firstScalar(v: unknown): string | number | undefined {
  if (typeof v === 'string' || typeof v === 'number') return v;
  return Array.isArray(v) && v.length > 0 ? firstScalar(v[0]) : undefined;
}

type Reader = (text: string | number, zone: string) => number | undefined;

function fromFields(payload: Record<string, unknown>, fields: readonly string[], read: Reader, zone: string) {
  if (fields.length === 1) {
    const v = timestampValue(locateFlattened(payload, fields[0]!));
    const time = v === undefined ? undefined : read(v.value, zone);
    return time === undefined ? undefined : { time, origin: { kind: 'field' as const, keys: v!.keys, text: v!.value } };
  }
  const parts: string[] = [];
  for (const name of fields) {
    const v = timestampValue(locateFlattened(payload, name));
    if (v === undefined) return undefined;
    parts.push(String(v.value));
  }
  const time = read(parts.join(' '), zone);
  return time === undefined ? undefined : { time };
}

function fromRaw(raw: string, prefix: PcreRegExp | undefined, parser: TimeParser | undefined, lookahead: number, zone: string) {
  let start = 0;
  if (prefix !== undefined) {
    let m: RegExpExecArray | null;
    try {
      m = prefix.exec(raw);
    } catch {
      return undefined; // an event too long for the pattern has no timestamp by this rule
    }
    if (m === null) return undefined;
    start = m.index + m[0].length;
  }
  const window = raw.slice(start, start + lookahead);
  if (parser !== undefined) {
    const r = parser(window, zone);
    return r && { time: r.epoch, origin: { kind: 'raw' as const, start, end: start + r.end } };
  }
  const token = AUTO_TOKEN.exec(window);
  if (token === null) return undefined;
  const time = parseEventTimestamp(token[1]!, zone);
  const at = start + token[0].length - token[1]!.length;
  return time === undefined ? undefined : { time, origin: { kind: 'raw' as const, start: at, end: at + token[1]!.length } };
}

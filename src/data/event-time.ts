/**
 * An event's `_time` (spec 06 J6): the HEC envelope's `time`, else the field named by the time-field
 * option, else the first known timestamp field that holds a parseable time. No timestamp means
 * undefined: the wall clock is never used, so runs are deterministic.
 */
import { parseEventTimestamp } from '../time/timestamp.js';

/**
 * Top-level fields tried in order when no time field is configured. `_time` comes first: events
 * exported from Splunk carry their time there, and J6 says to accept a supplied `_time`. The rest
 * cover k8s audit (`requestReceivedTimestamp`, `stageTimestamp`), CloudTrail (`eventTime`),
 * ECS/Logstash (`@timestamp`), Okta (`published`), Azure/Entra (`createdDateTime`,
 * `activityDateTime`), GitHub (`created_at`), GCP (`receiveTimestamp`), Panther (`p_event_time`) and
 * the Microsoft 365 management activity API (`CreationTime`).
 */
export const TIMESTAMP_FIELDS: readonly string[] = [
  '_time',
  'requestReceivedTimestamp',
  'stageTimestamp',
  'eventTime',
  '@timestamp',
  'timestamp',
  'time',
  'published',
  'createdDateTime',
  'activityDateTime',
  'created_at',
  'receiveTimestamp',
  'p_event_time',
  'CreationTime',
];

/**
 * A sourcetype's timestamp rule (props.conf TIMESTAMP_FIELDS, TIME_PREFIX, TIME_FORMAT, TZ; built by
 * src/datasets/props.ts): the event's time, or undefined to fall back to auto-detection.
 */
export type TimestampRule = (payload: unknown, raw: string, zone: string) => number | undefined;

/** The rule for a sourcetype, if it has one. */
export type TimestampRules = (sourcetype: string) => TimestampRule | undefined;

export interface TimeOptions {
  /** A flattened field name (`metadata.creationTimestamp`, `items{}.time`) holding the time. */
  readonly timeField?: string;
  /** Zone for timestamps written without one. */
  readonly zone: string;
  /** Per-sourcetype rules, tried after the time field and a supplied `_time`. */
  readonly rules?: TimestampRules;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toTime(value: unknown, zone: string): number | undefined {
  if (typeof value === 'string' || typeof value === 'number') return parseEventTimestamp(value, zone);
  if (Array.isArray(value) && value.length > 0) return toTime(value[0], zone);
  return undefined;
}

/** The member `key` of `holder`; `key{}` on an array-valued member gives the array. */
function member(holder: Record<string, unknown>, key: string): unknown {
  if (Object.hasOwn(holder, key)) return holder[key];
  if (key.endsWith('{}')) {
    const bare = key.slice(0, -2);
    if (Object.hasOwn(holder, bare) && Array.isArray(holder[bare])) return holder[bare];
  }
  return undefined;
}

/**
 * The value at a flattened name. Keys may contain dots themselves
 * (`annotations.authorization.k8s.io/decision`), so every split point is tried, the longest
 * key first. Through an array (`items{}.time`) the first element that has the rest is used.
 */
export function lookupFlattened(value: unknown, path: string, from = 0): unknown {
  if (Array.isArray(value)) {
    for (const element of value) {
      const found = lookupFlattened(element, path, from);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  const whole = member(value, from === 0 ? path : path.slice(from));
  if (whole !== undefined) return whole;
  for (let dot = path.lastIndexOf('.'); dot > from; dot = path.lastIndexOf('.', dot - 1)) {
    const child = member(value, path.slice(from, dot));
    if (child === undefined || typeof child !== 'object' || child === null) continue;
    const found = lookupFlattened(child, path, dot + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * `_time` from the event (J6): the configured field first, then a supplied `_time`, then the
 * sourcetype's rule (which may read `raw`, also of an event that is not JSON), then TIMESTAMP_FIELDS.
 */
export function findEventTime(payload: unknown, options: TimeOptions, sourcetype?: string, raw?: string): number | undefined {
  const rule = options.rules !== undefined && sourcetype !== undefined ? options.rules(sourcetype) : undefined;
  if (!isRecord(payload)) return rule !== undefined && raw !== undefined ? rule(payload, raw, options.zone) : undefined;
  if (options.timeField !== undefined) {
    const t = toTime(lookupFlattened(payload, options.timeField), options.zone);
    if (t !== undefined) return t;
  }
  if (rule !== undefined) {
    const t = (Object.hasOwn(payload, '_time') ? toTime(payload._time, options.zone) : undefined) ?? rule(payload, raw ?? '', options.zone);
    if (t !== undefined) return t;
  }
  return firstTimestampField((name) => (Object.hasOwn(payload, name) ? payload[name] : undefined), options.zone);
}

/** The first of TIMESTAMP_FIELDS (top-level members, read through `member`) that holds a time. */
export function firstTimestampField(member: (name: string) => unknown, zone: string): number | undefined {
  for (const name of TIMESTAMP_FIELDS) {
    const value = member(name);
    if (value === undefined) continue;
    const t = toTime(value, zone);
    if (t !== undefined) return t;
  }
  return undefined;
}

/** Whether finding the time of a JSON event needs its whole value (a time field, or a sourcetype rule). */
export function timeNeedsPayload(options: TimeOptions, sourcetype: string): boolean {
  return options.timeField !== undefined || (options.rules !== undefined && options.rules(sourcetype) !== undefined);
}

/**
 * A HEC envelope's `time`: epoch seconds as a number or numeric string (`1426279439.500`), per the
 * HEC event format. Anything else is ignored, so the payload's own timestamp is tried next.
 */
export function envelopeTime(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

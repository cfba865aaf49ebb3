/**
 * Where an event's own timestamp is written, found in the order the reader uses
 * (data/event-time.ts findEventTime, without the HEC envelope): `--time-field`, a supplied `_time`
 * (when the sourcetype has a rule), the sourcetype's props.conf rule, then the known timestamp
 * fields. Replay rewrites the text found here when it shifts the events.
 */
import { TIMESTAMP_FIELDS } from '../data/event-time.js';
import type { RawEvent } from '../data/event.js';
import { locateFlattened, timestampValue } from '../datasets/json-path.js';
import type { TimestampRuleSet } from '../datasets/props.js';
import type { TimestampFound } from '../datasets/timestamp-rule.js';
import { parseEventTimestamp } from '../time/timestamp.js';

export interface LocateOptions {
  readonly rules: TimestampRuleSet;
  readonly timeField?: string;
  readonly zone: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A field's timestamp read by auto-detection (ISO 8601, epoch). */
function autoField(payload: Record<string, unknown>, name: string, zone: string, exact: boolean): TimestampFound | undefined {
  const v = exact ? timestampValue(Object.hasOwn(payload, name) ? { value: payload[name], keys: [name] } : undefined) : timestampValue(locateFlattened(payload, name));
  if (v === undefined) return undefined;
  const time = parseEventTimestamp(v.value, zone);
  return time === undefined ? undefined : { time, origin: { kind: 'field', keys: v.keys, text: v.value }, zone };
}

/** The event's own timestamp and where it is written; undefined when it has none. */
export function locateEventTime(ev: RawEvent, options: LocateOptions): TimestampFound | undefined {
  const { zone } = options;
  const rule = options.rules.rule(ev.meta.sourcetype);
  const payload = ev.json;
  if (!isRecord(payload)) return rule?.locate(payload, ev.raw, zone);
  if (options.timeField !== undefined) {
    const found = autoField(payload, options.timeField, zone, false);
    if (found !== undefined) return found;
  }
  if (rule !== undefined) {
    const found = autoField(payload, '_time', zone, true) ?? rule.locate(payload, ev.raw, zone);
    if (found !== undefined) return found;
  }
  for (const name of TIMESTAMP_FIELDS) {
    const found = autoField(payload, name, zone, true);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * One event as a Splunk HTTP Event Collector envelope line:
 * `{"time":…,"host":…,"source":…,"sourcetype":…,"index":…,"event":…,"fields":…}`. A JSON event
 * goes in as its own text without insignificant whitespace (numbers and strings exactly as
 * written: what Splunk keeps as `_raw` for an object event); any other event as a string. Read
 * back by splq (data/envelope.ts), the envelope gives the same event, metadata and time.
 */
import type { FieldValue, RawEvent } from '../data/event.js';
import { compactJson } from '../data/json-scan.js';

/** The envelope text; `time` is a JSON number text, or undefined for an event without a time. */
export function envelopeLine(ev: RawEvent, raw: string, time: string | undefined): string {
  const m = ev.meta;
  const event = ev.json !== undefined ? compactJson(raw, 0, raw.length) : JSON.stringify(raw);
  const head = time === undefined ? '' : `"time":${time},`;
  const fields = ev.indexedFields ? `,"fields":${JSON.stringify(fieldsObject(ev.indexedFields))}` : '';
  return `{${head}"host":${JSON.stringify(m.host)},"source":${JSON.stringify(m.source)},"sourcetype":${JSON.stringify(m.sourcetype)},"index":${JSON.stringify(m.index)},"event":${event}${fields}}`;
}

function fieldsObject(fields: ReadonlyArray<readonly [string, FieldValue]>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of fields) out[name] = Array.isArray(value) ? value.map(String) : String(value);
  return out;
}

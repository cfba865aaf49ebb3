/**
 * A test's datasets as Splunk would have indexed them for the test: each file read with its own
 * metadata (sourcetype, source, host, index), the newest event time found, and, when the events
 * must move, all of them rewritten as one NDJSON file of HEC envelopes with `time` shifted by the
 * same whole number of seconds (spacing kept). The event text itself is not rewritten: searches
 * see the shifted time as `_time`.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { readEvents, type InputProblem, type ReadOptions } from '../data/load.js';
import type { RawEvent } from '../data/event.js';
import type { TimestampRules } from '../data/event-time.js';
import type { DatasetInput } from '../datasets/types.js';

/** A dataset and how its timestamps are read (a descriptor's `time.time_field`, `time.tz`). */
export interface ReplayInput extends DatasetInput {
  readonly timeField?: string;
  readonly zone?: string;
}

export interface DatasetScan {
  /** Newest event time over all inputs; undefined when no event has a time. */
  readonly newest: number | undefined;
  readonly events: number;
  /** Lines that were not JSON (kept as raw events). */
  readonly problems: number;
}

/** How timestamps are found: the zone for times without one, props.conf rules per sourcetype. */
export interface TimeReading {
  readonly zone: string;
  readonly rules?: TimestampRules;
}

/** Reader options for one input: its metadata as defaults (an envelope in the file still wins). */
export function readOptionsOf(input: ReplayInput, time: TimeReading): ReadOptions {
  return {
    sourcetype: input.sourcetype,
    source: input.source,
    host: input.host,
    index: input.index,
    timeField: input.timeField,
    timestampRules: time.rules,
    zone: input.zone ?? time.zone,
  };
}

async function* eventsOf(inputs: readonly ReplayInput[], time: TimeReading, report: (p: InputProblem) => void): AsyncGenerator<RawEvent> {
  for (const input of inputs) yield* readEvents([input.path], readOptionsOf(input, time), report);
}

/** Pass 1: the newest event time and the event count. */
export async function scanDatasets(inputs: readonly ReplayInput[], time: TimeReading): Promise<DatasetScan> {
  let newest: number | undefined;
  let events = 0;
  let problems = 0;
  for await (const ev of eventsOf(inputs, time, () => problems++)) {
    events++;
    if (ev.time !== undefined && (newest === undefined || ev.time > newest)) newest = ev.time;
  }
  return { newest, events, problems };
}

/** Pass 2: every event as a HEC envelope line, `time` + `shift`, to `file`; returns the count. */
export async function writeShifted(inputs: readonly ReplayInput[], time: TimeReading, shift: number, file: string): Promise<number> {
  const out = createWriteStream(file);
  let count = 0;
  try {
    for await (const ev of eventsOf(inputs, time, () => undefined)) {
      if (!out.write(envelopeLine(ev, shift))) await once(out, 'drain');
      count++;
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return count;
}

/**
 * `{"time","host","source","sourcetype","index","event":"<raw>"}`: the event text as a string, so
 * `_raw` stays byte for byte what was read (the reader applies KV_MODE=json to it again).
 */
export function envelopeLine(ev: RawEvent, shift: number): string {
  const env: Record<string, unknown> = {};
  if (ev.time !== undefined) env.time = ev.time + shift;
  env.host = ev.meta.host;
  env.source = ev.meta.source;
  env.sourcetype = ev.meta.sourcetype;
  env.index = ev.meta.index;
  env.event = ev.raw;
  if (ev.indexedFields && ev.indexedFields.length > 0) env.fields = Object.fromEntries(ev.indexedFields);
  return JSON.stringify(env) + '\n';
}

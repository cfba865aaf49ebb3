/**
 * Replay: datasets -> HEC envelope lines, as Splunk would index them (metadata from the dataset,
 * time per the sourcetype's rules), optionally shifted by whole seconds so that the newest event
 * falls in the second before a given time (at it, when both are whole seconds), spacing kept. Shifting rewrites the envelope's `time` and the timestamp written
 * inside the event, in its own notation. Two passes over the files when shifting: the first finds
 * the newest event.
 */
import { readEvents, type InputProblem } from '../data/load.js';
import type { RawEvent } from '../data/event.js';
import type { TimestampRuleSet } from '../datasets/props.js';
import type { DatasetInput } from '../datasets/types.js';
import { envelopeLine } from './envelope.js';
import { locateEventTime } from './locate-time.js';
import { microsText, toMicros } from './retime.js';
import { rewriteTimestamp } from './rewrite.js';

export interface ReplayOptions {
  readonly datasets: readonly DatasetInput[];
  readonly rules: TimestampRuleSet;
  /** Zone for timestamps written without one. */
  readonly zone: string;
  readonly timeField?: string;
  /** Epoch seconds for the newest event; undefined keeps the times. */
  readonly shiftTo?: number;
}

export interface ReplaySummary {
  events: number;
  /** Events with a time. */
  timed: number;
  /** Shift applied, in seconds (0 when not shifting). */
  shift: number;
  /** Events whose own timestamp text was rewritten. */
  rewritten: number;
  /** Events whose timestamp text was found but could not be written back in its notation. */
  unrewritable: number;
  readonly problems: InputProblem[];
}

export function newSummary(): ReplaySummary {
  return { events: 0, timed: 0, shift: 0, rewritten: 0, unrewritable: 0, problems: [] };
}

function eventsOf(ds: DatasetInput, options: ReplayOptions, report: (p: InputProblem) => void): AsyncGenerator<RawEvent> {
  const read = {
    sourcetype: ds.sourcetype,
    source: ds.source,
    host: ds.host,
    index: ds.index,
    timeField: options.timeField,
    zone: options.zone,
    timestampRules: options.rules.rules,
  };
  return readEvents([ds.path], read, report);
}

/** The newest event time over all datasets, in microseconds; undefined when no event has a time. */
async function newestMicros(options: ReplayOptions): Promise<bigint | undefined> {
  let newest: number | undefined;
  for (const ds of options.datasets) {
    for await (const ev of eventsOf(ds, options, () => undefined)) {
      if (ev.time !== undefined && (newest === undefined || ev.time > newest)) newest = ev.time;
    }
  }
  return newest === undefined ? undefined : toMicros(newest);
}

/** The envelope lines (without newlines) of every event of every dataset, in input order. */
export async function* replayEnvelopes(options: ReplayOptions, summary: ReplaySummary): AsyncGenerator<string> {
  let delta = 0n;
  if (options.shiftTo !== undefined) {
    const newest = await newestMicros(options);
    // Whole seconds, the newest event landing within the second before the target: timestamps
    // written to the second (CloudTrail's eventTime) then stay exact, in `_raw` as in `_time`.
    if (newest !== undefined) delta = floorToSecond(toMicros(options.shiftTo) - newest);
  }
  summary.shift = Number(delta) / 1e6;
  for (const ds of options.datasets) {
    for await (const ev of eventsOf(ds, options, (p) => summary.problems.push(p))) {
      summary.events++;
      if (ev.time !== undefined) summary.timed++;
      yield delta === 0n ? envelopeLine(ev, ev.raw, timeText(ev.time)) : shifted(ev, delta, options, summary);
    }
  }
}

function floorToSecond(micros: bigint): bigint {
  return micros - (((micros % 1_000_000n) + 1_000_000n) % 1_000_000n);
}

function timeText(time: number | undefined): string | undefined {
  // The shortest text that reads back as the same double (the reader parses it with Number()).
  return time === undefined ? undefined : String(time);
}

function shifted(ev: RawEvent, delta: bigint, options: ReplayOptions, summary: ReplaySummary): string {
  const time = ev.time === undefined ? undefined : microsText(toMicros(ev.time) + delta);
  const found = locateEventTime(ev, options);
  let raw = ev.raw;
  if (found !== undefined) {
    const moved = rewriteTimestamp(raw, found, delta);
    if (moved === undefined) summary.unrewritable++;
    else {
      raw = moved;
      summary.rewritten++;
    }
  }
  return envelopeLine(ev, raw, time);
}

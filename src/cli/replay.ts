/**
 * `splq replay DATASET...`: the events of datasets (descriptor YAML, detection YAML, event files)
 * as NDJSON HEC envelopes on stdout or `--out FILE`, optionally shifted in time (`--shift-to`),
 * or sent to a Splunk HTTP Event Collector (`--hec URL --hec-token T`).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { SplError } from '../errors/spl-error.js';
import { TimestampRuleSet } from '../datasets/props.js';
import type { DatasetTime } from '../datasets/types.js';
import { newSummary, replayEnvelopes, type ReplayOptions, type ReplaySummary } from '../replay/replay.js';
import { collectorUrl, printableUrl, sendToHec } from '../replay/hec.js';
import { collectSources } from '../replay/sources.js';
import { clockFrom, timeBound, usage } from './options.js';
import { reportFailure } from './report.js';
import { reportProblems } from './problems.js';

export interface ReplayFlags {
  dataRoot?: string;
  sourcetype?: string;
  source?: string;
  host?: string;
  index?: string;
  props?: string[];
  timeField?: string;
  tz?: string;
  shiftTo?: string;
  now?: string;
  out?: string;
  hec?: string;
  hecToken?: string;
  batchSize?: string;
  retries?: string;
  insecure?: boolean;
  debug?: boolean;
}

/** The token variable read when `--hec-token` is not given (keeps it out of the process list). */
export const HEC_TOKEN_ENV = 'SPLUNK_HEC_TOKEN';

export async function replayCommand(args: string[], flags: ReplayFlags): Promise<number> {
  try {
    const options = replayOptions(args, flags);
    const summary = newSummary();
    const lines = replayEnvelopes(options, summary);
    if (flags.hec !== undefined) await sendLines(lines, flags, summary);
    else await writeLines(lines, flags.out);
    reportProblems(summary.problems);
    if (options.shiftTo !== undefined && summary.timed === 0 && summary.events > 0) {
      process.stderr.write('warning: no event has a timestamp, so --shift-to moved nothing\n');
    }
    reportSummary(summary, flags);
    return 0;
  } catch (e) {
    return reportFailure(e, flags.debug);
  }
}

function replayOptions(args: string[], flags: ReplayFlags): ReplayOptions {
  if (flags.out !== undefined && flags.hec !== undefined) throw usage('give either --out or --hec, not both');
  const { datasets, times } = collectSources(args, flags);
  const time = mergeTimes(times);
  const clock = clockFrom(flags.now, flags.tz ?? time.tz);
  const shiftText = flags.shiftTo ?? time.shiftTo;
  return {
    datasets,
    rules: TimestampRuleSet.load([...(time.props ?? []), ...(flags.props ?? [])]),
    zone: clock.zone,
    timeField: flags.timeField ?? time.timeField,
    shiftTo: shiftText === undefined ? undefined : timeBound(shiftText, '--shift-to', clock),
  };
}

/** The descriptors' time settings; two descriptors may not ask for different ones. */
function mergeTimes(times: readonly DatasetTime[]): DatasetTime {
  const pick = (key: 'shiftTo' | 'tz' | 'timeField'): string | undefined => {
    const values = [...new Set(times.map((t) => t[key]).filter((v): v is string => v !== undefined))];
    if (values.length > 1) throw usage(`the descriptors disagree on time.${key} (${values.join(', ')}): replay them separately or give the option`);
    return values[0];
  };
  return { shiftTo: pick('shiftTo'), tz: pick('tz'), timeField: pick('timeField'), props: times.flatMap((t) => t.props ?? []) };
}

async function writeLines(lines: AsyncIterable<string>, out: string | undefined): Promise<void> {
  const stream = out === undefined ? process.stdout : createWriteStream(out);
  const failed = new Promise<never>((_, reject) => stream.once('error', (e: Error) => reject(e)));
  failed.catch(() => undefined);
  try {
    for await (const line of lines) {
      if (!stream.write(line + '\n')) await Promise.race([once(stream, 'drain'), failed]);
    }
    if (out !== undefined) await Promise.race([new Promise<void>((r) => (stream as WriteStream).end(r)), failed]);
  } catch (e) {
    if (e instanceof SplError) throw e;
    throw new SplError('I607', { file: out ?? 'stdout', reason: (e as Error).message });
  }
}

async function sendLines(lines: AsyncIterable<string>, flags: ReplayFlags, summary: ReplaySummary): Promise<void> {
  const token = flags.hecToken ?? process.env[HEC_TOKEN_ENV];
  if (token === undefined || token === '') throw usage(`--hec needs a token: --hec-token T or the ${HEC_TOKEN_ENV} environment variable`);
  const url = collectorUrl(flags.hec!);
  const result = await sendToHec(lines, {
    url: url.href,
    token,
    batchSize: positive(flags.batchSize, '--batch-size'),
    retries: positive(flags.retries, '--retries', true),
    insecure: flags.insecure === true,
    onRetry: ({ attempt, delayMs, reason }) => process.stderr.write(`note: retry ${attempt} in ${delayMs} ms: ${reason}\n`),
  });
  process.stderr.write(`sent ${result.events} event(s) of ${summary.events} in ${result.batches} request(s) to ${printableUrl(url)}${result.retries > 0 ? ` after ${result.retries} retr${result.retries === 1 ? 'y' : 'ies'}` : ''}\n`);
}

function positive(value: string | undefined, option: string, zero = false): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < (zero ? 0 : 1)) throw usage(`${option} must be a ${zero ? 'non-negative' : 'positive'} integer, not "${value}"`);
  return n;
}

function reportSummary(summary: ReplaySummary, flags: ReplayFlags): void {
  if (summary.unrewritable > 0) {
    process.stderr.write(`warning: ${summary.unrewritable} event(s) have a timestamp in a notation replay cannot write back; only their envelope time was shifted\n`);
  }
  if (flags.out === undefined) return;
  const shift = summary.shift !== 0 ? `, shifted by ${summary.shift} s` : '';
  process.stderr.write(`replayed ${summary.events} event(s) to ${flags.out}${shift}\n`);
}

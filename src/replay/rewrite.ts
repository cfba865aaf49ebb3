/**
 * Rewrite the timestamp inside an event's text: the JSON value the time was read from (found by
 * its key path with the JSON scanner, so the rest of the text stays byte for byte), or the
 * characters a TIME_PREFIX rule read it from.
 */
import { arrayElementSpans, memberValueSpan, type TextSpan } from '../data/json-scan.js';
import type { JsonKeyPath } from '../datasets/json-path.js';
import type { TimestampFound } from '../datasets/timestamp-rule.js';
import { shiftTimestampText } from './retime.js';

/** The span of the value at `keys` in the JSON text `raw`; null when the text is not shaped so. */
export function valueSpan(raw: string, keys: JsonKeyPath): TextSpan | null {
  let span: TextSpan | null = { start: 0, end: raw.length };
  for (const key of keys) {
    if (span === null) return null;
    span = typeof key === 'number' ? (arrayElementSpans(raw, span.start)?.[key] ?? null) : memberValueSpan(raw, span.start, key);
  }
  return span;
}

/** `raw` with its timestamp moved by `delta` microseconds; undefined when it cannot be written back. */
export function rewriteTimestamp(raw: string, found: TimestampFound, delta: bigint): string | undefined {
  const origin = found.origin;
  if (origin === undefined) return undefined;
  if (origin.kind === 'raw') {
    const moved = shiftTimestampText(raw.slice(origin.start, origin.end), found.time, delta, found.zone, found.format);
    return moved === undefined ? undefined : raw.slice(0, origin.start) + moved + raw.slice(origin.end);
  }
  const span = valueSpan(raw, origin.keys);
  if (span === null) return undefined;
  const written = raw.slice(span.start, span.end);
  const isString = written.startsWith('"');
  const text = isString ? (JSON.parse(written) as string) : written;
  const moved = shiftTimestampText(text, found.time, delta, found.zone, found.format);
  if (moved === undefined) return undefined;
  // A number stays a number only when the new text is still a JSON number.
  const out = isString || !/^-?\d+(\.\d+)?$/.test(moved) ? JSON.stringify(moved) : moved;
  return raw.slice(0, span.start) + out + raw.slice(span.end);
}

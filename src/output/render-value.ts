/**
 * A field value as the REST API shows it (spec 07 O1, O3, O5): text for single values, a list of
 * texts for multivalue, `_time` as ISO 8601 with milliseconds and the zone's offset.
 */
import { DateTime } from 'luxon';
import type { FieldValue, Scalar } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import { formatNumber } from '../eval/values.js';
import type { OutputOptions } from './result-set.js';

/** Output value: a string, or (multivalue with two or more values) a list of strings. */
export type RestValue = string | readonly string[];

/** Renders one field's value; undefined means the field is absent from the result. */
export type ValueRenderer = (field: string, value: FieldValue | undefined) => RestValue | undefined;

const ISO_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSZZ";

/** A renderer bound to the options; the zone is checked once here, not per value. */
export function valueRenderer(opts: OutputOptions): ValueRenderer {
  if (!DateTime.fromMillis(0, { zone: opts.zone }).isValid) {
    throw new SplError('U002', { value: opts.zone });
  }
  const scalar = (field: string, v: Scalar): string =>
    typeof v === 'string' ? v : field === '_time' ? formatEventTime(v, opts.zone) : formatNumber(v);
  return (field, value) => {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) return scalar(field, value as Scalar);
    // A multivalue with no values is null; with one value Splunk treats it as single-valued (O3).
    if (value.length === 0) return undefined;
    if (value.length === 1) return scalar(field, value[0]);
    return value.map((v) => scalar(field, v));
  };
}

/**
 * Epoch seconds as `2024-01-15T10:00:00.000+00:00` in `zone` (O5), subseconds truncated to
 * milliseconds. Values outside the calendar range (nan, inf, ±1e300) print as numbers.
 */
export function formatEventTime(epochSeconds: number, zone: string): string {
  const time = DateTime.fromMillis(epochMillis(epochSeconds), { zone });
  return time.isValid ? time.toFormat(ISO_FORMAT) : formatNumber(epochSeconds);
}

/**
 * Epoch seconds → whole milliseconds, truncated toward the past, working on the number's shortest
 * decimal text: `1705312800.123` is stored as 1705312800.1229999…, and multiplying would give
 * .122 where the user wrote .123.
 */
export function epochMillis(seconds: number): number {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(seconds));
  if (!m) return Math.floor(seconds * 1000);
  const [, sign, whole, frac = ''] = m;
  const ms = Number(whole) * 1000 + Number(frac.slice(0, 3).padEnd(3, '0'));
  if (sign === '') return ms;
  return -ms - (/[1-9]/.test(frac.slice(3)) ? 1 : 0);
}

/** A rendered value as lines of text (CSV and table cells): absent → [], multivalue → one per value. */
export function restValueLines(value: RestValue | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

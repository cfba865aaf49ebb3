/**
 * The event and result model shared by every stage after reading.
 *
 * A field value is a string (as extracted from events: Splunk keeps every value as text), a number
 * (computed by eval/stats, rendered to text on output), or a multivalue list of those. An absent
 * field has no entry: null and absent are the same thing in SPL (spec 06 J1, 07 O1).
 */
export type Scalar = string | number;
export type FieldValue = Scalar | readonly Scalar[];

/** A result flowing through the pipeline: its fields, in Splunk's insertion order, and its position. */
export interface Row {
  readonly fields: Map<string, FieldValue>;
  /** Input sequence number: ties on `_time` keep ingestion order (spec 07 O6). */
  seq: number;
}

/** The default fields every event has (spec 06 J7). */
export interface EventMeta {
  readonly host: string;
  readonly source: string;
  readonly sourcetype: string;
  readonly index: string;
}

/** One event as read from an input, before field extraction (a separate, replaceable stage). */
export interface RawEvent {
  /** The event text exactly as received: the JSON text of the event payload. */
  readonly raw: string;
  /** Epoch seconds (may be fractional); undefined when no timestamp could be found. */
  readonly time: number | undefined;
  readonly meta: EventMeta;
  /** The parsed JSON payload, or undefined when `raw` is not a JSON object/array. */
  readonly json: unknown;
  /** `raw` is exactly the JSON text of `json`, an object or array (the reader checked it). */
  readonly jsonText?: boolean;
  /**
   * The leaves of `raw` under the projection `leafFilter` (name, value, name, value...), picked out
   * by the reader; extraction with that same filter uses them instead of walking `raw` again.
   */
  readonly leaves?: readonly string[];
  readonly leafFilter?: object;
  /** Where it came from, for messages: file and 1-based line. */
  readonly origin: { readonly file: string; readonly line: number };
  readonly seq: number;
  /** Index-time fields supplied with the event (a HEC envelope's `fields`), in document order. */
  readonly indexedFields?: ReadonlyArray<readonly [string, FieldValue]>;
}

export function newRow(seq: number): Row {
  return { fields: new Map(), seq };
}

export function isMultivalue(v: FieldValue | undefined): v is readonly Scalar[] {
  return Array.isArray(v);
}

/** The values of a field as a list: [] when absent, [v] when single-valued. */
export function valuesOf(v: FieldValue | undefined): readonly Scalar[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? (v as readonly Scalar[]) : [v as Scalar];
}

/**
 * The result set every renderer takes: ordered output field names plus rows (spec 07 O4, O7).
 * `kind` says whether the fields came from a transforming command ('table') or are the
 * lexicographic event field list ('events').
 */
import type { FieldValue } from '../data/event.js';

export interface ResultSet {
  /** Output field names, in output order; fields of a row not listed here are not shown. */
  readonly fields: readonly string[];
  readonly rows: readonly ReadonlyMap<string, FieldValue>[];
  readonly kind: 'events' | 'table';
}

export interface OutputOptions {
  /** IANA zone (or any zone luxon accepts) in which `_time` is rendered (spec 07 O5). */
  readonly zone: string;
  /** Terminal table only: bold header. Default false (no escape codes when not a TTY). */
  readonly color?: boolean;
}

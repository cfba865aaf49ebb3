/**
 * The clock a search runs against: the reference time (`now`) and the searching user's time
 * zone. Both are injected (CLI `--now`/`--tz`, tests) so results never depend on the wall clock.
 */
import { DateTime } from 'luxon';
import { parseIsoTimestamp } from './timestamp.js';
import { validateZone } from './zone.js';

export { validateZone } from './zone.js';

export interface Clock {
  /** Epoch seconds, may be fractional. */
  readonly now: number;
  /** IANA zone name or 'UTC'. */
  readonly zone: string;
}

const EPOCH = /^[+-]?\d+(\.\d+)?$/;

/**
 * An absolute time given on the command line (`--now`, `--earliest`): epoch seconds (integer or
 * decimal) or ISO 8601 (`2024-01-15T13:45:00Z`, `2024-01-15 13:45`, `2024-01-15`); a time
 * without a zone is read in `zone`. Undefined when the text is neither.
 */
export function parseClockTime(text: string, zone = 'UTC'): number | undefined {
  const s = text.trim();
  if (EPOCH.test(s)) return Number(s);
  if (!validateZone(zone)) return undefined;
  const fast = parseIsoTimestamp(s, zone);
  if (fast !== undefined) return fast;
  // Rarer ISO spellings (week dates `2024-W03-1`, ordinal dates `2024-015`, basic `20240115T1345`).
  const dt = DateTime.fromISO(s, { zone });
  return dt.isValid ? dt.toMillis() / 1000 : undefined;
}

/**
 * Search time windows (spec 04 TM3): `earliest <= _time < latest`. An omitted earliest means all
 * time and an omitted latest means `now`; a scheduled search resolves both against its run time.
 */
import type { Clock } from './clock.js';
import { MODIFIER_TIME_FORMAT, resolveTimeModifier } from './relative.js';

export interface TimeWindow {
  /** Inclusive lower bound; undefined = beginning of time. */
  readonly earliest: number | undefined;
  /** Exclusive upper bound; undefined = no bound. */
  readonly latest: number | undefined;
}

/** Which term failed to resolve, for an error that names it (B005 / U001). */
export interface WindowError {
  readonly term: 'earliest' | 'latest';
  readonly value: string;
}

/** Resolve `earliest`/`latest` modifiers against the clock; omitted latest is `now`. */
export function resolveTimeWindow(
  earliest: string | undefined,
  latest: string | undefined,
  clock: Clock,
  timeformat: string = MODIFIER_TIME_FORMAT,
): TimeWindow | WindowError {
  const from = earliest === undefined ? undefined : resolveTimeModifier(earliest, clock, timeformat);
  if (earliest !== undefined && from === undefined) return { term: 'earliest', value: earliest };
  const to = latest === undefined ? clock.now : resolveTimeModifier(latest, clock, timeformat);
  if (to === undefined) return { term: 'latest', value: latest ?? '' };
  return { earliest: from, latest: to };
}

/** True when `time` falls in the window: earliest inclusive, latest exclusive. */
export function inTimeWindow(time: number, window: TimeWindow): boolean {
  const afterStart = window.earliest === undefined || time >= window.earliest;
  return afterStart && (window.latest === undefined || time < window.latest);
}

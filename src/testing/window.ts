/**
 * The time a detection test runs at and the range it searches (spec 04 TM3): the test's own
 * `earliest_time`/`latest_time`, else the detection's schedule, else `--earliest/--latest`, else
 * ESCU's scheduled window `-70m@m` to `-10m@m`; `--all-time` or `all_time: true` drops the range.
 *
 * The run time is pinned from the data, never the wall clock: by default it is the first whole
 * minute at which the window ends at least MARGIN after the newest event, so the events keep their
 * own timestamps (results show the dataset's times) and sit where a time shift would put them.
 * With `--now T` the run happens at T and the events are moved instead: the newest event goes to
 * the window's end minus MARGIN, whole seconds, spacing kept (contentctl's `update_timestamp`).
 */
import { parseClockTime } from '../time/clock.js';
import { resolveTimeModifier } from '../time/relative.js';
import type { WindowSpec } from './types.js';

/** ESCU's scheduled window: `dispatch.earliest_time = -70m@m`, `dispatch.latest_time = -10m@m`. */
export const DEFAULT_WINDOW: WindowSpec = { earliest: '-70m@m', latest: '-10m@m' };

/** Seconds between the newest event and the (exclusive) end of the window. */
export const MARGIN = 1;

export interface JobTime {
  /** The run time ("now" of the search), epoch seconds. */
  readonly now: number;
  readonly earliest?: number;
  readonly latest?: number;
  /** Seconds added to every event's time (0 unless the run time was given). */
  readonly shift: number;
}

/** The settings that apply: the first level that says anything wins; `--all-time` beats all. */
export function effectiveWindow(cli: WindowSpec, detection: WindowSpec, test: WindowSpec): WindowSpec {
  if (cli.allTime || test.allTime) return { allTime: true };
  for (const level of [test, detection, cli]) {
    if (level.earliest !== undefined || level.latest !== undefined) return { earliest: level.earliest, latest: level.latest ?? 'now' };
  }
  return DEFAULT_WINDOW;
}

/**
 * Pin the job: `newest` is the newest event time (undefined when no event has one), `given` the
 * `--now` time if any. Throws an Error naming the setting when a time does not parse.
 */
export function planJob(win: WindowSpec, newest: number | undefined, given: number | undefined, zone: string): JobTime {
  if (win.allTime) {
    if (given !== undefined) return { now: given, shift: newest === undefined ? 0 : Math.floor(given - MARGIN - newest) };
    return { now: newest === undefined ? 0 : ceilMinute(newest + MARGIN), shift: 0 };
  }
  const bounds = (now: number) => ({ now, earliest: bound(win.earliest, now, zone), latest: bound(win.latest ?? 'now', now, zone)! });
  if (given !== undefined || newest === undefined) {
    const at = bounds(given ?? 0);
    return { ...at, shift: newest === undefined ? 0 : Math.floor(at.latest - MARGIN - newest) };
  }
  if (isAbsolute(win.latest ?? 'now', zone)) {
    // A fixed range: the test's author chose it for these events; nothing moves.
    return { ...bounds(bound(win.latest!, 0, zone)!), shift: 0 };
  }
  return { ...bounds(firstRunSeeing(newest, win.latest ?? 'now', zone)), shift: 0 };
}

/** The first whole minute at which a window ending at `latest` ends at least MARGIN after `t`. */
function firstRunSeeing(t: number, latest: string, zone: string): number {
  const probe = ceilMinute(t);
  const lag = probe - bound(latest, probe, zone)!;
  let now = ceilMinute(t + MARGIN + lag);
  // Snapping (`@h`, `@d`) can make the end jump; step forward until the newest event is inside.
  for (let i = 0; i < 2 * 1440 && bound(latest, now, zone)! - MARGIN < t; i++) now += 60;
  return now;
}

function bound(mod: string | undefined, now: number, zone: string): number | undefined {
  if (mod === undefined) return undefined;
  const at = parseClockTime(mod, zone) ?? resolveTimeModifier(mod, { now, zone });
  if (at === undefined) throw new Error(`invalid time "${mod}": expected ISO 8601, epoch seconds or a relative time like -70m@m`);
  return at;
}

function isAbsolute(mod: string, zone: string): boolean {
  return parseClockTime(mod, zone) !== undefined;
}

function ceilMinute(t: number): number {
  return Math.ceil(t / 60) * 60;
}

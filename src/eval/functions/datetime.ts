/**
 * Date and Time functions (Search Reference, "Date and Time functions"; docs/eval/datetime.md):
 * now, time, relative_time, strftime, strptime. Times are epoch seconds (numbers, `_time`
 * included); the reference time and the user's time zone come from the injected clock, so results
 * never depend on the wall clock. Formats and modifiers are the ones of src/time/.
 */
import { asNumber, asString } from '../coerce.js';
import { formatTime, parseTime } from '../../time/strftime.js';
import { resolveTimeModifier } from '../../time/relative.js';
import { plain, type EvalFunction } from './define.js';

/** Epoch seconds JavaScript dates can hold (±8.64e15 ms): beyond them no calendar date exists. */
const MAX_EPOCH = 8.64e12;

const finiteTime = (t: number | null): t is number => t !== null && Number.isFinite(t) && Math.abs(t) <= MAX_EPOCH;

/** now(): the time the search started; time(): the wall clock, which splq pins to the same clock. */
const now = plain('now', [0, 0], (_, site) => site.ctx.clock.now);
const time = plain('time', [0, 0], (_, site) => site.ctx.clock.now);

/** relative_time(t, modifier): the modifier (`-1d@d`, `@w1`, `+2h`, `now`) applied to t; null if invalid. */
const relativeTime = plain('relative_time', [2, 2], ([t, modifier], site) => {
  const base = asNumber(t!);
  const spec = asString(modifier!);
  if (!finiteTime(base) || spec === null) return null;
  const result = resolveTimeModifier(spec, { now: base, zone: site.ctx.clock.zone });
  return result === undefined || !Number.isFinite(result) ? null : result;
});

/** strftime(t, format): t rendered in the user's time zone; null when t is not a number. */
const strftime = plain('strftime', [2, 2], ([t, format], site) => {
  const epoch = asNumber(t!);
  const f = asString(format!);
  if (!finiteTime(epoch) || f === null) return null;
  return formatTime(epoch, f, site.ctx.clock.zone);
});

/** strptime(str, format): epoch seconds, the text read in the user's zone unless it names one; null if it does not match. */
const strptime = plain('strptime', [2, 2], ([text, format], site) => {
  const s = asString(text!);
  const f = asString(format!);
  if (s === null || f === null) return null;
  return parseTime(s, f, site.ctx.clock.zone) ?? null;
});

export const DATETIME_FUNCTIONS: readonly EvalFunction[] = [now, time, relativeTime, strftime, strptime];

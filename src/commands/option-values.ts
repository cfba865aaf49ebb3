/**
 * Time-span option values (transaction maxspan/maxpause), read on top of `OptionReader`'s
 * booleans and numbers with the same B402 error.
 */
import type { SplError } from '../errors/spl-error.js';
import type { CommandOption } from '../spl/ast.js';
import { FIELD_COMMAND_OPTION_RULES } from './shared/option-rules.js';

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  '': 1, s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86400, day: 86400, days: 86400,
};

/**
 * `<int>[s|m|h|d]` in seconds (transaction maxspan/maxpause); a negative number means no limit
 * (-1 is Splunk's default), returned as Infinity.
 */
export function spanValue(command: string, o: CommandOption | undefined): number {
  if (!o) return Infinity;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(o.value);
  const unit = m ? UNIT_SECONDS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) throw badSpan(command, o);
  const n = Number(m[1]);
  return n < 0 ? Infinity : n * unit;
}

function badSpan(command: string, o: CommandOption): SplError {
  return FIELD_COMMAND_OPTION_RULES.invalid(command, o, 'a time span such as 30s, 5m, 2h or 1d');
}

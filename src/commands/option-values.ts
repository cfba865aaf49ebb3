/**
 * `name=value` options of a command, checked once at bind time: unknown names fail (B401), values
 * are read as Splunk's booleans, integers or time spans (B402 when they are not).
 */
import { SplError } from '../errors/spl-error.js';
import { parseBool } from '../macros/settings.js';
import type { CommandOption } from '../spl/ast.js';

/** The options by lower-case name (the last one written wins, as Splunk reads them). */
export function readOptions(command: string, options: readonly CommandOption[], allowed: readonly string[]): Map<string, CommandOption> {
  const out = new Map<string, CommandOption>();
  for (const o of options) {
    const name = o.name.toLowerCase();
    if (!allowed.includes(name)) {
      const expected = allowed.length === 0 ? 'no options' : allowed.map((a) => `${a}=`).join(', ');
      throw new SplError('B401', { command, name: o.name, expected }, { span: o.span });
    }
    out.set(name, o);
  }
  return out;
}

export function badValue(command: string, o: CommandOption, expected: string): SplError {
  return new SplError('B402', { command, name: o.name, value: o.value, expected }, { span: o.span });
}

/** true/false, t/f, yes/no, 1/0 in any case. */
export function boolValue(command: string, o: CommandOption | undefined, fallback: boolean): boolean {
  if (!o) return fallback;
  const v = o.value.trim() === '' ? undefined : parseBool(o.value);
  if (v === undefined) throw badValue(command, o, 'true or false');
  return v;
}

/** A whole number of at least `min`. */
export function intValue(command: string, o: CommandOption | undefined, fallback: number, min = 0): number {
  if (!o) return fallback;
  const v = /^[+-]?\d+$/.test(o.value.trim()) ? Number(o.value) : NaN;
  if (!Number.isSafeInteger(v) || v < min) throw badValue(command, o, `a whole number of at least ${min}`);
  return v;
}

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
  if (!m || unit === undefined) throw badValue(command, o, 'a time span such as 30s, 5m, 2h or 1d');
  const n = Number(m[1]);
  return n < 0 ? Infinity : n * unit;
}

/**
 * The syntax of relative time modifiers: offsets `[+|-]<int?><unit>`, then an optional snap
 * `@<unit>`, then more offsets (`-1d@d+2h`, `@w1`, `-70m@m`). Units and spellings follow Splunk's
 * "Time modifiers" table (spec 04 TM1); note that `m` is minutes and `mon` months.
 */

export type TimeUnit = 's' | 'm' | 'h' | 'd' | 'w' | 'mon' | 'q' | 'y';

/** A snap unit: a time unit, or a weekday (0 = Sunday ... 6 = Saturday; `w7` is Sunday too). */
export type SnapUnit = TimeUnit | { readonly weekday: number };

export interface TimeOffset {
  readonly amount: number; // signed
  readonly unit: TimeUnit;
}

export interface RelativeTime {
  readonly before: readonly TimeOffset[];
  readonly snap: SnapUnit | undefined;
  readonly after: readonly TimeOffset[];
}

const UNIT_SPELLINGS: Readonly<Record<TimeUnit, readonly string[]>> = {
  s: ['s', 'sec', 'secs', 'second', 'seconds'],
  m: ['m', 'min', 'mins', 'minute', 'minutes'],
  h: ['h', 'hr', 'hrs', 'hour', 'hours'],
  d: ['d', 'day', 'days'],
  w: ['w', 'week', 'weeks'],
  mon: ['mon', 'month', 'months'],
  q: ['q', 'qtr', 'qtrs', 'quarter', 'quarters'],
  y: ['y', 'yr', 'yrs', 'year', 'years'],
};

const UNITS = new Map<string, TimeUnit>(
  Object.entries(UNIT_SPELLINGS).flatMap(([unit, names]) => names.map((n) => [n, unit as TimeUnit])),
);

const OFFSET = /^([+-])(\d*)([a-z]+)/;
const SNAP = /^@([a-z]+\d?)/;

/**
 * Parse a relative modifier, or undefined when `text` is not one. Spellings are case-sensitive
 * (Splunk documents lower case only; `-1M` is rejected rather than guessed). Every offset needs
 * its sign, and there is at most one snap.
 */
export function parseRelativeTime(text: string): RelativeTime | undefined {
  const before: TimeOffset[] = [];
  const after: TimeOffset[] = [];
  let snap: SnapUnit | undefined;
  let rest = text;
  while (rest !== '') {
    const snapMatch = SNAP.exec(rest);
    if (snapMatch) {
      if (snap !== undefined) return undefined;
      snap = snapUnit(snapMatch[1]!);
      if (snap === undefined) return undefined;
      rest = rest.slice(snapMatch[0].length);
      continue;
    }
    const offset = parseOffset(rest);
    if (!offset) return undefined;
    (snap === undefined ? before : after).push(offset.value);
    rest = rest.slice(offset.length);
  }
  if (before.length === 0 && snap === undefined) return undefined;
  return { before, snap, after };
}

function parseOffset(text: string): { value: TimeOffset; length: number } | undefined {
  const m = OFFSET.exec(text);
  const unit = m ? UNITS.get(m[3]!) : undefined;
  if (!m || !unit) return undefined;
  const magnitude = m[2] === '' ? 1 : Number(m[2]);
  if (!Number.isSafeInteger(magnitude)) return undefined;
  return { value: { amount: m[1] === '-' ? -magnitude : magnitude, unit }, length: m[0].length };
}

function snapUnit(name: string): SnapUnit | undefined {
  const weekday = /^w([0-7])$/.exec(name);
  if (weekday) return { weekday: Number(weekday[1]) % 7 };
  return UNITS.get(name);
}

/**
 * The syntax of relative time modifiers: offsets `[+|-]<int?><unit>` and snaps `@<unit>`, applied
 * left to right (`-1d@d+2h`, `@w1`, `-70m@m`, `@d-12h@w`). Units and spellings follow Splunk's
 * "Time modifiers" table (spec 04 TM1); note that `m` is minutes and `mon` months.
 */

export type TimeUnit = 's' | 'm' | 'h' | 'd' | 'w' | 'mon' | 'q' | 'y';

/** A snap unit: a time unit, or a weekday (0 = Sunday ... 6 = Saturday; `w7` is Sunday too). */
export type SnapUnit = TimeUnit | { readonly weekday: number };

export interface TimeOffset {
  readonly amount: number; // signed
  readonly unit: TimeUnit;
}

export type RelativeStep =
  | { readonly kind: 'offset'; readonly offset: TimeOffset }
  | { readonly kind: 'snap'; readonly unit: SnapUnit };

/** The steps of a relative modifier, in the order they apply. */
export interface RelativeTime {
  readonly steps: readonly RelativeStep[];
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

/** The unit a lower-case spelling names (`min` -> `m`, `months` -> `mon`); also used by span options. */
export function timeUnitNamed(name: string): TimeUnit | undefined {
  return UNITS.get(name);
}

const OFFSET = /^([+-])(\d*)([a-z]+)/;
const SNAP = /^@([a-z]+\d?)/;

/**
 * Parse a relative modifier, or undefined when `text` is not one. Spellings are case-sensitive
 * (Splunk documents lower case only; `-1M` is rejected rather than guessed) and every offset
 * needs its sign. The spec's form is offsets, one snap, offsets; Splunk also accepts further
 * snaps between offsets (`@d-12h@w`) and two snaps in a row (`@mon@w1`), but not three.
 */
export function parseRelativeTime(text: string): RelativeTime | undefined {
  const steps: RelativeStep[] = [];
  let snapsInRow = 0;
  let rest = text;
  while (rest !== '') {
    const next = rest.startsWith('@') ? parseSnap(rest) : parseOffset(rest);
    if (!next) return undefined;
    snapsInRow = next.step.kind === 'snap' ? snapsInRow + 1 : 0;
    if (snapsInRow > MAX_SNAPS_IN_ROW) return undefined;
    steps.push(next.step);
    rest = rest.slice(next.length);
  }
  return steps.length === 0 ? undefined : { steps };
}

const MAX_SNAPS_IN_ROW = 2;

/** One step read from the front of the text, and how many characters it took. */
type Scanned = { readonly step: RelativeStep; readonly length: number } | undefined;

function parseOffset(text: string): Scanned {
  const m = OFFSET.exec(text);
  const unit = m ? UNITS.get(m[3]!) : undefined;
  if (!m || !unit) return undefined;
  const magnitude = m[2] === '' ? 1 : Number(m[2]);
  if (!Number.isSafeInteger(magnitude)) return undefined;
  const amount = m[1] === '-' ? -magnitude : magnitude;
  return { step: { kind: 'offset', offset: { amount, unit } }, length: m[0].length };
}

function parseSnap(text: string): Scanned {
  const m = SNAP.exec(text);
  if (!m) return undefined;
  const weekday = /^w([0-7])$/.exec(m[1]!);
  const unit: SnapUnit | undefined = weekday ? { weekday: Number(weekday[1]) % 7 } : UNITS.get(m[1]!);
  return unit === undefined ? undefined : { step: { kind: 'snap', unit }, length: m[0].length };
}

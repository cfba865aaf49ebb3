/**
 * Time zones: the only module that talks to luxon. Offsets are looked up once per 15-minute
 * bucket and cached, because `convert ctime`, `strftime()` and `strptime()` ask for them per row
 * (a luxon/Intl lookup costs microseconds). Splunk docs: "Specify time zones for timestamps".
 */
import { IANAZone } from 'luxon';
import { SplError } from '../errors/spl-error.js';

const MS_PER_MIN = 60_000;
const BUCKET_MS = 15 * MS_PER_MIN;
const MS_PER_DAY = 86_400_000;
const CACHE_LIMIT = 50_000;
const UTC_NAMES = new Set(['utc', 'etc/utc', 'gmt', 'etc/gmt', 'z', 'zulu', 'universal', 'etc/universal']);

interface ZoneEntry {
  readonly zone: IANAZone | undefined; // undefined = UTC fast path
  readonly offsets: Map<number, number>;
  readonly names: Map<number, string>;
}

const entries = new Map<string, ZoneEntry>();

/** True for 'UTC' and every IANA zone name the runtime knows (case-insensitive, as Intl is). */
export function validateZone(zone: string): boolean {
  return UTC_NAMES.has(zone.toLowerCase()) || IANAZone.isValidZone(zone);
}

function entryFor(zone: string): ZoneEntry {
  let entry = entries.get(zone);
  if (entry) return entry;
  if (!validateZone(zone)) throw new SplError('U002', { value: zone });
  const iana = UTC_NAMES.has(zone.toLowerCase()) ? undefined : IANAZone.create(zone);
  entry = { zone: iana, offsets: new Map(), names: new Map() };
  entries.set(zone, entry);
  return entry;
}

/** Offset of `zone` from UTC in minutes at the instant `ms` (epoch milliseconds). */
export function offsetMinutesAt(ms: number, zone: string): number {
  const entry = entryFor(zone);
  if (!entry.zone) return 0;
  const bucket = Math.floor(ms / BUCKET_MS);
  const cached = entry.offsets.get(bucket);
  if (cached !== undefined) return cached;
  const start = bucket * BUCKET_MS;
  const offset = entry.zone.offset(start);
  // Modern transitions fall on quarter hours; a bucket is cached only when it has no transition
  // inside it (historic LMT offsets such as +0:53:28 are then simply looked up each time).
  if (entry.zone.offset(start + BUCKET_MS - 1) !== offset) return entry.zone.offset(ms);
  if (entry.offsets.size >= CACHE_LIMIT) entry.offsets.clear();
  entry.offsets.set(bucket, offset);
  return offset;
}

/**
 * The instant whose wall-clock time in `zone` is `wallMs` (wall time encoded as if it were UTC).
 * Ambiguous wall times (the repeated hour when clocks go back) take the earlier instant; wall
 * times inside a gap (clocks go forward) move forward by the gap, e.g. 02:30 -> 03:30 EDT.
 */
export function wallToEpochMs(wallMs: number, zone: string): number {
  const before = offsetMinutesAt(wallMs - MS_PER_DAY, zone);
  const after = offsetMinutesAt(wallMs + MS_PER_DAY, zone);
  const early = wallMs - before * MS_PER_MIN;
  if (before === after) return early;
  const late = wallMs - after * MS_PER_MIN;
  const earlyOk = offsetMinutesAt(early, zone) === before;
  const lateOk = offsetMinutesAt(late, zone) === after;
  if (earlyOk && lateOk) return Math.min(early, late);
  if (earlyOk) return early;
  if (lateOk) return late;
  return early;
}

/**
 * Zone abbreviation at `ms` as `%Z` prints it: `UTC`, `EST`, `PDT`, `CET`, `BST`. Intl only
 * knows abbreviations per locale, so several English locales are tried; zones without one get
 * tzdata's numeric style (`+0530`, `+09`), as glibc prints them.
 */
export function zoneAbbreviation(ms: number, zone: string): string {
  const entry = entryFor(zone);
  if (!entry.zone) return 'UTC';
  const offset = offsetMinutesAt(ms, zone);
  let name = entry.names.get(offset);
  if (name === undefined) {
    name = lookupAbbreviation(entry.zone, ms) ?? numericAbbreviation(offset);
    entry.names.set(offset, name);
  }
  return name;
}

/** Locales whose short zone names cover tzdata's letter abbreviations (JST only exists in ja). */
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-IN', 'en-NZ', 'en-ZA', 'en-SG', 'ja-JP'];

function lookupAbbreviation(zone: IANAZone, ms: number): string | undefined {
  for (const locale of ABBREVIATION_LOCALES) {
    const name = zone.offsetName(ms, { format: 'short', locale });
    if (name && /^[A-Z]{2,5}$/.test(name)) return name;
  }
  return undefined;
}

function numericAbbreviation(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = abs % 60;
  return mm === 0 ? `${sign}${hh}` : `${sign}${hh}${String(mm).padStart(2, '0')}`;
}

/**
 * Offsets (minutes) of the zone abbreviations strptime's `%Z` accepts. Ambiguous ones (IST:
 * India, Ireland or Israel) are left out on purpose; IANA names are accepted separately.
 */
export const ABBREVIATION_OFFSETS: ReadonlyMap<string, number> = new Map([
  ['UTC', 0], ['GMT', 0], ['UT', 0], ['Z', 0], ['WET', 0],
  ['WEST', 60], ['BST', 60], ['CET', 60], ['CEST', 120], ['EET', 120], ['EEST', 180], ['MSK', 180],
  ['EST', -300], ['EDT', -240], ['CST', -360], ['CDT', -300], ['MST', -420], ['MDT', -360],
  ['PST', -480], ['PDT', -420], ['AKST', -540], ['AKDT', -480], ['HST', -600],
  ['JST', 540], ['KST', 540], ['AWST', 480], ['ACST', 570], ['AEST', 600], ['AEDT', 660],
  ['NZST', 720], ['NZDT', 780],
]);

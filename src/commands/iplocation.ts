/**
 * `iplocation [prefix=<string>] [allfields=<bool>] [lang=<string>] <ip-field>` (Search Reference:
 * iplocation): location fields for the IP address in a field, from a MaxMind DB file given with
 * `--geoip PATH` (splq ships no database: GeoLite2 may not be redistributed, and the freely
 * licensed DB-IP Lite city database is over 100 MB). Fields: City, Country, Region, lat, lon, and
 * with allfields=true also Continent, MetroCode, Timezone, each after `prefix`. Names come in
 * `lang` (default en, falling back to en). Both the GeoIP2/GeoLite2 City layout and the flat
 * layout of the ip-location-db packages (city, country_code, state1, latitude, longitude) are
 * read. An address the database does not know (private ranges included) gets every field empty,
 * as Splunk shows them; a result without the field is left alone.
 */
import type { Scalar } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import { MmdbReader, type MmdbValue } from '../geo/mmdb.js';
import { scalarText } from '../eval/values.js';
import type { Span } from '../spl/ast.js';
import type { IplocationCommand } from '../spl/commands/iplocation.js';
import { FIELD_COMMAND_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import { streaming, type CommandImpl } from './types.js';

const BASIC = ['City', 'Country', 'Region', 'lat', 'lon'] as const;
const ALL = ['City', 'Continent', 'Country', 'MetroCode', 'Region', 'Timezone', 'lat', 'lon'] as const;
type LocationField = (typeof ALL)[number];

export const iplocationCommand: CommandImpl<IplocationCommand> = {
  kind: 'iplocation',
  needsOrder: false,
  compile(cmd, ctx) {
    const opts = new OptionReader('iplocation', cmd.options, ['prefix', 'allfields', 'lang'], FIELD_COMMAND_OPTION_RULES);
    const names = opts.boolean('allfields', false) ? ALL : BASIC;
    const prefix = opts.get('prefix')?.value ?? '';
    const lang = opts.get('lang')?.value ?? 'en';
    if (ctx.services.geoip === undefined) throw new SplError('B406', {}, { span: cmd.span });
    const db = openDatabase(ctx.services.geoip, cmd.span);
    const field = cmd.field.name;
    return streaming((row, next) => {
      const v = row.fields.get(field);
      if (v !== undefined) {
        const ip = scalarText(Array.isArray(v) ? (v as readonly Scalar[])[0]! : (v as Scalar));
        const location = locationFields(db.lookup(ip), lang);
        for (const name of names) row.fields.set(prefix + name, location[name]);
      }
      next.push(row);
    });
  },
};

const readers = new Map<string, MmdbReader>();

/** One reader per file for the life of the process (subsearches reuse it). */
function openDatabase(path: string, span: Span): MmdbReader {
  let db = readers.get(path);
  if (!db) {
    try {
      db = MmdbReader.open(path);
    } catch (e) {
      // A missing or unreadable file (errno), or one that is not a MaxMind DB (MmdbError, RangeError).
      if (!(e instanceof Error)) throw e;
      throw new SplError('B407', { path, reason: (e as Error).message }, { span });
    }
    readers.set(path, db);
  }
  return db;
}

type Record = { readonly [key: string]: MmdbValue };

const asRecord = (v: MmdbValue | undefined): Record | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record) : undefined;

function text(v: MmdbValue | undefined): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/** `names[lang]`, else `names.en`, of a GeoIP2 place (city, country, subdivision, continent). */
function placeName(place: MmdbValue | undefined, lang: string): string {
  const names = asRecord(asRecord(place)?.['names']);
  return text(names?.[lang] ?? names?.['en']);
}

/** The location fields of a database record; every field empty when there is none. */
export function locationFields(found: MmdbValue | undefined, lang: string): { [K in LocationField]: string } {
  const r = asRecord(found) ?? {};
  const location = asRecord(r['location']);
  const subdivisions = r['subdivisions'];
  const firstSubdivision = Array.isArray(subdivisions) ? subdivisions[0] : undefined;
  return {
    City: placeName(r['city'], lang) || text(r['city']),
    Continent: placeName(r['continent'], lang) || text(r['continent_code']),
    Country: placeName(r['country'], lang) || text(r['country_code']),
    MetroCode: text(location?.['metro_code']),
    Region: placeName(firstSubdivision, lang) || text(r['state1']),
    Timezone: text(location?.['time_zone'] ?? r['timezone']),
    lat: text(location?.['latitude'] ?? r['latitude']),
    lon: text(location?.['longitude'] ?? r['longitude']),
  };
}

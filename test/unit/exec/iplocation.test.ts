/**
 * iplocation over a MaxMind DB built by the test (mmdb-writer.ts): the reader (src/geo/mmdb.ts),
 * the GeoIP2 and flat record layouts, prefix/allfields/lang, unknown addresses, and the errors
 * without --geoip or with an unreadable file. When libmaxminddb's mmdblookup is installed, the
 * test file is also checked with it, so the writer and reader are not only checked by each other.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MmdbReader, parseIp } from '../../../src/geo/mmdb.js';
import { runSearch, StageError } from '../../../src/pipeline.js';
import { buildMmdb } from './mmdb-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-geoip-'));

const CITY = {
  city: { geoname_id: 5391959, names: { en: 'San Francisco', de: 'San Francisco' } },
  continent: { code: 'NA', names: { en: 'North America', de: 'Nordamerika' } },
  country: { iso_code: 'US', names: { en: 'United States', de: 'USA' } },
  location: { latitude: 37.7749, longitude: -122.4194, metro_code: 807, time_zone: 'America/Los_Angeles' },
  subdivisions: [{ iso_code: 'CA', names: { en: 'California' } }],
};
const FLAT = { city: 'Paris', country_code: 'FR', state1: 'Ile-de-France', latitude: 48.8566, longitude: 2.3522, timezone: 'Europe/Paris' };

const v6 = join(dir, 'city6.mmdb');
writeFileSync(v6, buildMmdb(6, [['81.2.69.0/24', CITY], ['2001:db8::/32', CITY]]));
const v4 = join(dir, 'flat4.mmdb');
writeFileSync(v4, buildMmdb(4, [['1.2.3.0/24', FLAT]]));

function mmdblookup(): string | undefined {
  try {
    return execFileSync('mmdblookup', ['--file', v6, '--ip', '81.2.69.160', 'city', 'names', 'en'], { encoding: 'utf8' });
  } catch {
    return undefined;
  }
}

describe('MMDB reader', () => {
  it('reads records of an IPv6 tree for IPv4 and IPv6 addresses', () => {
    const db = MmdbReader.open(v6);
    expect(db.metadata).toMatchObject({ recordSize: 24, ipVersion: 6, databaseType: 'splq-Test-City' });
    expect(db.lookup('81.2.69.160')).toMatchObject({ city: { names: { en: 'San Francisco' } } });
    expect(db.lookup('2001:db8::1')).toMatchObject({ country: { iso_code: 'US' } });
    expect(db.lookup('10.0.0.1')).toBeUndefined();
    expect(db.lookup('not an ip')).toBeUndefined();
  });

  it('parses IPv6 forms', () => {
    expect([...parseIp('::ffff:1.2.3.4')!].slice(10)).toEqual([255, 255, 1, 2, 3, 4]);
    expect(parseIp('1::2::3')).toBeUndefined();
    expect(parseIp('256.1.1.1')).toBeUndefined();
  });

  it.runIf(mmdblookup() !== undefined)('writes files libmaxminddb reads the same way', () => {
    expect(mmdblookup()).toContain('"San Francisco"');
  });
});

async function run(spl: string, events: unknown[], geoip?: string) {
  const file = join(dir, `ev-${Math.random().toString(36).slice(2)}.ndjson`);
  writeFileSync(file, events.map((e) => JSON.stringify(e)).join('\n'));
  const result = await runSearch({
    query: { text: spl, name: '<query>' },
    macros: { defaultMacros: false, macroPaths: [], inlineMacros: [], strictMacros: false },
    inputs: [file],
    read: {},
    clock: { now: 1717200000, zone: 'UTC' },
    geoip,
  });
  return result.results.rows.map((r) => Object.fromEntries(r));
}

describe('iplocation', () => {
  it('adds City, Country, Region, lat, lon from a GeoIP2 City record', async () => {
    const rows = await run('* | iplocation src | table src City Country Region lat lon', [{ src: '81.2.69.160' }], v6);
    expect(rows).toEqual([{ src: '81.2.69.160', City: 'San Francisco', Country: 'United States', Region: 'California', lat: '37.7749', lon: '-122.4194' }]);
  });

  it('allfields, prefix and lang', async () => {
    const rows = await run('* | iplocation prefix=g_ allfields=true lang=de src | fields g_*', [{ src: '81.2.69.1' }], v6);
    expect(rows[0]).toMatchObject({ g_City: 'San Francisco', g_Continent: 'Nordamerika', g_Country: 'USA', g_MetroCode: '807', g_Region: 'California', g_Timezone: 'America/Los_Angeles' });
  });

  it('reads the flat ip-location-db layout', async () => {
    const rows = await run('* | iplocation src | table City Country Region lat lon', [{ src: '1.2.3.4' }], v4);
    expect(rows).toEqual([{ City: 'Paris', Country: 'FR', Region: 'Ile-de-France', lat: '48.8566', lon: '2.3522' }]);
  });

  it('sets the fields empty for an unknown address and leaves results without the field alone', async () => {
    const rows = await run('* | iplocation src | table src City lat', [{ src: '10.1.1.1' }, { other: 'x' }], v6);
    expect(rows).toEqual([{ src: '10.1.1.1', City: '', lat: '' }, {}]);
  });

  it('fails at bind time without --geoip, and with an unreadable file', async () => {
    await expect(run('* | iplocation src', [{ src: '1.2.3.4' }])).rejects.toSatisfy((e: unknown) => e instanceof StageError && e.error.code === 'B406');
    await expect(run('* | iplocation src', [{ src: '1.2.3.4' }], join(dir, 'missing.mmdb'))).rejects.toSatisfy(
      (e: unknown) => e instanceof StageError && e.error.code === 'B407',
    );
  });
});

// Lookup definitions (src/lookups/definition.ts, read-definitions.ts): transforms.conf stanzas and
// security_content YAML, with transforms.conf.spec defaults.
import { describe, expect, it } from 'vitest';
import { parseMatchTypes } from '../../../src/lookups/definition.js';
import { parseDefinitionYaml, parseTransformsConf } from '../../../src/lookups/read-definitions.js';

describe('match_type', () => {
  it.each([
    ['WILDCARD(process)', { process: 'wildcard' }],
    ['WILDCARD(a),WILDCARD(b)', { a: 'wildcard', b: 'wildcard' }],
    ['WILDCARD(a), CIDR(ip)', { a: 'wildcard', ip: 'cidr' }],
    ['cidr( ip ) EXACT(x)', { ip: 'cidr' }],
    ['', {}],
  ])('%s', (text, expected) => {
    const problems: string[] = [];
    expect(Object.fromEntries(parseMatchTypes(text, problems))).toEqual(expected);
    expect(problems).toEqual([]);
  });

  it('reports text that is not a list of match types', () => {
    const problems: string[] = [];
    parseMatchTypes('WILDCARD(a) FUZZY(b)', problems);
    expect(problems).toHaveLength(1);
  });
});

describe('transforms.conf', () => {
  const text = [
    '# comment',
    'filename = ignored_before_any_stanza.csv',
    '[default]',
    'filename = ignored.csv',
    '[users]',
    'filename = ../../etc/users.csv',
    'case_sensitive_match = false',
    'max_matches = 5000',
    'min_matches = 1',
    'default_match = none',
    '[nets]',
    'filename = nets.csv',
    'match_type = CIDR(cidr), \\',
    '  WILDCARD(name)',
    '[extract]',
    'REGEX = (\\w+)',
    '[kv]',
    'external_type = kvstore',
    'fields_list = _key, a',
    '[script]',
    'external_cmd = dnslookup.py clienthost clientip',
    '[bad]',
    'filename = bad.csv',
    'max_matches = many',
  ].join('\n');
  const defs = Object.fromEntries(parseTransformsConf(text, 'transforms.conf', '/app/default').map((d) => [d.name, d]));

  it('keeps lookup stanzas only', () => {
    expect(Object.keys(defs)).toEqual(['users', 'nets', 'kv', 'script', 'bad']);
  });

  it('strips a path from filename and applies the settings (max_matches capped at 1000)', () => {
    expect(defs.users).toMatchObject({ filename: 'users.csv', caseSensitive: false, maxMatches: 1000, minMatches: 1, defaultMatch: 'none', origin: 'transforms.conf:5' });
  });

  it('has the spec defaults', () => {
    expect(defs.nets).toMatchObject({ caseSensitive: true, maxMatches: 100, minMatches: 0, defaultMatch: '' });
    expect(Object.fromEntries(defs.nets!.matchTypes)).toEqual({ cidr: 'cidr', name: 'wildcard' });
  });

  it('KV store and scripted lookups', () => {
    expect(defs.kv).toMatchObject({ collection: 'kv', unusable: undefined });
    expect(defs.script!.unusable).toContain('dnslookup.py clienthost clientip');
  });

  it('time-bounded and geospatial lookups are marked unusable', () => {
    const more = parseTransformsConf('[t]\nfilename = t.csv\ntime_field = ts\n[g]\nexternal_type = geo\nfilename = g.kmz\n', 'x.conf', '/d');
    expect(more.map((d) => d.unusable)).toEqual(['time-bounded lookups (time_field) are not supported yet', 'geospatial lookups are not supported']);
  });

  it('a bad value is kept as a problem for when the lookup is used', () => {
    expect(defs.bad!.problem).toContain('max_matches');
  });
});

describe('security_content lookup YAML', () => {
  it('reads the settings, quoted booleans and numbers included', () => {
    const text = "name: ioc\nfilename: ioc2024.csv\nmatch_type: WILDCARD(domain)\ncase_sensitive_match: 'false'\nmin_matches: 1\nmax_matches: 1\ndefault_match: 'false'\n";
    expect(parseDefinitionYaml(text, 'ioc.yml', '/repo/lookups')).toMatchObject({
      name: 'ioc', filename: 'ioc2024.csv', caseSensitive: false, minMatches: 1, maxMatches: 1, defaultMatch: 'false', origin: 'ioc.yml',
    });
  });

  it('a KV store definition reads from its collection', () => {
    expect(parseDefinitionYaml('name: seen\ncollection: seen_coll\nfields_list: a, b\n', 'seen.yml', '/r')).toMatchObject({ collection: 'seen_coll' });
  });

  it('falls back to reading lines when the YAML does not parse', () => {
    expect(parseDefinitionYaml("name: 'odd'\nfilename: odd.csv\ndescription: [unclosed\n", 'odd.yml', '/r')).toMatchObject({ name: 'odd', filename: 'odd.csv' });
  });

  it('a YAML without filename or collection defines no lookup', () => {
    expect(parseDefinitionYaml('name: x\ndescription: y\n', 'x.yml', '/r')).toBeUndefined();
  });
});

/**
 * A lookup definition: a transforms.conf lookup stanza or a security_content lookup YAML, as one
 * shape. Settings and defaults follow transforms.conf.spec ("Lookup tables"): `filename` (a path
 * is stripped to its last segment), `collection` (KV store), `match_type` (a comma/space list of
 * `WILDCARD(f)`, `CIDR(f)`, `EXACT(f)`), `case_sensitive_match` (default true), `min_matches`
 * (default 0), `max_matches` (1-1000, default 100 for lookups without `time_field`),
 * `default_match` (default empty).
 */

export type MatchType = 'exact' | 'wildcard' | 'cidr';

export interface LookupDefinition {
  readonly name: string;
  /** The CSV file name (no directory), for file-based lookups. */
  readonly filename?: string;
  /** KV store collection; offline it is read from `<collection>.csv` (see store.ts). */
  readonly collection?: string;
  /** Why it cannot be used offline: a scripted, geospatial or time-bounded lookup. */
  readonly unusable?: string;
  /** Non-exact match types by lookup field name. */
  readonly matchTypes: ReadonlyMap<string, MatchType>;
  readonly caseSensitive: boolean;
  readonly minMatches: number;
  readonly maxMatches: number;
  readonly defaultMatch: string;
  /** Where it was defined, for messages (`file` or `file:line`). */
  readonly origin: string;
  /** The folder of the defining file: the CSV is looked for there first. */
  readonly dir: string;
  /** A setting with a bad value; reported when the lookup is used, not when the folder is read. */
  readonly problem?: string;
}

/** Settings that make a stanza a lookup definition. */
export const LOOKUP_KEYS = ['filename', 'collection', 'external_cmd', 'external_type'] as const;

const DEFAULT_MAX_MATCHES = 100;

/** Matching rules of a lookup with no definition: a plain CSV file used by name. */
export const PLAIN_MATCHING = {
  matchTypes: new Map<string, MatchType>() as ReadonlyMap<string, MatchType>,
  caseSensitive: true,
  minMatches: 0,
  maxMatches: DEFAULT_MAX_MATCHES,
  defaultMatch: '',
};

/** Build a definition from its settings (values as written: YAML numbers become text). */
export function definitionFrom(
  name: string,
  settings: ReadonlyMap<string, string>,
  origin: string,
  dir: string,
): LookupDefinition {
  const problems: string[] = [];
  const get = (key: string): string | undefined => settings.get(key)?.trim();
  const matchTypes = parseMatchTypes(get('match_type') ?? '', problems);
  const caseSensitive = parseBoolean(get('case_sensitive_match'), true, 'case_sensitive_match', problems);
  const minMatches = parseCount(get('min_matches'), 0, 0, 'min_matches', problems);
  const maxMatches = parseCount(get('max_matches'), DEFAULT_MAX_MATCHES, 1, 'max_matches', problems);
  const filename = get('filename');
  const type = get('external_type')?.toLowerCase();
  const kvstore = type === 'kvstore' || settings.has('collection');
  return {
    name,
    filename: filename ? filename.split(/[\\/]/).pop() : undefined,
    collection: kvstore ? get('collection') || name : undefined,
    unusable: kvstore ? undefined : unusableReason(type, get('external_cmd'), get('time_field')),
    matchTypes,
    caseSensitive,
    minMatches,
    maxMatches: Math.min(maxMatches, 1000),
    defaultMatch: settings.get('default_match') ?? '',
    origin,
    dir,
    problem: problems.length > 0 ? problems.join('; ') : undefined,
  };
}

function unusableReason(type?: string, command?: string, timeField?: string): string | undefined {
  if (type === 'geo' || type === 'geo_hex') return 'geospatial lookups are not supported';
  if (command) return `it runs the script "${command}"`;
  if (timeField) return 'time-bounded lookups (time_field) are not supported yet';
  return undefined;
}

/**
 * `WILDCARD(domain), CIDR(ip)` → domain: wildcard, ip: cidr. Separators are commas and spaces
 * (the corpus writes both `WILDCARD(a),WILDCARD(b)` and `WILDCARD(a), WILDCARD(b)`).
 */
export function parseMatchTypes(text: string, problems: string[] = []): Map<string, MatchType> {
  const types = new Map<string, MatchType>();
  const rest = text.replace(/\b(WILDCARD|CIDR|EXACT)\s*\(\s*([^()]*?)\s*\)/gi, (_, kind: string, field: string) => {
    types.set(field, kind.toLowerCase() as MatchType);
    return '';
  });
  if (rest.replace(/[\s,]/g, '') !== '') {
    problems.push(`match_type "${text}" is not a list of WILDCARD(<field>), CIDR(<field>) or EXACT(<field>)`);
  }
  for (const [field, kind] of types) if (kind === 'exact') types.delete(field);
  return types;
}

const TRUE = /^(1|true|t|yes|y)$/i;
const FALSE = /^(0|false|f|no|n)$/i;

function parseBoolean(value: string | undefined, fallback: boolean, key: string, problems: string[]): boolean {
  if (value === undefined || value === '') return fallback;
  if (TRUE.test(value)) return true;
  if (FALSE.test(value)) return false;
  problems.push(`${key} must be true or false, not "${value}"`);
  return fallback;
}

function parseCount(value: string | undefined, fallback: number, min: number, key: string, problems: string[]): number {
  if (value === undefined || value === '') return fallback;
  if (/^\d+$/.test(value) && Number(value) >= min) return Number(value);
  problems.push(`${key} must be an integer of at least ${min}, not "${value}"`);
  return fallback;
}

/**
 * Independent reference implementation of the ESCU "Amazon EKS Kubernetes Pod scan detection" over
 * HEC NDJSON, written straight from the spec (06 J2/J4, 03 T2/T3/T8/T14, 04 C1/TF1, 07 O1/O3) to
 * cross-check the engine. It must never import engine code: it is the second opinion.
 *
 *   sourcetype="aws:cloudwatchlogs:eks" "user.username"="system:anonymous" verb=list
 *   objectRef.resource=pods requestURI="/api/v1/pods" | rename source as cluster_name sourceIPs{} as src_ip
 *   | stats count min(_time) as firstTime max(_time) as lastTime values(responseStatus.reason)
 *     values(responseStatus.code) values(userAgent) values(verb) values(requestURI)
 *     by src_ip cluster_name user.username user.groups{}
 *   | convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(lastTime) | ... ctime(firstTime) | search *
 */

export type ReferenceRow = Record<string, string | string[]>;

/** Flattened fields: name -> every leaf value's text, in document order (spec 06 J2-J4). */
type Fields = Map<string, string[]>;

function addLeaf(fields: Fields, name: string, text: string): void {
  const list = fields.get(name);
  if (list) list.push(text);
  else fields.set(name, [text]);
}

function flatten(value: unknown, name: string, fields: Fields): void {
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, `${name}{}`, fields);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, name === '' ? key : `${name}.${key}`, fields);
  } else if (name !== '') {
    // Strings as decoded; numbers/booleans/null as their JSON text (integers round-trip exactly).
    addLeaf(fields, name, typeof value === 'string' ? value : JSON.stringify(value));
  }
}

/** One event: its fields (payload flattened plus `source`/`sourcetype`) and `_time`. */
interface RefEvent {
  fields: Fields;
  time: number;
}

function parseLine(line: string): RefEvent | undefined {
  const envelope = JSON.parse(line) as Record<string, unknown>;
  // An HEC envelope: `event` plus at least one metadata key; anything else has no sourcetype here.
  if (envelope === null || typeof envelope !== 'object' || !('event' in envelope)) return undefined;
  if (!['time', 'host', 'source', 'sourcetype', 'index'].some((k) => k in envelope)) return undefined;
  const fields: Fields = new Map();
  flatten(envelope.event, '', fields);
  for (const meta of ['source', 'sourcetype', 'host', 'index'] as const) {
    if (typeof envelope[meta] === 'string') fields.set(meta, [envelope[meta] as string]);
  }
  return { fields, time: Number(envelope.time) };
}

/** field=value in a search: case-insensitive whole-value match on any value (spec 01). */
function matches(fields: Fields, name: string, wanted: string): boolean {
  const lower = wanted.toLowerCase();
  return (fields.get(name) ?? []).some((v) => v.toLowerCase() === lower);
}

const CONDITIONS: ReadonlyArray<readonly [string, string]> = [
  ['sourcetype', 'aws:cloudwatchlogs:eks'],
  ['user.username', 'system:anonymous'],
  ['verb', 'list'],
  ['objectRef.resource', 'pods'],
  ['requestURI', '/api/v1/pods'],
];

/** Byte-order (UTF-8) comparison, as Splunk sorts values() and stats groups (spec 03 T3, T14). */
function byteCompare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

const VALUE_FIELDS = ['responseStatus.reason', 'responseStatus.code', 'userAgent', 'verb', 'requestURI'] as const;

interface Group {
  key: string[];
  count: number;
  min: number;
  max: number;
  values: Map<string, Set<string>>;
}

/** Every combination of BY values (cross-product; an empty list drops the event, spec 03 T2). */
function byCombinations(lists: string[][]): string[][] {
  return lists.reduce<string[][]>((acc, list) => acc.flatMap((prefix) => list.map((v) => [...prefix, v])), [[]]);
}

function addToGroups(groups: Map<string, Group>, event: RefEvent): void {
  const f = event.fields;
  // rename source as cluster_name, sourceIPs{} as src_ip
  const byLists = [f.get('sourceIPs{}') ?? [], f.get('source') ?? [], f.get('user.username') ?? [], f.get('user.groups{}') ?? []];
  for (const key of byCombinations(byLists)) {
    const id = JSON.stringify(key);
    let g = groups.get(id);
    if (!g) {
      g = { key, count: 0, min: Infinity, max: -Infinity, values: new Map(VALUE_FIELDS.map((n) => [n, new Set<string>()])) };
      groups.set(id, g);
    }
    g.count += 1;
    g.min = Math.min(g.min, event.time);
    g.max = Math.max(g.max, event.time);
    for (const name of VALUE_FIELDS) for (const v of f.get(name) ?? []) g.values.get(name)!.add(v);
  }
}

/** convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(x) in UTC; the fraction is truncated (spec 04 C2). */
function ctime(epoch: number): string {
  return new Date(Math.floor(epoch) * 1000).toISOString().slice(0, 19);
}

function toRow(g: Group): ReferenceRow {
  const row: ReferenceRow = {
    src_ip: g.key[0],
    cluster_name: g.key[1],
    'user.username': g.key[2],
    'user.groups{}': g.key[3],
    count: String(g.count),
    firstTime: ctime(g.min),
    lastTime: ctime(g.max),
  };
  for (const name of VALUE_FIELDS) {
    const sorted = [...g.values.get(name)!].sort(byteCompare);
    // REST JSON: one value is a plain string, several an array, none = key omitted (spec 07 O1, O3).
    if (sorted.length === 1) row[`values(${name})`] = sorted[0];
    else if (sorted.length > 1) row[`values(${name})`] = sorted;
  }
  return row;
}

function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = byteCompare(a[i], b[i]);
    if (c !== 0) return c;
  }
  return 0;
}

/** The detection's result rows for HEC NDJSON text (blank lines and non-envelope objects skipped). */
export function referenceSeedRows(ndjsonText: string): ReferenceRow[] {
  const groups = new Map<string, Group>();
  for (const line of ndjsonText.split('\n')) {
    if (line.trim() === '') continue;
    const event = parseLine(line);
    if (event && CONDITIONS.every(([name, value]) => matches(event.fields, name, value))) addToGroups(groups, event);
  }
  return [...groups.values()].sort((a, b) => compareKeys(a.key, b.key)).map(toRow);
}

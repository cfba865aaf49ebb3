/**
 * RawEvent -> Row: the default fields (spec 06 J7) then the JSON fields as KV_MODE=json names them
 * (J2-J4). Default fields win over JSON keys of the same name: a JSON `host`, `source`,
 * `sourcetype` or `index` is dropped (J7), and so are JSON `_raw`, `_time`, `linecount` and
 * `splunk_server` — `_time` is the event's extracted time (a JSON `_time` is one of the places it
 * is read from, see event-time.ts), never a second, textual value.
 */
import type { FieldValue, RawEvent, Row, Scalar } from './event.js';
import { addLeaf, flattenFiltered, JsonTooDeep, MAX_JSON_DEPTH, memberKeys, pathPrefixes, type FlattenFilter } from './flatten.js';
import type { InputProblem } from './records.js';
import { flattenJsonText } from './flatten-text.js';

export interface ExtractOptions {
  /** Materialise only these JSON/indexed field names (null or absent = all); defaults always. */
  readonly wanted?: ReadonlySet<string> | null;
  /** Value of `splunk_server` (default `splq`). */
  readonly splunkServer?: string;
  /** Told of an event whose JSON is nested too deep to extract (I703): it keeps only the default fields. */
  readonly onProblem?: (problem: InputProblem) => void;
}

/** Field names the event itself defines; JSON keys with these names are dropped. */
export const DEFAULT_FIELD_NAMES: ReadonlySet<string> = new Set([
  '_raw',
  '_time',
  'host',
  'source',
  'sourcetype',
  'index',
  'linecount',
  'splunk_server',
]);

const ALL_BUT_DEFAULTS: FlattenFilter = { wanted: null, skip: DEFAULT_FIELD_NAMES };

/** Count of `\n` in the text plus one (J7 `linecount`). */
export function lineCount(raw: string): number {
  let n = 1;
  for (let i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) n++;
  return n;
}

function addDefaults(fields: Map<string, FieldValue>, ev: RawEvent, splunkServer: string, wanted: ReadonlySet<string> | null): void {
  fields.set('_raw', ev.raw);
  if (ev.time !== undefined) fields.set('_time', ev.time);
  // Under projection only the defaults the search reads are set (linecount costs a scan of _raw).
  const want = (name: string): boolean => wanted === null || wanted.has(name);
  if (want('host')) fields.set('host', ev.meta.host);
  if (want('source')) fields.set('source', ev.meta.source);
  if (want('sourcetype')) fields.set('sourcetype', ev.meta.sourcetype);
  if (want('index')) fields.set('index', ev.meta.index);
  if (want('linecount')) fields.set('linecount', String(lineCount(ev.raw)));
  if (want('splunk_server')) fields.set('splunk_server', splunkServer);
}

/** HEC `fields`, then JSON fields with the same name join them as a multivalue field (J3). */
function addIndexed(fields: Map<string, FieldValue>, ev: RawEvent, filter: FlattenFilter): void {
  if (ev.indexedFields === undefined) return;
  for (const [name, value] of ev.indexedFields) {
    if (filter.wanted !== null && !filter.wanted.has(name)) continue;
    if (DEFAULT_FIELD_NAMES.has(name)) continue;
    // Copied: the flattener may append to a multivalue array in place.
    fields.set(name, Array.isArray(value) ? [...(value as readonly Scalar[])] : value);
  }
}

function startFields(ev: RawEvent, options: ExtractOptions, filter: FlattenFilter): Map<string, FieldValue> {
  const fields = new Map<string, FieldValue>();
  addDefaults(fields, ev, options.splunkServer ?? 'splq', filter.wanted);
  addIndexed(fields, ev, filter);
  return fields;
}

/** One filter per wanted set (the executor passes the same set for every event). */
let lastWanted: ReadonlySet<string> | null = null;
let lastFilter: FlattenFilter = ALL_BUT_DEFAULTS;

/**
 * The filter extraction uses for a wanted set (the same object for the same set), also given to the
 * reader so it picks out those leaves while it validates each line (ReadOptions.projection).
 */
export function projectionFilter(wanted: ReadonlySet<string>): FlattenFilter {
  if (wanted !== lastWanted) {
    lastWanted = wanted;
    const prefixes = pathPrefixes(wanted);
    lastFilter = { wanted, skip: DEFAULT_FIELD_NAMES, prefixes, memberKeys: memberKeys(wanted, prefixes) };
  }
  return lastFilter;
}

/**
 * The fields of one event, in order: defaults, HEC indexed fields, flattened JSON. The JSON is
 * flattened from `raw` (its text), which keeps numbers as written (J4); the parsed `json` is used
 * only when `raw` is not JSON text (a hand-built event).
 */
export function extractFields(ev: RawEvent, options: ExtractOptions = {}): Row {
  const wanted = options.wanted ?? null;
  const filter = wanted === null ? ALL_BUT_DEFAULTS : projectionFilter(wanted);
  try {
    return extractJson(ev, options, filter);
  } catch (e) {
    if (!(e instanceof JsonTooDeep)) throw e;
    const { file, line } = ev.origin;
    options.onProblem?.({ code: 'I703', file, line, reason: e.message, params: { limit: MAX_JSON_DEPTH } });
    return { fields: startFields(ev, options, filter), seq: ev.seq };
  }
}

function extractJson(ev: RawEvent, options: ExtractOptions, filter: FlattenFilter): Row {
  const fields = startFields(ev, options, filter);
  const leaves = ev.leaves;
  if (leaves !== undefined && ev.leafFilter === filter) {
    // The reader already walked the text under this projection.
    for (let i = 0; i < leaves.length; i += 2) addLeaf(fields, leaves[i]!, leaves[i + 1]!, filter);
    return { fields, seq: ev.seq };
  }
  // Known JSON text is flattened without looking at `json`, which may not even be parsed yet.
  if (ev.jsonText !== true && !isStructured(ev.json)) return { fields, seq: ev.seq };
  if (flattenJsonText(ev.raw, fields, filter)) return { fields, seq: ev.seq };
  // `raw` is not the JSON text (a hand-built event): flatten the value instead.
  const fresh = startFields(ev, options, filter);
  flattenFiltered(ev.json as object, fresh, filter);
  return { fields: fresh, seq: ev.seq };
}

function isStructured(json: unknown): json is object {
  return typeof json === 'object' && json !== null;
}

/**
 * Nested JSON -> flat field names, as Splunk's KV_MODE=json / spath name them (spec 06 J2-J4):
 * object keys join with `.`, an array adds `{}` to the key holding it (`tags{}`, `items{}.id`,
 * `m{}{}`), only leaves become values, and several leaves on one name make a multivalue field in
 * document order (J3), collisions such as `{"a.b":1,"a":{"b":2}}` included.
 *
 * This walks a JSON.parse value, so numbers come out as JavaScript prints them (`1.5` for `1.50`);
 * flatten-text.ts walks the JSON text instead and keeps numbers as written (J4). Fields go into a
 * Map, so keys such as `__proto__` or `constructor` are ordinary names.
 */
import type { FieldValue, Scalar } from './event.js';

/** Which names to materialise: `wanted` (null = all) minus `skip` (null = none). */
export interface FlattenFilter {
  readonly wanted: ReadonlySet<string> | null;
  readonly skip: ReadonlySet<string> | null;
  /** With `wanted`: the names a wanted field's path passes through (`user` for `user.name`). */
  readonly prefixes?: ReadonlySet<string>;
  /**
   * With `wanted`: per object path (ROOT_PATH for the document), the member keys that lead to a
   * wanted name, so a text walker tests a key without building the member's full name first.
   */
  readonly memberKeys?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The key of the document root in `memberKeys` (no field name is empty). */
export const ROOT_PATH = '';

/**
 * For each object path, the keys under it that lead to a wanted name: `user` -> {`username`} for
 * `user.username`. Keys may hold dots (`annotations.authorization.k8s.io/decision`), so each
 * wanted or prefix name is listed under every shorter prefix it extends, with its whole remainder.
 */
export function memberKeys(wanted: ReadonlySet<string>, prefixes: ReadonlySet<string>): ReadonlyMap<string, ReadonlySet<string>> {
  const out = new Map<string, Set<string>>();
  const add = (path: string, key: string): void => {
    let keys = out.get(path);
    if (!keys) out.set(path, (keys = new Set()));
    keys.add(key);
  };
  for (const name of [...wanted, ...prefixes]) {
    add(ROOT_PATH, name);
    for (const path of prefixes) if (name.length > path.length + 1 && name.startsWith(path) && name[path.length] === '.') add(path, name.slice(path.length + 1));
  }
  return out;
}

/** Every proper prefix of the wanted names at member/element granularity: `a`, `a{}` for `a{}.b`. */
export function pathPrefixes(wanted: ReadonlySet<string>): ReadonlySet<string> {
  const out = new Set<string>();
  for (const name of wanted) {
    for (let i = 1; i < name.length; i++) {
      const c = name[i];
      if (c === '.' || (c === '{' && name[i + 1] === '}')) out.add(name.slice(0, i));
      if (c === '}' && name[i - 1] === '{' && i + 1 < name.length) out.add(name.slice(0, i + 1));
    }
  }
  return out;
}

/**
 * Nesting (objects and arrays) the flatteners follow. Deeper JSON throws JsonTooDeep: recursion
 * that deep could overflow the stack, and the event is kept with `_raw` only, reported (I703).
 */
export const MAX_JSON_DEPTH = 1000;

/** Thrown by the flatteners past MAX_JSON_DEPTH. */
export class JsonTooDeep extends Error {
  constructor() {
    super(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/** No filtering: every leaf becomes a field. */
export const ALL_FIELDS: FlattenFilter = { wanted: null, skip: null };

/**
 * Add one leaf under `name`; a second leaf on the same name makes (or extends) a multivalue field.
 * Arrays already in `into` are extended in place, so they must belong to the caller's row. An empty
 * name (the key `""` at the top level) is no field: SPL has no way to name it.
 */
export function addLeaf(into: Map<string, FieldValue>, name: string, value: string, filter: FlattenFilter): void {
  if (name.length === 0) return;
  if (filter.wanted !== null && !filter.wanted.has(name)) return;
  if (filter.skip !== null && filter.skip.has(name)) return;
  const prev = into.get(name);
  if (prev === undefined) into.set(name, value);
  else if (Array.isArray(prev)) (prev as Scalar[]).push(value);
  else into.set(name, [prev as Scalar, value]);
}

/** The name of member `key` under `prefix`; null is the document root. */
export function memberName(prefix: string | null, key: string): string {
  return prefix === null ? key : prefix + '.' + key;
}

/** The name of the elements of an array held at `prefix` (`tags` -> `tags{}`; root -> `{}`). */
export function elementName(prefix: string | null): string {
  return prefix === null ? '{}' : prefix + '{}';
}

function walk(value: unknown, name: string | null, into: Map<string, FieldValue>, filter: FlattenFilter, depth = 0): void {
  if (value === null) {
    if (name !== null) addLeaf(into, name, 'null', filter);
    return;
  }
  switch (typeof value) {
    case 'string':
      if (name !== null) addLeaf(into, name, value, filter);
      return;
    case 'number':
    case 'boolean':
    case 'bigint':
      if (name !== null) addLeaf(into, name, String(value), filter);
      return;
    case 'object':
      if (depth >= MAX_JSON_DEPTH) throw new JsonTooDeep();
      walkContainer(value as object, name, into, filter, depth + 1);
      return;
    default:
      return;
  }
}

function walkContainer(value: object, name: string | null, into: Map<string, FieldValue>, filter: FlattenFilter, depth: number): void {
  if (Array.isArray(value)) {
    const child = elementName(name);
    for (let i = 0; i < value.length; i++) walk(value[i], child, into, filter, depth);
    return;
  }
  const record = value as Record<string, unknown>;
  // Object.keys: own enumerable keys only, so an own `__proto__` key from JSON.parse is just a key.
  for (const key of Object.keys(record)) walk(record[key], memberName(name, key), into, filter, depth);
}

/** Flatten a JSON.parse value into `into` (J2-J4); a scalar root has no name and gives nothing. */
export function flattenJson(value: unknown, into: Map<string, FieldValue>): void {
  walk(value, null, into, ALL_FIELDS);
}

/** As flattenJson, materialising only the names in `wanted` (null = all). */
export function flattenProjected(
  value: unknown,
  wanted: ReadonlySet<string> | null,
  into: Map<string, FieldValue>,
): void {
  walk(value, null, into, wanted === null ? ALL_FIELDS : { wanted, skip: null });
}

/** As flattenJson, with an explicit filter (extraction uses `skip` for the default fields). */
export function flattenFiltered(value: unknown, into: Map<string, FieldValue>, filter: FlattenFilter): void {
  walk(value, null, into, filter);
}

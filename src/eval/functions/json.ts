/**
 * JSON functions (Search Reference 10.0, "JSON functions"; rules and doc examples in
 * docs/eval/json.md): json, json_valid, json_object, json_array, json_keys, json_entries,
 * json_extract, json_extract_exact, json_set, json_set_exact, json_append, json_extend,
 * json_delete, json_has_key_exact, json_array_to_mv. Documents are parsed per call by
 * json-text.ts (numbers keep their text, objects are Maps) and written back compactly.
 */
import { asString, fromList, valuesList } from '../coerce.js';
import type { EvalScalar, EvalValue } from '../types.js';
import { formatNumber, scalarText } from '../values.js';
import { lazy, plain, VARIADIC, type CallSite, type EvalFunction } from './define.js';
import {
  JSON_NULL, parseJson, parsePath, selectPath, stringifyJson, updatePath, type JsonNode, type PathStep,
} from './json-text.js';

/** The JSON document a value holds (its first value when multivalue), or undefined. */
function documentOf(v: EvalValue): JsonNode | undefined {
  const text = asString(v);
  return text === null ? undefined : parseJson(text);
}

/** A JSON object or array written in a string, for values built by other JSON functions. */
function embedded(text: string): JsonNode | undefined {
  const c = text.trimStart()[0];
  if (c !== '{' && c !== '[') return undefined;
  const node = parseJson(text);
  return node && (node.kind === 'obj' || node.kind === 'arr') ? node : undefined;
}

/**
 * An eval value as a JSON value. Why `literal`: Splunk carries a JSON type that our string values
 * lack, so `json_object("a", json_array(1))` must nest the array while `json_object("a", "[1]")`
 * keeps a string; a string literal is always a string, any other string holding a JSON object or
 * array is nested (the doc nests a field holding json_array output).
 */
export function toJsonNode(v: EvalValue, literal = false): JsonNode {
  if (v === null) return JSON_NULL;
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'num', text: formatNumber(v) } : JSON_NULL;
  if (typeof v === 'string') return (literal ? undefined : embedded(v)) ?? { kind: 'str', value: v };
  return { kind: 'arr', items: (v as readonly EvalScalar[]).map((x) => toJsonNode(x)) };
}

/** A JSON value as an eval value: scalars as their text (JSON booleans as "true"/"false"). */
export function fromJsonNode(node: JsonNode): EvalValue {
  switch (node.kind) {
    case 'null': return null;
    case 'bool': return node.value ? 'true' : 'false';
    case 'num': return node.text;
    case 'str': return node.value;
    default: return stringifyJson(node);
  }
}

function isStringLiteral(site: CallSite, i: number): boolean {
  const arg = site.args[i];
  return arg?.kind === 'Literal' && typeof arg.value === 'string';
}

function requirePairs(site: CallSite, name: string, skip: number): void {
  if ((site.args.length - skip) % 2 !== 0) site.fail(`${name}() takes pairs of ${skip ? 'path and value' : 'key and value'}`);
}

const pathCache = new Map<string, PathStep[] | undefined>();

function pathSteps(path: string): PathStep[] | undefined {
  if (pathCache.has(path)) return pathCache.get(path);
  const steps = parsePath(path);
  if (pathCache.size > 1000) pathCache.clear();
  pathCache.set(path, steps);
  return steps;
}

/** json_extract / json_extract_exact: one path gives its value, several a JSON array of them. */
function extract(name: string, stepsOf: (path: string) => PathStep[] | undefined): EvalFunction {
  return plain(name, [1, VARIADIC], ([json, ...paths]) => {
    const doc = documentOf(json!);
    if (!doc) return null;
    if (paths.length === 0) return fromJsonNode(doc);
    const found = paths.map((p) => {
      const steps = stepsOf(asString(p!) ?? '');
      return steps ? selectPath(doc, steps) : undefined;
    });
    if (found.length === 1) return found[0] ? fromJsonNode(found[0]) : null;
    return stringifyJson({ kind: 'arr', items: found.map((n) => n ?? JSON_NULL) });
  });
}

const jsonObject = lazy('json_object', [0, VARIADIC], (args, site) => {
  requirePairs(site, 'json_object', 0);
  return (row) => {
    const members = new Map<string, JsonNode>();
    for (let i = 0; i < args.length; i += 2) {
      const key = asString(args[i]!(row));
      if (key === null) return null;
      members.set(key, toJsonNode(args[i + 1]!(row), isStringLiteral(site, i + 1)));
    }
    return stringifyJson({ kind: 'obj', members });
  };
});

const jsonArray = lazy('json_array', [0, VARIADIC], (args, site) => (row) =>
  stringifyJson({ kind: 'arr', items: args.map((a, i) => toJsonNode(a(row), isStringLiteral(site, i))) }));

type Edit = (doc: JsonNode, key: string, value: JsonNode) => JsonNode | undefined;

/** json_set and its relatives: (json, key-or-path, value, ...) applied left to right. */
function editor(name: string, edit: Edit): EvalFunction {
  return lazy(name, [3, VARIADIC], (args, site) => {
    requirePairs(site, name, 1);
    return (row) => {
      let doc = documentOf(args[0]!(row));
      for (let i = 1; doc && i < args.length; i += 2) {
        const key = asString(args[i]!(row));
        if (key !== null) doc = edit(doc, key, toJsonNode(args[i + 1]!(row), isStringLiteral(site, i + 1)));
      }
      return doc ? stringifyJson(doc) : null;
    };
  });
}

const atPath = (change: (old: JsonNode | undefined, value: JsonNode) => JsonNode | undefined, create: boolean): Edit =>
  (doc, path, value) => {
    const steps = pathSteps(path);
    return steps ? updatePath(doc, steps, (old) => change(old, value), create) : doc;
  };

const itemsOf = (n: JsonNode): JsonNode[] => (n.kind === 'arr' ? n.items : [n]);

const jsonSet = editor('json_set', atPath((_old, value) => value, true));
const jsonAppend = editor('json_append', atPath(
  (old, value) => (old ? { kind: 'arr', items: [...itemsOf(old), value] } : undefined),
  false,
));
const jsonExtend = editor('json_extend', atPath(
  (old, value) => (old && value.kind === 'arr' ? { kind: 'arr', items: [...itemsOf(old), ...value.items] } : undefined),
  false,
));
const jsonSetExact = editor('json_set_exact', (doc, key, value) => {
  if (doc.kind !== 'obj') return undefined;
  doc.members.set(key, value);
  return doc;
});

/** json_delete(object, keys...): each key a dotted path of object keys, or a JSON array of them. */
const jsonDelete = lazy('json_delete', [2, VARIADIC], ([object, ...keys], site) => (row) => {
  const doc = documentOf(object!(row));
  if (!doc || doc.kind !== 'obj') return null;
  keys.forEach((k, i) => {
    for (const key of keyList(k(row), isStringLiteral(site, i + 1))) deleteKey(doc, key.split('.'));
  });
  return stringifyJson(doc);
});

function keyList(v: EvalValue, literal: boolean): string[] {
  const node = typeof v === 'string' && !literal ? embedded(v) : undefined;
  if (node?.kind === 'arr') return node.items.flatMap((n) => (n.kind === 'str' ? [n.value] : []));
  return valuesList(v).map(scalarText);
}

function deleteKey(doc: JsonNode, keys: readonly string[]): void {
  let node: JsonNode | undefined = doc;
  for (const key of keys.slice(0, -1)) node = node?.kind === 'obj' ? node.members.get(key) : undefined;
  if (node?.kind === 'obj') node.members.delete(keys[keys.length - 1]!);
}

function objectOf(v: EvalValue): Map<string, JsonNode> | undefined {
  const doc = documentOf(v);
  return doc?.kind === 'obj' ? doc.members : undefined;
}

const jsonKeys = plain('json_keys', [1, 1], ([v]) => {
  const members = objectOf(v!);
  if (!members) return null;
  return stringifyJson({ kind: 'arr', items: [...members.keys()].map((k): JsonNode => ({ kind: 'str', value: k })) });
});

const jsonEntries = plain('json_entries', [1, 1], ([v]) => {
  const members = objectOf(v!);
  if (!members) return null;
  const entries = [...members].map(([key, value]): JsonNode =>
    ({ kind: 'obj', members: new Map([['key', { kind: 'str', value: key }], ['value', value]]) }));
  return stringifyJson({ kind: 'arr', items: entries });
});

const jsonHasKeyExact = plain('json_has_key_exact', [2, 2], ([v, key]) => objectOf(v!)?.has(asString(key!) ?? '') ?? false);

const jsonValid = plain('json_valid', [1, 1], ([v]) => documentOf(v!) !== undefined, 'handle');

/** json(value): the value itself when it is valid JSON, else null. */
const json = plain('json', [1, 1], ([v]) => (documentOf(v!) ? (Array.isArray(v) ? (v[0] as EvalScalar) : v!) : null));

/** A flag argument such as `true()`: a boolean, or the text "true"/a non-zero number. */
export function isTrueFlag(v: EvalValue): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  return typeof v === 'string' && v.toLowerCase() === 'true';
}

/** json_array_to_mv(array [, keep_quotes]): each element as a value; strings unquoted by default. */
const jsonArrayToMv = plain('json_array_to_mv', [1, 2], ([v, keep]) => {
  const doc = documentOf(v!);
  if (doc?.kind !== 'arr') return null;
  const quoted = keep !== undefined && isTrueFlag(keep);
  return fromList(doc.items.map((n) => {
    if (n.kind === 'str') return quoted ? JSON.stringify(n.value) : n.value;
    return n.kind === 'null' ? 'null' : (fromJsonNode(n) as string);
  }));
});

export const JSON_FUNCTIONS: readonly EvalFunction[] = [
  json,
  jsonValid,
  jsonObject,
  jsonArray,
  jsonKeys,
  jsonEntries,
  extract('json_extract', pathSteps),
  extract('json_extract_exact', (key) => [{ kind: 'key', name: key }]),
  jsonSet,
  jsonSetExact,
  jsonAppend,
  jsonExtend,
  jsonDelete,
  jsonHasKeyExact,
  jsonArrayToMv,
];

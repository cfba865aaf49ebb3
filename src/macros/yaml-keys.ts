/**
 * Reads only some top-level keys of a YAML file, with the same result as parsing all of it: a
 * detection is mostly description, tags and tests, which validation never looks at. When the rest
 * of the file is certainly free of YAML errors (yaml-subset.ts), the selected values are decoded
 * directly (yaml-scalar.ts) or, when they are not simple scalars, only their entries go to the
 * parser as one smaller document; otherwise the whole file is parsed (parseYamlLenient). Errors
 * and their positions are therefore always the full parse's.
 */
import { isScalar, parseDocument, type YAMLError } from 'yaml';
import type { ScalarStyle } from './yaml-align.js';
import { parseYamlLenient, type ParsedYaml } from './yaml-lenient.js';
import { scalarString } from './yaml-scalar.js';
import { checkRootMapping, type TopLevelEntry } from './yaml-subset.js';

/** A top-level scalar: its value as `yaml` reads it and its source text `[start, end)`. */
export interface YamlScalar {
  readonly value: unknown;
  readonly style: ScalarStyle;
  readonly start: number;
  readonly end: number;
}

export interface TopLevelScalars {
  /** The text that `start` and `end` index (the file, or the selected part of it). */
  readonly text: string;
  /** Offset in `text` -> offset in the file. */
  readonly toOriginal: (offset: number) => number;
  /** The selected keys whose values are scalars. */
  readonly scalars: ReadonlyMap<string, YamlScalar>;
}

const identity = (offset: number): number => offset;

/** The scalar values of the top-level `keys`; errors are the full parse's. */
export function readTopLevelScalars(text: string, keys: ReadonlySet<string>): TopLevelScalars | YAMLError {
  const entries = checkedEntries(text, keys);
  const decoded = entries && decodeEntries(text, entries);
  if (decoded) return { text, toOriginal: identity, scalars: decoded };
  const parsed = (entries && parseEntries(text, entries)) ?? parseYamlLenient(text);
  return 'doc' in parsed ? { text: parsed.text, toOriginal: parsed.toOriginal, scalars: scalarsOf(parsed, keys) } : parsed;
}

/**
 * Parses `text` as parseYamlLenient does, but the returned document is only guaranteed to hold
 * the top-level `keys` (the others may be missing). Errors are the full parse's, always.
 */
export function parseYamlKeys(text: string, keys: ReadonlySet<string>): ParsedYaml | YAMLError {
  const entries = checkedEntries(text, keys);
  return (entries && parseEntries(text, entries)) ?? parseYamlLenient(text);
}

/**
 * The selected entries, when the rest of the file is certainly free of errors (the entries not
 * checked there are the parser's to judge); undefined otherwise, or when there are none.
 */
function checkedEntries(text: string, keys: ReadonlySet<string>): TopLevelEntry[] | undefined {
  const entries = checkRootMapping(text, keys);
  // Without any selected key, the full parse decides what the document is.
  return entries && entries.length > 0 ? entries : undefined;
}

/** Every selected value decoded here, or undefined when one of them needs the parser. */
function decodeEntries(text: string, entries: readonly TopLevelEntry[]): Map<string, YamlScalar> | undefined {
  const scalars = new Map<string, YamlScalar>();
  for (const { key, scalar } of entries) {
    const value = scalar && scalarString(text, scalar);
    if (value === undefined) return undefined;
    scalars.set(key, { value, style: scalar!.style, start: scalar!.start, end: scalar!.end });
  }
  return scalars;
}

/** The selected entries as their own document (offsets mapped back), or undefined on an error. */
function parseEntries(text: string, entries: readonly TopLevelEntry[]): ParsedYaml | undefined {
  const sub = entries.length === 1 ? text.slice(entries[0]!.start, entries[0]!.end) : entries.map((e) => text.slice(e.start, e.end)).join('');
  const doc = parseDocument(sub);
  return doc.errors.length > 0 ? undefined : { doc, text: sub, toOriginal: offsetMap(entries) };
}

function scalarsOf(parsed: ParsedYaml, keys: ReadonlySet<string>): Map<string, YamlScalar> {
  const scalars = new Map<string, YamlScalar>();
  for (const key of keys) {
    const node = parsed.doc.get(key, true);
    if (isScalar(node) && node.range) scalars.set(key, { value: node.value, style: node.type as ScalarStyle, start: node.range[0], end: node.range[1] });
  }
  return scalars;
}

/**
 * Offset in the joined entries -> offset in the file. Where two entries meet, the offset maps to
 * the end of the earlier one: ends are exclusive, and every node looked up starts inside its entry.
 */
function offsetMap(entries: readonly TopLevelEntry[]): (offset: number) => number {
  const subStarts: number[] = [];
  let at = 0;
  for (const e of entries) {
    subStarts.push(at);
    at += e.end - e.start;
  }
  return (offset) => {
    let i = subStarts.length - 1;
    while (i > 0 && subStarts[i]! >= offset) i--;
    return offset - subStarts[i]! + entries[i]!.start;
  };
}

/**
 * Field lists with `*` wildcards (`table host, src*`, `fields - _*`): each item selects the fields
 * of a result it names, a wildcard the matching ones in byte order of their names (Splunk lists
 * fields sorted). Field names are case-sensitive.
 */
import type { FieldValue } from '../../data/event.js';
import { compareBytes } from '../../eval/values.js';
import { escapeRegex } from '../../search/wildcard.js';

export interface FieldPattern {
  readonly text: string;
  /** The names of `fields` this item selects, in output order. */
  select(fields: ReadonlyMap<string, FieldValue>): string[];
  matches(name: string): boolean;
}

/**
 * `internalNeedsUnderscore`: a wildcard selects `_` fields only when it starts with `_` — the
 * fields command's rule ("To specify the wildcard pattern for internal fields, use _*").
 */
export function compileFieldPattern(text: string, internalNeedsUnderscore: boolean): FieldPattern {
  if (!text.includes('*')) {
    return { text, matches: (n) => n === text, select: (fields) => (fields.has(text) ? [text] : []) };
  }
  const re = new RegExp(`^${text.split('*').map(escapeRegex).join('[\\s\\S]*')}$`);
  const internal = !internalNeedsUnderscore || text.startsWith('_');
  const matches = (n: string): boolean => re.test(n) && (internal || !n.startsWith('_'));
  return {
    text,
    matches,
    select: (fields) => [...fields.keys()].filter(matches).sort(compareBytes),
  };
}

/** The fields selected by a list of items, each once, in list order. */
export function selectFields(patterns: readonly FieldPattern[], fields: ReadonlyMap<string, FieldValue>): string[] {
  const out = new Set<string>();
  for (const p of patterns) for (const name of p.select(fields)) out.add(name);
  return [...out];
}

/**
 * Template substitution on an AST: every string in the tree (field names, literals, words, option
 * values) gets the replacement; node kinds and spans stay, so errors still point at the template
 * as written. Used by foreach (`<<FIELD>>`...) and by `map [subsearch]` (`$field$`).
 */

/** A copy of `node` with `rewrite` applied to each string value other than node kinds. */
export function mapStrings<T>(node: T, rewrite: (text: string) => string): T {
  if (typeof node === 'string') return rewrite(node) as T;
  if (Array.isArray(node)) return node.map((n) => mapStrings(n, rewrite)) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === 'kind' ? v : mapStrings(v, rewrite);
  return out as T;
}

/** Replace each token (exact text, e.g. `<<FIELD>>`) wherever it occurs inside the strings. */
export function substituteTokens<T>(node: T, replacements: ReadonlyMap<string, string>): T {
  const tokens = [...replacements.keys()].filter((t) => t !== '');
  if (tokens.length === 0) return node;
  const re = new RegExp(tokens.map((t) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'g');
  return mapStrings(node, (text) => text.replace(re, (t) => replacements.get(t) ?? t));
}

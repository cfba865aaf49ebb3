/**
 * `replace <wc-string> WITH <wc-string> [, ...] [IN <field-list>]`: replace whole field values.
 * Search Reference, "replace":
 * https://help.splunk.com/splunk-cloud-platform/spl-search-reference/9.3.2408/search-commands/replace
 * - a pattern matches a whole value, case-sensitively; each `*` of the replacement takes the text
 *   the matching `*` of the pattern matched (`"* localhost" WITH "localhost *"`);
 * - "Non-wildcard replacement values specified later take precedence over those replacements
 *   specified earlier. For a wildcard replacement, fuller matches take precedence": an exact
 *   pair beats any wildcard pair, and among wildcard pairs the one whose `*` took the fewest
 *   characters wins (the later one on a tie); a value is replaced once, never again;
 * - without IN every field but the `_` ones ("To replace values on _internal fields, you must
 *   specify the field name with the IN <fieldname> clause"); each value of a multivalue field.
 */
import type { FieldValue, Scalar } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import { scalarText } from '../eval/values.js';
import { backtrackingRuns, escapeRegex, guardedRegex } from '../search/wildcard.js';
import type { ReplaceCommand, ReplacePair } from '../spl/commands/replace.js';
import { compileFieldPattern, type FieldPattern } from './shared/field-patterns.js';
import { streaming, type CommandImpl } from './types.js';

/** A compiled pair: the replacement of a value it matches, and how much the wildcards took. */
interface Rule {
  readonly exact: string | null;
  /** For wildcard rules: the replacement and the number of characters the `*` took, or null. */
  apply(value: string): { readonly text: string; readonly loose: number } | null;
}

export const replaceCommand: CommandImpl<ReplaceCommand> = {
  kind: 'replace',
  needsOrder: false,
  compile(cmd) {
    const replacer = compileRules(cmd.pairs.map(compileRule));
    const targets = cmd.fields.length === 0 ? null : cmd.fields.map((f) => compileFieldPattern(f.name, true));
    return streaming((row, next) => {
      for (const name of fieldsToReplace(row.fields, targets)) {
        const v = row.fields.get(name)!;
        const replaced = replaceValue(v, replacer);
        if (replaced !== v) row.fields.set(name, replaced);
      }
      next.push(row);
    });
  },
};

function fieldsToReplace(fields: ReadonlyMap<string, FieldValue>, targets: readonly FieldPattern[] | null): string[] {
  if (targets === null) return [...fields.keys()].filter((name) => !name.startsWith('_'));
  const out = new Set<string>();
  for (const t of targets) for (const name of t.select(fields)) out.add(name);
  return [...out];
}

/** The value with each of its values replaced; the same object when nothing changed. */
function replaceValue(v: FieldValue, replacer: (text: string) => string | null): FieldValue {
  if (!Array.isArray(v)) {
    const text = replacer(scalarText(v as Scalar));
    return text === null ? v : text;
  }
  let changed = false;
  const out = (v as readonly Scalar[]).map((x) => {
    const text = replacer(scalarText(x));
    if (text === null) return x;
    changed = true;
    return text;
  });
  return changed ? out : v;
}

/** Exact pairs by value (the last written wins), then the fullest wildcard match. */
function compileRules(rules: readonly Rule[]): (text: string) => string | null {
  const exact = new Map<string, string>();
  const wild: Rule[] = [];
  for (const r of rules) {
    if (r.exact !== null) exact.set(r.exact, r.apply(r.exact)!.text);
    else wild.push(r);
  }
  return (text) => {
    const hit = exact.get(text);
    if (hit !== undefined) return hit;
    let best: { readonly text: string; readonly loose: number } | null = null;
    for (const r of wild) {
      const m = r.apply(text);
      if (m && (best === null || m.loose <= best.loose)) best = m;
    }
    return best === null ? null : best.text;
  };
}

function compileRule(pair: ReplacePair): Rule {
  const from = pair.from.text;
  const to = pair.to.text;
  const stars = (s: string): number => s.split('*').length - 1;
  if (stars(to) !== 0 && stars(to) !== stars(from)) {
    const reason = `the replacement '${to}' must have as many wildcards as '${from}' (${stars(from)}) or none`;
    throw new SplError('B405', { command: 'replace', reason }, { span: pair.to.span });
  }
  if (stars(from) === 0) return { exact: from, apply: (v) => (v === from ? { text: to, loose: 0 } : null) };
  return { exact: null, apply: wildcardRule(from, to) };
}

/**
 * Each `*` captures (non-greedy, the last greedy, as rename's captures do); values shaped to make
 * a pattern with several `*` backtrack go through the linear-time engine (guardedRegex).
 */
function wildcardRule(from: string, to: string): Rule['apply'] {
  const parts = from.split('*');
  const escaped = parts.map(escapeRegex);
  const groups = escaped.slice(1).map((p, i) => (i === escaped.length - 2 ? `([\\s\\S]*)${p}` : `([\\s\\S]*?)${p}`));
  const re = guardedRegex(`^${escaped[0]}${groups.join('')}$`, '', backtrackingRuns(parts), `^${escaped[0]}${groups.join('')}\\z`);
  const target = to.split('*');
  return (value) => {
    const m = re.exec(value);
    if (!m) return null;
    const captured = m.slice(1).map((g) => g ?? '');
    const loose = captured.reduce((n, g) => n + g.length, 0);
    const text = target.length === 1 ? to : target.reduce((acc, piece, i) => acc + (i === 0 ? '' : captured[i - 1]) + piece, '');
    return { text, loose };
  };
}

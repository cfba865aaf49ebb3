/**
 * The text any matching event must contain, derived from a search expression (issue 5's raw-text
 * prefilter, after Splunk's index lexicon): a list of clauses, each a list of alternatives; an event
 * can match only if, for every clause, its raw line contains one of the alternatives
 * (case-insensitively). Exactness rules:
 * - only fields read from the event's own text count (not host/source/sourcetype/index, which
 *   may come from the command line, nor `_`-internal or time terms);
 * - fragments are the runs of a value between `*` wildcards and characters JSON may escape
 *   (`"`, `\`, `/`, controls, whitespace, non-ASCII), so an escaped value still contains them;
 * - `NOT`, `!=`, `<`..., CIDR values and subsearches add nothing.
 * The reader treats lines holding `\u` escapes or characters that lower-case to ASCII as candidates.
 */
import type { SearchExpr, SearchValue } from '../spl/ast.js';

export type RequiredText = readonly (readonly string[])[];

const METADATA = new Set(['host', 'source', 'sourcetype', 'index', 'splunk_server', 'linecount', 'punct', 'eventtype', 'tag', 'earliest', 'latest', 'starttime', 'endtime']);
/** JSON never escapes these ASCII characters, and whitespace is excluded (it may be compacted). */
const SAFE_RUN = /[A-Za-z0-9!#$%&'()+,\-.:;<=>?@[\]^_`{|}~]+/g;

export function requiredText(expr: SearchExpr | null): RequiredText {
  if (!expr) return [];
  const conjuncts = expr.kind === 'And' ? expr.items : [expr];
  return conjuncts.flatMap(clausesOf);
}

function clausesOf(e: SearchExpr): string[][] {
  switch (e.kind) {
    case 'Term':
    case 'Compare':
      return fragmentsOf(e).map((f) => [f]);
    case 'In':
    case 'Or': {
      const alternatives = (e.kind === 'In' ? e.values.map((v) => bestOf(fragmentsOfValue(v, e.field))) : e.items.map(bestFragment));
      return alternatives.every((a) => a !== null) && alternatives.length > 0 ? [alternatives as string[]] : [];
    }
    default:
      return [];
  }
}

/** The longest fragment an expression guarantees, for use inside a disjunction. */
function bestFragment(e: SearchExpr): string | null {
  if (e.kind === 'Term' || e.kind === 'Compare') return bestOf(fragmentsOf(e));
  if (e.kind === 'And') return bestOf(e.items.map(bestFragment).filter((f): f is string => f !== null));
  return null;
}

function fragmentsOf(e: Extract<SearchExpr, { kind: 'Term' | 'Compare' }>): string[] {
  if (e.kind === 'Term') return fragmentsOfValue(e.value, null);
  if (e.op !== '=') return [];
  return fragmentsOfValue(e.value, e.field);
}

function fragmentsOfValue(v: SearchValue, field: string | null): string[] {
  if (field !== null && !isContentField(field)) return [];
  if (field !== null && /^[\d.:a-fA-F]+\/\d+$/.test(v.text)) return []; // CIDR
  return (v.text.match(SAFE_RUN) ?? []).map((f) => f.toLowerCase());
}

function isContentField(field: string): boolean {
  return !METADATA.has(field) && !field.startsWith('_') && !field.startsWith('date_') && !field.includes('::');
}

function bestOf(fragments: readonly string[]): string | null {
  let best: string | null = null;
  for (const f of fragments) if (best === null || f.length > best.length) best = f;
  return best;
}

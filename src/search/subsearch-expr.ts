/**
 * A subsearch in a search (`... [search ... | fields x]`) stands for the OR-of-ANDs that `format`
 * makes of its results. Built here as a SearchExpr from the format model, so the search compiler
 * matches it with exactly the semantics of the text Splunk would splice in (wildcards in values,
 * case-insensitive equality, `earliest`/`latest` time bounds), without printing and re-parsing the
 * values. Only `search`/`query` fields hold text, which is parsed.
 * https://help.splunk.com/en/splunk-enterprise/search/search-manual/10.0/subsearches
 */
import { SplError } from '../errors/spl-error.js';
import { parse } from '../spl/parse.js';
import type { SearchExpr, SearchValue, Span } from '../spl/ast.js';
import type { FormatCell, FormatRow } from './subsearch-format.js';

/** Empty results give `NOT ()`: `()` matches everything, so the subsearch matches nothing. */
export function subsearchExpr(rows: readonly FormatRow[], span: Span): SearchExpr {
  if (rows.length === 0) return { kind: 'Not', span, operand: { kind: 'And', span, items: [] } };
  const field = singleField(rows);
  if (field !== undefined) {
    const values = rows.flatMap((cells) => (cells[0] as Extract<FormatCell, { kind: 'pair' }>).values);
    return { kind: 'In', span, field, values: values.map((v) => quotedValue(v, span)) };
  }
  const items = rows.map((cells): SearchExpr => ({ kind: 'And', span, items: cells.map((c) => cellExpr(c, span)) }));
  return items.length === 1 ? items[0]! : { kind: 'Or', span, items };
}

/**
 * The one field every result consists of (`[... | fields user]`), so the filter is `user IN (...)`,
 * the same as the OR of `user="..."` and a set lookup when compiled. Not for time terms: each
 * `earliest=` of a subsearch result is a time bound of its own.
 */
function singleField(rows: readonly FormatRow[]): string | undefined {
  const first = rows[0]![0]!;
  if (first.kind !== 'pair' || TIME_TERMS.has(first.field)) return undefined;
  return rows.every((cells) => cells.length === 1 && cells[0]!.kind === 'pair' && cells[0]!.field === first.field) ? first.field : undefined;
}

const TIME_TERMS = new Set(['earliest', 'latest', 'starttime', 'endtime']);

function cellExpr(cell: FormatCell, span: Span): SearchExpr {
  switch (cell.kind) {
    case 'raw': return searchTextExpr(cell.text, span);
    case 'phrase': return { kind: 'Term', span, value: quotedValue(cell.text, span) };
    case 'pair': {
      const compares = cell.values.map(
        (v): SearchExpr => ({ kind: 'Compare', span, field: cell.field, op: '=', value: quotedValue(v, span) }),
      );
      return compares.length === 1 ? compares[0]! : { kind: 'Or', span, items: compares };
    }
  }
}

function quotedValue(text: string, span: Span): SearchValue {
  return { text, quoted: true, caseSensitive: false, term: false, span };
}

/**
 * Search text from a `search` field (or `return`/`format` output), as Splunk splices it in: parsed
 * as a search expression, every node given the subsearch's span (the text is not in the query).
 */
export function searchTextExpr(text: string, span: Span): SearchExpr {
  const body = emptyGroupsMatchAll(text);
  if (body.trim() === '') return { kind: 'And', span, items: [] };
  let expr: SearchExpr | null = null;
  try {
    const pipeline = parse(`search ${body}`);
    const first = pipeline.commands[0];
    if (pipeline.commands.length !== 1 || first?.kind !== 'search') throw new Error('it holds more than one command');
    expr = first.expr;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new SplError('B605', { text, reason }, { span });
  }
  if (!expr || containsSubsearch(expr)) throw new SplError('B605', { text, reason: 'a subsearch cannot return a subsearch' }, { span });
  return respan(expr, span);
}

/**
 * `()` outside quotes becomes `*`: Splunk's empty group matches every event, which is why a
 * subsearch without results (`NOT ()`) filters everything out and `NOT [...]` of it keeps all.
 */
function emptyGroupsMatchAll(text: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '\\') {
      out += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    const close = !quoted && c === '(' ? /^\(\s*\)/.exec(text.slice(i)) : null;
    if (close) {
      out += '*';
      i += close[0].length - 1;
    } else out += c;
  }
  return out;
}

function containsSubsearch(expr: SearchExpr): boolean {
  switch (expr.kind) {
    case 'And':
    case 'Or': return expr.items.some(containsSubsearch);
    case 'Not': return containsSubsearch(expr.operand);
    case 'Subsearch': return true;
    default: return false;
  }
}

/**
 * The same tree with every span (and `...Span`) replaced, or mapped when `span` is a function:
 * errors point at the subsearch (or at the text inside searchmatch()'s literal).
 */
export function respan<T>(node: T, span: Span | ((old: Span) => Span)): T {
  if (Array.isArray(node)) return node.map((n) => respan(n, span)) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    const isSpan = k === 'span' || k.endsWith('Span');
    out[k] = !isSpan ? respan(v, span) : typeof span === 'function' ? span(v as Span) : span;
  }
  return out as T;
}

/** The subsearches of a search expression, in text order (each runs before the search is bound). */
export function subsearchesOf(expr: SearchExpr | null): Extract<SearchExpr, { kind: 'Subsearch' }>[] {
  if (!expr) return [];
  switch (expr.kind) {
    case 'And':
    case 'Or': return expr.items.flatMap(subsearchesOf);
    case 'Not': return subsearchesOf(expr.operand);
    case 'Subsearch': return [expr];
    default: return [];
  }
}

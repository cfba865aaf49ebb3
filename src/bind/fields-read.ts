/**
 * Which event fields a search reads (issue 5's projection): the reader then extracts only those,
 * not the whole flattened event. A command reads the fields it names; one that reads fields by
 * pattern or by data (`rename a* AS b*`, `table *`, `spath`) reads "all". Only the commands up to
 * the first transforming one matter: after it, rows come from that command, not from events.
 * A search whose results are events reads everything (they are printed whole).
 */
import type { Command, Expr, SearchExpr } from '../spl/ast.js';

export type FieldsRead = readonly string[] | 'all';

type Reader<K extends Command['kind']> = (cmd: Extract<Command, { kind: K }>) => FieldsRead;

const names = (list: readonly { readonly name: string }[]): FieldsRead => exact(list.map((f) => f.name));
const exact = (list: readonly string[]): FieldsRead => (list.some((n) => n.includes('*')) ? 'all' : list);

export const FIELDS_READ: { readonly [K in Command['kind']]?: Reader<K> } = {
  search: (c) => (c.expr ? searchFields(c.expr) : []),
  where: (c) => exprFields(c.expr),
  eval: (c) => merge(c.assignments.map((a) => merge([exprFields(a.expr), dynamicTarget(a.field)]))),
  rename: (c) => exact(c.pairs.map((p) => p.from)),
  convert: (c) => exact(c.conversions.map((x) => x.field)),
  stats: (c) => merge([names(c.by), ...c.aggregations.map((a) => (a.arg === null ? [] : a.arg.kind === 'field' ? exact([a.arg.name]) : exprFields(a.arg.expr)))]),
  table: (c) => names(c.fields),
  fields: (c) => (c.remove ? 'all' : names(c.fields)),
  dedup: (c) => merge([names(c.fields), exact(c.sortBy.map((k) => k.field))]),
  sort: (c) => exact(c.keys.map((k) => k.field)),
  top: (c) => merge([names(c.fields), names(c.by)]),
  rare: (c) => merge([names(c.fields), names(c.by)]),
  bin: (c) => exact([c.field.name]),
  head: (c) => (c.while ? exprFields(c.while) : []),
  tail: () => [],
};

export function fieldsRead(cmd: Command): FieldsRead {
  const reader = FIELDS_READ[cmd.kind] as ((c: Command) => FieldsRead) | undefined;
  return reader ? reader(cmd) : 'all';
}

function merge(parts: readonly FieldsRead[]): FieldsRead {
  return parts.includes('all') ? 'all' : (parts as (readonly string[])[]).flat();
}

/** `eval {key}=...` names its target after the value of `key`. */
function dynamicTarget(field: string): FieldsRead {
  const m = /^\{(.+)\}$/.exec(field);
  return m ? [m[1]!] : [];
}

function searchFields(e: SearchExpr): FieldsRead {
  switch (e.kind) {
    case 'And':
    case 'Or': return merge(e.items.map(searchFields));
    case 'Not': return searchFields(e.operand);
    case 'Compare':
    case 'In': return exact([e.field]);
    case 'Term': return [];
    case 'Subsearch': return 'all';
  }
}

function exprFields(e: Expr): FieldsRead {
  switch (e.kind) {
    case 'Literal': return [];
    case 'Field': return e.name.includes('<<') ? 'all' : [e.name];
    case 'Unary': return exprFields(e.operand);
    case 'Binary': return merge([exprFields(e.left), exprFields(e.right)]);
    case 'In': return merge([exprFields(e.operand), ...e.values.map(exprFields)]);
    // searchmatch("x=1 y=*") reads the fields its search string names (any, when it has terms).
    case 'Call': return e.name.toLowerCase() === 'searchmatch' ? 'all' : merge(e.args.map(exprFields));
  }
}

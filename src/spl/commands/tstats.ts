/**
 * `tstats [options] <aggregation>... [FROM datamodel=<model>[.<dataset>...]] [WHERE <search>]
 * [BY <field>... [span=<time>]]` (spec 09 TS1-TS8; Search Reference, tstats). The WHERE search
 * ends before `BY`, which a search would otherwise read as a term. mstats reuses the clause parts.
 */
import type { CstNode, IToken } from 'chevrotain';
import type { Aggregation, CommandOption, FieldRef, SearchExpr, Span } from '../ast.js';
import { node, nodes, nodeSpan } from '../cst-access.js';
import { By, Comma, commandToken, Eq, Word } from '../tokens.js';
import type { Builder, CommandSyntax, Grammar, Printer, SearchStop } from '../syntax/types.js';

/** `datamodel=Endpoint.Processes`: the model and the dataset lineage below it. */
export interface DataModelRef {
  /** The value after `datamodel=` (or after `datamodel:` in `from`). */
  readonly span: Span;
  readonly model: string;
  /** Dataset names, root first (`['All_Changes', 'Account_Management']`); empty for the model alone. */
  readonly dataset: readonly string[];
}

/** What FROM names: a data model (every corpus use), a tscollect job, or a tscollect namespace. */
export type TstatsSource =
  | { readonly kind: 'datamodel'; readonly span: Span; readonly datamodel: DataModelRef }
  | { readonly kind: 'sid'; readonly span: Span; readonly sid: string }
  | { readonly kind: 'namespace'; readonly span: Span; readonly name: string };

export interface TstatsCommand {
  readonly kind: 'tstats';
  readonly span: Span;
  /**
   * `summariesonly=`, `allow_old_summaries=`, `fillnull_value=`, `prestats=`, ... in written order;
   * written before the aggregations or between them (`tstats count summariesonly=false ...`).
   */
  readonly options: readonly CommandOption[];
  readonly aggregations: readonly Aggregation[];
  readonly from: TstatsSource | null;
  readonly where: SearchExpr | null;
  readonly by: readonly FieldRef[];
  /** `span=<time>` written among the BY fields (the last one when repeated). */
  readonly timespan: CommandOption | null;
}

/** A word in any case: clause keywords (`FROM`, `where`, `OUTPUT`) lex as plain words. */
export function isKeyword(tok: IToken, ...words: readonly string[]): boolean {
  return tok.tokenType === Word && words.includes(tok.image.toLowerCase());
}

/** Where the WHERE search of tstats ends. */
const TSTATS_STOP: SearchStop = { by: true };

function grammar(g: Grammar): void {
  g.consume(0, tstatsSyntax.token);
  g.many(0, () => g.subrule(0, g.rules.commandOption));
  g.atLeastOne(
    0,
    () => {
      g.subrule(0, g.rules.aggregation);
      g.many(1, () => g.consume(1, Comma));
      g.many(2, () => g.subrule(1, g.rules.commandOption));
    },
    () => g.LA(2).tokenType !== Eq && !isKeyword(g.LA(1), 'from', 'where'),
  );
  g.keywordOption(0, ['from'], () => g.subrule(0, g.local('tstatsFrom')));
  g.keywordOption(1, ['where'], () => g.subrule(0, g.local('tstatsWhere')));
  g.option(2, () => g.subrule(0, g.local('tstatsBy')));
}

/** `FROM datamodel=M.D`, `FROM sid=<job>` or `FROM <namespace>`. */
function fromClause(g: Grammar): void {
  g.consume(0, Word);
  g.or(0, [
    { GATE: () => isKeyword(g.LA(1), 'datamodel', 'sid') && g.LA(2).tokenType === Eq, ALT: () => g.subrule(0, g.rules.commandOption) },
    { ALT: () => g.subrule(1, g.rules.fieldName) },
  ]);
}

/** `WHERE <search>` up to `BY` (and, for mstats, `span=`). */
export function whereClause(stop: SearchStop): (g: Grammar) => void {
  return (g) => {
    g.consume(0, Word);
    g.subrule(0, g.rules.searchExpression, undefined, [stop]);
  };
}

/** `BY <field>[,] ...` with `span=<time>` anywhere among the fields (`BY _time span=1h dest`). */
export function byClauseWithSpan(g: Grammar): void {
  g.consume(0, By);
  g.atLeastOne(0, () => {
    g.or(0, [
      { GATE: () => isSpanOption(g), ALT: () => g.subrule(0, g.rules.commandOption) },
      { ALT: () => g.subrule(1, g.rules.fieldName) },
    ]);
    g.many(0, () => g.consume(1, Comma));
  });
}

export function isSpanOption(g: Grammar): boolean {
  return isKeyword(g.LA(1), 'span') && g.LA(2).tokenType === Eq;
}

/** `Endpoint.Processes` -> model `Endpoint`, dataset `['Processes']`. */
export function dataModelRef(text: string, span: Span): DataModelRef {
  const [model, ...dataset] = text.split('.');
  return { span, model: model!, dataset };
}

export function dataModelName(ref: DataModelRef): string {
  return [ref.model, ...ref.dataset].join('.');
}

function buildSource(n: CstNode, b: Builder): TstatsSource {
  const opt = node(n, 'commandOption');
  if (!opt) {
    const ns = node(n, 'fieldName')!;
    return { kind: 'namespace', span: nodeSpan(n), name: b.fieldName(ns) };
  }
  const value = b.option(opt);
  if (value.name.toLowerCase() === 'sid') return { kind: 'sid', span: nodeSpan(n), sid: value.value };
  return { kind: 'datamodel', span: nodeSpan(n), datamodel: dataModelRef(value.value, nodeSpan(node(opt, 'fieldName')!)) };
}

/** The BY fields and the last `span=` among them. */
export function buildBy(n: CstNode | undefined, b: Builder): { by: FieldRef[]; timespan: CommandOption | null } {
  if (!n) return { by: [], timespan: null };
  return { by: nodes(n, 'fieldName').map(b.fieldRef), timespan: nodes(n, 'commandOption').map(b.option).at(-1) ?? null };
}

export function buildWhere(n: CstNode | undefined, b: Builder): SearchExpr | null {
  return n ? b.searchExpression(node(n, 'searchExpression')!) : null;
}

function printSource(s: TstatsSource, p: Printer): string {
  switch (s.kind) {
    case 'datamodel': return `datamodel=${p.value(dataModelName(s.datamodel))}`;
    case 'sid': return `sid=${p.value(s.sid)}`;
    case 'namespace': return p.field(s.name);
  }
}

/**
 * `WHERE <search>` and `BY <fields> span=<time>`, as far as present. Without BY fields, `span=`
 * follows `BY` in tstats (its WHERE would read it as a term) and stands alone in mstats.
 */
export function printClauses(c: Pick<TstatsCommand, 'where' | 'by' | 'timespan'>, p: Printer, bareSpan = false): string[] {
  const parts: string[] = [];
  if (c.where) parts.push('WHERE', p.search(c.where));
  if (c.by.length > 0) parts.push('BY', c.by.map((f) => p.field(f.name)).join(', '));
  if (c.timespan) parts.push(c.by.length > 0 || bareSpan ? p.option(c.timespan) : `BY ${p.option(c.timespan)}`);
  return parts;
}

export const tstatsSyntax: CommandSyntax<TstatsCommand> = {
  name: 'tstats',
  token: commandToken('tstats'),
  mode: 'search',
  wordRole: 'an aggregation such as count',
  subrules: [
    { name: 'tstatsFrom', grammar: fromClause, expects: 'datamodel=<model>[.<dataset>], sid=<job id> or a namespace' },
    { name: 'tstatsWhere', grammar: whereClause(TSTATS_STOP) },
    { name: 'tstatsBy', grammar: byClauseWithSpan, wordRole: 'a field name' },
  ],
  grammar,
  build: (n, b) => {
    const from = node(n, 'tstatsFrom');
    return {
      kind: 'tstats',
      span: nodeSpan(n),
      options: nodes(n, 'commandOption').map(b.option),
      aggregations: nodes(n, 'aggregation').map(b.aggregation),
      from: from ? buildSource(from, b) : null,
      where: buildWhere(node(n, 'tstatsWhere'), b),
      ...buildBy(node(n, 'tstatsBy'), b),
    };
  },
  print: (c, p) => {
    const parts = ['tstats', ...c.options.map(p.option), ...c.aggregations.map(p.aggregation)];
    if (c.from) parts.push('FROM', printSource(c.from, p));
    return [...parts, ...printClauses(c, p)].join(' ');
  },
};

/**
 * `lookup [local=<bool>] [update=<bool>] <lookup> (<field> [AS <field>])... [(OUTPUT | OUTPUTNEW)
 * (<field> [AS <field>])...]` (Search Reference, lookup). Keywords are case-insensitive (the
 * corpus writes `outputnew`); commas between fields are allowed, also before OUTPUT.
 */
import type { CstNode } from 'chevrotain';
import type { CommandOption, Span } from '../ast.js';
import { node, nodes, nodeSpan, token } from '../cst-access.js';
import { As, Comma, commandToken, QuotedString, Word } from '../tokens.js';
import type { Builder, CommandSyntax, Grammar, Printer } from '../syntax/types.js';
import { isKeyword } from './tstats.js';

/** The lookup table or definition a command names (`users`, `users.csv`). */
export interface LookupRef {
  readonly name: string;
  readonly span: Span;
}

/** `<lookup field> [AS <event field>]`; `eventField` is null without AS (the same name). */
export interface LookupFieldMapping {
  readonly span: Span;
  readonly lookupField: string;
  readonly eventField: string | null;
}

export interface LookupOutput {
  readonly span: Span;
  /** OUTPUT overwrites existing event fields, OUTPUTNEW only fills missing ones. */
  readonly mode: 'OUTPUT' | 'OUTPUTNEW';
  readonly fields: readonly LookupFieldMapping[];
}

export interface LookupCommand {
  readonly kind: 'lookup';
  readonly span: Span;
  readonly options: readonly CommandOption[];
  readonly lookup: LookupRef;
  /** The fields matched against the lookup. */
  readonly inputs: readonly LookupFieldMapping[];
  /** Null: every lookup field other than the inputs is output (as OUTPUT). */
  readonly output: LookupOutput | null;
}

const OUTPUT_WORDS = ['output', 'outputnew'];
const isOutputKeyword = (g: Grammar): boolean => isKeyword(g.LA(1), ...OUTPUT_WORDS);

function grammar(g: Grammar): void {
  g.consume(0, lookupSyntax.token);
  g.many(0, () => g.subrule(0, g.rules.commandOption));
  g.subrule(0, g.local('lookupTable'));
  g.atLeastOne(
    0,
    () => {
      g.subrule(0, g.local('lookupMapping'));
      g.many(1, () => g.consume(0, Comma));
    },
    () => !isOutputKeyword(g),
  );
  g.keywordOption(0, OUTPUT_WORDS, () => g.subrule(0, g.local('lookupOutput')));
}

function outputClause(g: Grammar): void {
  g.consume(0, Word);
  g.atLeastOne(0, () => {
    g.subrule(0, g.local('lookupMapping'));
    g.many(0, () => g.consume(0, Comma));
  });
}

function fieldMapping(g: Grammar): void {
  g.subrule(0, g.rules.fieldName, 'lookupField');
  g.option(0, () => {
    g.consume(0, As);
    g.subrule(1, g.rules.fieldName, 'eventField');
  });
}

/** The lookup a command names: its own rule, so a missing name is reported as one. */
export function lookupName(g: Grammar): void {
  g.or(0, [{ ALT: () => g.consume(0, Word) }, { ALT: () => g.consume(1, QuotedString) }]);
}

export function lookupRef(n: CstNode, b: Builder): LookupRef {
  return { name: b.fieldName(n), span: nodeSpan(n) };
}

function buildMapping(n: CstNode, b: Builder): LookupFieldMapping {
  const as = node(n, 'eventField');
  return { span: nodeSpan(n), lookupField: b.fieldName(node(n, 'lookupField')!), eventField: as ? b.fieldName(as) : null };
}

/** A field named like the keyword must be quoted, or it would start the output list. */
function printLookupField(name: string, p: Printer): string {
  return /^output(new)?$/i.test(name) ? `"${name}"` : p.field(name);
}

function printMapping(m: LookupFieldMapping, p: Printer): string {
  const left = printLookupField(m.lookupField, p);
  return m.eventField === null ? left : `${left} AS ${printLookupField(m.eventField, p)}`;
}

export const lookupSyntax: CommandSyntax<LookupCommand> = {
  name: 'lookup',
  token: commandToken('lookup'),
  mode: 'search',
  wordRole: 'a field name',
  subrules: [
    { name: 'lookupTable', grammar: lookupName, wordRole: 'a lookup name' },
    { name: 'lookupMapping', grammar: fieldMapping, wordRole: 'a field name' },
    { name: 'lookupOutput', grammar: outputClause, wordRole: 'a field name' },
  ],
  grammar,
  build: (n, b) => {
    const out = node(n, 'lookupOutput');
    const output: LookupOutput | null = out
      ? {
          span: nodeSpan(out),
          mode: token(out, 'Word')!.image.toUpperCase() as LookupOutput['mode'],
          fields: nodes(out, 'lookupMapping').map((f) => buildMapping(f, b)),
        }
      : null;
    return {
      kind: 'lookup',
      span: nodeSpan(n),
      options: nodes(n, 'commandOption').map(b.option),
      lookup: lookupRef(node(n, 'lookupTable')!, b),
      inputs: nodes(n, 'lookupMapping').map((f) => buildMapping(f, b)),
      output,
    };
  },
  print: (c, p) => {
    const parts = ['lookup', ...c.options.map(p.option), p.field(c.lookup.name), c.inputs.map((m) => printMapping(m, p)).join(', ')];
    if (c.output) parts.push(c.output.mode, c.output.fields.map((m) => printMapping(m, p)).join(', '));
    return parts.join(' ');
  },
};

/**
 * `fit <algorithm> [<explained field> from] <fields> [by "<fields>"] [into <model>] [as <name>]
 * [<options>]` (Splunk Machine Learning Toolkit); options may come anywhere after the algorithm
 * (`fit DensityFunction instances_launched threshold=0.0005 into ec2_model` in security_content).
 * https://docs.splunk.com/Documentation/MLApp/latest/User/Algorithms
 */
import type { CstNode } from 'chevrotain';
import type { CommandOption, FieldRef, Span } from '../ast.js';
import { node, nodes, nodeSpan, token, tokenSpan } from '../cst-access.js';
import { As, By, Comma, commandToken, Word } from '../tokens.js';
import type { Builder, CommandSyntax, Grammar } from '../syntax/types.js';
import { atOption, isKeywordWord } from './subsearch-parts.js';

/** A model saved by `fit ... into <name>` (fit, apply, summary). */
export interface ModelRef {
  readonly name: string;
  readonly span: Span;
}

export interface FitCommand {
  readonly kind: 'fit';
  readonly span: Span;
  readonly algorithm: string;
  readonly algorithmSpan: Span;
  /** The field(s) written before `from`: what the model predicts. Empty without `from`. */
  readonly explained: readonly FieldRef[];
  /** The fields after `from`, or all the fields when there is no `from`. */
  readonly fields: readonly FieldRef[];
  /** `by "user,HourOfDay"`: split at commas, as MLTK reads it. */
  readonly by: readonly FieldRef[];
  /** `into <model>` and `as <name>`; written twice, the last one counts. */
  readonly into: ModelRef | null;
  readonly as: FieldRef | null;
  readonly options: readonly CommandOption[];
}

/** A field name here is any word that is not an option or the next clause's keyword. */
const isField = (g: Grammar): boolean =>
  !atOption(g) && !isKeywordWord(g.LA(1), 'from') && !isKeywordWord(g.LA(1), 'into');

function grammar(g: Grammar): void {
  g.consume(0, fitSyntax.token);
  g.consume(1, Word, 'algorithm');
  g.many(0, () => g.subrule(0, g.rules.commandOption), () => atOption(g));
  g.subrule(1, g.local('fitFields'), 'leading');
  g.option(0, () => {
    g.consume(2, Word, 'from');
    g.many(1, () => g.subrule(2, g.rules.commandOption), () => atOption(g));
    g.subrule(3, g.local('fitFields'), 'explanatory');
  }, () => isKeywordWord(g.LA(1), 'from'));
  g.many(2, () => {
    g.or(0, [
      { GATE: () => atOption(g), ALT: () => g.subrule(4, g.rules.commandOption) },
      { ALT: () => g.subrule(5, g.local('fitBy')) },
      { GATE: () => isKeywordWord(g.LA(1), 'into'), ALT: () => g.subrule(6, g.local('fitInto')) },
      { ALT: () => g.subrule(7, g.local('fitAs')) },
    ]);
  });
}

/** Fields, with options between them. */
function fitFields(g: Grammar): void {
  g.atLeastOne(0, () => {
    g.subrule(0, g.rules.fieldName);
    g.many(0, () => g.subrule(1, g.rules.commandOption), () => atOption(g));
  }, () => isField(g));
}

function fitBy(g: Grammar): void {
  g.consume(0, By);
  g.atLeastOne(0, () => {
    g.subrule(0, g.rules.fieldName);
    g.many(0, () => g.consume(1, Comma));
  }, () => isField(g));
}

function fitInto(g: Grammar): void {
  g.consume(0, Word);
  g.subrule(0, g.rules.fieldName);
}

function fitAs(g: Grammar): void {
  g.consume(0, As);
  g.subrule(0, g.rules.fieldName);
}

/** Options sit at several levels of the CST; gather them in text order. */
function options(n: CstNode, b: Builder): CommandOption[] {
  const parts = [n, ...nodes(n, 'leading'), ...nodes(n, 'explanatory')];
  return parts.flatMap((x) => nodes(x, 'commandOption')).map(b.option).sort((x, y) => x.span.start - y.span.start);
}

function byFields(n: CstNode, b: Builder): FieldRef[] {
  return nodes(n, 'fitBy').flatMap((by) =>
    nodes(by, 'fieldName').flatMap((f) => {
      const ref = b.fieldRef(f);
      return ref.name.split(',').filter((s) => s !== '').map((name) => ({ name, span: ref.span }));
    }),
  );
}

function clause(n: CstNode, rule: string, b: Builder): FieldRef | null {
  const c = nodes(n, rule).at(-1);
  return c ? b.fieldRef(node(c, 'fieldName')!) : null;
}

export const fitSyntax: CommandSyntax<FitCommand> = {
  name: 'fit',
  token: commandToken('fit'),
  mode: 'search',
  wordRole: 'an algorithm name such as DensityFunction',
  expects: 'an option, or "by", "into" or "as" followed by a name',
  subrules: [
    { name: 'fitFields', grammar: fitFields, wordRole: 'a field name' },
    { name: 'fitBy', grammar: fitBy, wordRole: 'a field name' },
    { name: 'fitInto', grammar: fitInto, wordRole: 'a model name' },
    { name: 'fitAs', grammar: fitAs, wordRole: 'an output field name' },
  ],
  grammar,
  build: (n, b) => {
    const algorithm = token(n, 'algorithm')!;
    const leading = nodes(node(n, 'leading')!, 'fieldName').map(b.fieldRef);
    const explanatory = node(n, 'explanatory');
    return {
      kind: 'fit',
      span: nodeSpan(n),
      algorithm: algorithm.image,
      algorithmSpan: tokenSpan(algorithm),
      explained: explanatory ? leading : [],
      fields: explanatory ? nodes(explanatory, 'fieldName').map(b.fieldRef) : leading,
      by: byFields(n, b),
      into: clause(n, 'fitInto', b),
      as: clause(n, 'fitAs', b),
      options: options(n, b),
    };
  },
  print: (c, p) => {
    const names = (fs: readonly FieldRef[]): string[] => fs.map((f) => p.field(f.name));
    const from = c.explained.length > 0 ? [...names(c.explained), 'from'] : [];
    const parts = ['fit', c.algorithm, ...from, ...names(c.fields)];
    if (c.by.length > 0) parts.push('by', p.field(c.by.map((f) => f.name).join(',')));
    if (c.into) parts.push('into', p.field(c.into.name));
    if (c.as) parts.push('as', p.field(c.as.name));
    return [...parts, ...c.options.map(p.option)].join(' ');
  },
};

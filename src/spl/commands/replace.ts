/**
 * `replace <wc-string> WITH <wc-string> [, <wc-string> WITH <wc-string>]... [IN <field-list>]`
 * (Search Reference: replace). `WITH` and `IN` are words in any case (security_content writes
 * `with` and `in`); without IN the replacement applies to every field.
 */
import type { CstNode, IToken } from 'chevrotain';
import type { FieldRef, Span } from '../ast.js';
import { node, nodes, nodeSpan, tokens } from '../cst-access.js';
import { Comma, commandToken, QuotedString, Word } from '../tokens.js';
import type { CommandSyntax, Grammar } from '../syntax/types.js';
import { printTextLiteral, textLiteral, wordIs, type TextLiteral } from './command-args.js';

export interface ReplacePair {
  readonly span: Span;
  /** The value to replace; `*` is a wildcard. */
  readonly from: TextLiteral;
  readonly to: TextLiteral;
}

export interface ReplaceCommand {
  readonly kind: 'replace';
  readonly span: Span;
  readonly pairs: readonly ReplacePair[];
  /** The fields after IN; empty: every field. */
  readonly fields: readonly FieldRef[];
}

const PAIR = 'replacePair';
const WITH = 'replaceWith';
const IN = 'replaceIn';

/** `IN` starts the field list unless it is itself the value of a pair (`in WITH out`). */
const inAhead = (g: Grammar): boolean => wordIs(g.LA(1), 'in') && !wordIs(g.LA(2), 'with');

/**
 * The first pair is not optional, so its errors stay inside it (`replace a WITH` fails at the
 * missing value). Later pairs follow commas (the documented form); a pair without a comma is read
 * too, but only when it is complete.
 */
function grammar(g: Grammar): void {
  g.consume(0, replaceSyntax.token);
  g.subrule(0, g.local(PAIR));
  g.many(0, () =>
    g.or(0, [
      {
        ALT: () => {
          g.atLeastOne(0, () => g.consume(1, Comma));
          g.subrule(1, g.local(PAIR));
        },
      },
      { GATE: () => !inAhead(g), ALT: () => g.subrule(2, g.local(PAIR)) },
    ]),
    // The loop's own lookahead would take `IN a b` for a pair (three words) without this gate.
    () => !inAhead(g),
  );
  g.option(0, () => g.subrule(3, g.local(IN)), () => inAhead(g));
}

function value(g: Grammar, idx: number, label: string): void {
  g.or(idx, [{ ALT: () => g.consume(idx * 2, Word, label) }, { ALT: () => g.consume(idx * 2 + 1, QuotedString, label) }]);
}

function pair(g: Grammar): void {
  value(g, 0, 'from');
  g.subrule(0, g.local(WITH));
  value(g, 1, 'to');
}

/** Its own rule so that a missing WITH reads `expected "WITH"` and a missing value `expected a value`. */
function withWord(g: Grammar): void {
  g.or(0, [{ GATE: () => wordIs(g.LA(1), 'with'), ALT: () => g.consume(0, Word) }]);
}

function inClause(g: Grammar): void {
  g.consume(0, Word);
  g.atLeastOne(0, () => {
    g.subrule(0, g.rules.fieldName);
    g.many(0, () => g.consume(1, Comma));
  });
}

function buildPair(n: CstNode): ReplacePair {
  const one = (label: string): IToken => tokens(n, label)[0]!;
  return { span: nodeSpan(n), from: textLiteral(one('from')), to: textLiteral(one('to')) };
}

export const replaceSyntax: CommandSyntax<ReplaceCommand> = {
  name: 'replace',
  token: commandToken('replace'),
  mode: 'search',
  wordRole: 'a value',
  subrules: [
    { name: PAIR, grammar: pair, wordRole: 'a value' },
    { name: WITH, grammar: withWord, expects: '"WITH"' },
    { name: IN, grammar: inClause, wordRole: 'a field name' },
  ],
  grammar,
  build: (n, b) => {
    const inNode = node(n, IN);
    return {
      kind: 'replace',
      span: nodeSpan(n),
      pairs: nodes(n, PAIR).map(buildPair),
      fields: inNode ? nodes(inNode, 'fieldName').map(b.fieldRef) : [],
    };
  },
  print: (c, p) => {
    const pairs = c.pairs.map((x) => `${printTextLiteral(x.from, p)} WITH ${printTextLiteral(x.to, p)}`).join(', ');
    return c.fields.length > 0 ? `replace ${pairs} IN ${c.fields.map((f) => p.field(f.name)).join(', ')}` : `replace ${pairs}`;
  },
};

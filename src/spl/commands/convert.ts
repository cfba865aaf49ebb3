/** `convert [timeformat=<fmt>] <fn>(<field>) [AS <name>] ...` (spec 04 C1). */
import type { CommandOption, Span } from '../ast.js';
import { node, nodes, nodeSpan, token, tokenSpan } from '../cst-access.js';
import { As, Comma, commandToken, LParen, RParen, Word } from '../tokens.js';
import type { CommandSyntax, Grammar } from '../syntax/types.js';

export interface Conversion {
  readonly span: Span;
  readonly fn: string;
  readonly fnSpan: Span;
  /** The field or wildcard pattern inside the parentheses. */
  readonly field: string;
  readonly as: string | null;
}

export interface ConvertCommand {
  readonly kind: 'convert';
  readonly span: Span;
  readonly options: readonly CommandOption[];
  readonly conversions: readonly Conversion[];
}

function grammar(g: Grammar): void {
  g.consume(0, convertSyntax.token);
  g.many(0, () => g.subrule(0, g.rules.commandOption));
  g.atLeastOne(0, () => {
    g.subrule(0, g.local('conversion'));
    g.many(1, () => g.consume(1, Comma));
  });
}

/** One `fn(field) [AS name]`. */
function conversion(g: Grammar): void {
  g.consume(0, Word);
  g.consume(1, LParen);
  g.subrule(0, g.rules.fieldName, 'argField');
  g.consume(2, RParen);
  g.option(0, () => {
    g.consume(3, As);
    g.subrule(1, g.rules.fieldName, 'alias');
  });
}

export const convertSyntax: CommandSyntax<ConvertCommand> = {
  name: 'convert',
  token: commandToken('convert'),
  mode: 'search',
  wordRole: 'a conversion such as ctime(<field>)',
  subrules: [{ name: 'conversion', grammar: conversion }],
  grammar,
  build: (n, b) => ({
    kind: 'convert',
    span: nodeSpan(n),
    options: nodes(n, 'commandOption').map(b.option),
    conversions: nodes(n, 'conversion').map((c) => {
      const fnTok = token(c, 'Word')!;
      const alias = node(c, 'alias');
      return { span: nodeSpan(c), fn: fnTok.image, fnSpan: tokenSpan(fnTok), field: b.fieldName(node(c, 'argField')!), as: alias ? b.fieldName(alias) : null };
    }),
  }),
  print: (c, p) => {
    const conv = c.conversions.map((x) => `${x.fn}(${p.field(x.field)})${x.as ? ` AS ${p.field(x.as)}` : ''}`);
    return ['convert', ...c.options.map(p.option), ...conv].join(' ');
  },
};

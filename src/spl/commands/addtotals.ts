/**
 * `addtotals [row=<bool>] [col=<bool>] [labelfield=<field>] [label=<string>] [fieldname=<field>]
 * [<field-list>]`: options and fields in any order. Splunk Search Reference, "addtotals":
 * https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/addtotals
 */
import type { CommandOption, FieldRef, Span } from '../ast.js';
import { nodes, nodeSpan } from '../cst-access.js';
import type { CommandSyntax } from '../syntax/types.js';
import { commandToken } from '../tokens.js';
import { buildFieldItems } from './fields.js';
import { optionsAndFields } from './fillnull.js';

export interface AddtotalsCommand {
  readonly kind: 'addtotals';
  readonly span: Span;
  readonly options: readonly CommandOption[];
  /** The fields to sum (wildcards allowed); empty = every numeric field. */
  readonly fields: readonly FieldRef[];
}

export const addtotalsSyntax: CommandSyntax<AddtotalsCommand> = {
  name: 'addtotals',
  token: commandToken('addtotals'),
  mode: 'search',
  wordRole: 'a field name',
  grammar: (g) => {
    g.consume(1, addtotalsSyntax.token);
    optionsAndFields(g);
  },
  build: (n, b) => ({
    kind: 'addtotals',
    span: nodeSpan(n),
    options: nodes(n, 'commandOption').map(b.option),
    fields: buildFieldItems(n, b),
  }),
  print: (c, p) => ['addtotals', ...c.options.map(p.option), ...c.fields.map((f) => p.field(f.name))].join(' '),
};

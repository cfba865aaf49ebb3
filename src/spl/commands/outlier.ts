/**
 * `outlier [action=remove|transform] [mark=<bool>] [param=<num>] [uselower=<bool>] [<field>...]`:
 * options and fields in any order (`outlier action=RM count` in security_content).
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/outlier
 */
import type { CommandOption, FieldRef, Span } from '../ast.js';
import { nodes, nodeSpan } from '../cst-access.js';
import { commandToken } from '../tokens.js';
import type { CommandSyntax } from '../syntax/types.js';
import { fieldsAndOptions } from './fields-and-options.js';

export interface OutlierCommand {
  readonly kind: 'outlier';
  readonly span: Span;
  readonly options: readonly CommandOption[];
  /** None = every numeric field. */
  readonly fields: readonly FieldRef[];
}

export const outlierSyntax: CommandSyntax<OutlierCommand> = {
  name: 'outlier',
  token: commandToken('outlier'),
  mode: 'search',
  wordRole: 'a field name or option',
  grammar: (g) => fieldsAndOptions(g, outlierSyntax.token),
  build: (n, b) => ({
    kind: 'outlier',
    span: nodeSpan(n),
    options: nodes(n, 'commandOption').map(b.option),
    fields: nodes(n, 'fieldName').map(b.fieldRef),
  }),
  print: (c, p) => ['outlier', ...c.options.map(p.option), ...c.fields.map((f) => p.field(f.name))].join(' '),
};

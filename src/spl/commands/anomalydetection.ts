/**
 * `anomalydetection [method=histogram|zscore|iqr] [action=...] [pthresh=<num>] [cutoff=<bool>]
 * [<field>...]`: options and fields in any order
 * (`anomalydetection "count" "user_type" "user_arn" action=annotate` in security_content).
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.1/search-commands/anomalydetection
 */
import type { CommandOption, FieldRef, Span } from '../ast.js';
import { nodes, nodeSpan } from '../cst-access.js';
import { commandToken } from '../tokens.js';
import type { CommandSyntax } from '../syntax/types.js';
import { fieldsAndOptions } from './fields-and-options.js';

export interface AnomalydetectionCommand {
  readonly kind: 'anomalydetection';
  readonly span: Span;
  readonly options: readonly CommandOption[];
  /** None = every field. */
  readonly fields: readonly FieldRef[];
}

export const anomalydetectionSyntax: CommandSyntax<AnomalydetectionCommand> = {
  name: 'anomalydetection',
  token: commandToken('anomalydetection'),
  mode: 'search',
  wordRole: 'a field name or option',
  grammar: (g) => fieldsAndOptions(g, anomalydetectionSyntax.token),
  build: (n, b) => ({
    kind: 'anomalydetection',
    span: nodeSpan(n),
    options: nodes(n, 'commandOption').map(b.option),
    fields: nodes(n, 'fieldName').map(b.fieldRef),
  }),
  print: (c, p) => ['anomalydetection', ...c.options.map(p.option), ...c.fields.map((f) => p.field(f.name))].join(' '),
};

/**
 * `from <type>:<dataset>`, also with a space for the colon (Search Reference, from; spec 09 TS12):
 * `from datamodel:Web.Web`, `from datamodel Email.All_Email`, `from inputlookup:users.csv`.
 */
import type { IToken } from 'chevrotain';
import type { Span } from '../ast.js';
import { node, nodeSpan, token, tokenSpan } from '../cst-access.js';
import { commandToken, Word } from '../tokens.js';
import type { CommandSyntax } from '../syntax/types.js';
import { unquote } from '../unquote.js';
import { dataModelRef, type DataModelRef } from './tstats.js';

export interface FromCommand {
  readonly kind: 'from';
  readonly span: Span;
  /** `datamodel`, `lookup`, `inputlookup`, `savedsearch`, ... in lower case. */
  readonly datasetType: string;
  readonly dataset: string;
  readonly datasetSpan: Span;
  /** For `datamodel`: the model and dataset path (`Web.Web` -> Web, [Web]). */
  readonly datamodel: DataModelRef | null;
}

/** `type:name` in one word (the colon comes before any quoted part). */
const hasColon = (tok: IToken): boolean => tok.tokenType === Word && /^[^"]*:/.test(tok.image);

const UNSAFE = /[\s"\\()[\]|=<>,]|!=/;

function build(type: string, dataset: string, datasetSpan: Span, span: Span): FromCommand {
  const datasetType = type.toLowerCase();
  const datamodel = datasetType === 'datamodel' ? dataModelRef(dataset, datasetSpan) : null;
  return { kind: 'from', span, datasetType, dataset, datasetSpan, datamodel };
}

export const fromSyntax: CommandSyntax<FromCommand> = {
  name: 'from',
  token: commandToken('from'),
  mode: 'search',
  wordRole: 'a dataset such as datamodel:<model>.<dataset>',
  grammar: (g) => {
    g.consume(0, fromSyntax.token);
    g.or(0, [
      { GATE: () => hasColon(g.LA(1)), ALT: () => g.consume(1, Word, 'typedDataset') },
      {
        ALT: () => {
          g.consume(2, Word, 'datasetType');
          g.subrule(0, g.rules.fieldName, 'dataset');
        },
      },
    ]);
  },
  build: (n, b) => {
    const typed = token(n, 'typedDataset');
    if (typed) {
      const colon = typed.image.indexOf(':');
      const start = typed.startOffset + colon + 1;
      return build(typed.image.slice(0, colon), unquote(typed.image.slice(colon + 1)), { start, end: tokenSpan(typed).end }, nodeSpan(n));
    }
    const dataset = node(n, 'dataset')!;
    return build(token(n, 'datasetType')!.image, b.fieldName(dataset), nodeSpan(dataset), nodeSpan(n));
  },
  print: (c) => {
    const name = c.dataset === '' || UNSAFE.test(c.dataset) ? `"${c.dataset.replace(/[\\"]/g, '\\$&')}"` : c.dataset;
    return `from ${c.datasetType}:${name}`;
  },
};

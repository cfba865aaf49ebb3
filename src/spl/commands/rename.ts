/** `rename <old> AS <new> [, ...]` (spec 02 R1); `TO` and `->` as in splunkd's usage line. */
import type { IToken } from 'chevrotain';
import type { Span } from '../ast.js';
import { node, nodes, nodeSpan } from '../cst-access.js';
import { As, Comma, commandToken, Gt, Word } from '../tokens.js';
import type { CommandSyntax, Grammar } from '../syntax/types.js';

export interface RenamePair {
  readonly from: string;
  readonly to: string;
  readonly span: Span;
}

export interface RenameCommand {
  readonly kind: 'rename';
  readonly span: Span;
  readonly pairs: readonly RenamePair[];
}

const isTo = (t: IToken): boolean => t.tokenType === Word && t.image.toLowerCase() === 'to';

/** Pairs are separated by spaces and/or commas; repeated commas occur in real detections. */
function grammar(g: Grammar): void {
  g.consume(0, renameSyntax.token);
  g.atLeastOne(0, () => {
    g.subrule(0, g.local('renamePair'));
    g.many(0, () => g.consume(0, Comma));
  });
}

function renamePair(g: Grammar): void {
  g.subrule(0, g.rules.fieldName, 'from');
  g.or(0, [
    { ALT: () => g.consume(1, As) },
    { GATE: () => isTo(g.LA(1)), ALT: () => g.consume(2, Word) },
    {
      GATE: () => g.LA(1).image === '-' && g.LA(2).tokenType === Gt,
      ALT: () => {
        g.consume(3, Word);
        g.consume(4, Gt);
      },
    },
  ]);
  g.subrule(1, g.rules.fieldName, 'to');
}

export const renameSyntax: CommandSyntax<RenameCommand> = {
  name: 'rename',
  token: commandToken('rename'),
  mode: 'search',
  wordRole: 'a field name',
  subrules: [{ name: 'renamePair', grammar: renamePair, expects: '"AS", "TO" or "->"' }],
  grammar,
  build: (n, b) => {
    const pairs = nodes(n, 'renamePair').map((p) => ({
      from: b.fieldName(node(p, 'from')!),
      to: b.fieldName(node(p, 'to')!),
      span: nodeSpan(p),
    }));
    return { kind: 'rename', span: nodeSpan(n), pairs };
  },
  print: (c, p) => `rename ${c.pairs.map((x) => `${p.field(x.from)} AS ${p.field(x.to)}`).join(', ')}`,
};

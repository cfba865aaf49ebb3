/**
 * The grammar of commands whose arguments are `name=value` options and field names in any order
 * (anomalydetection, outlier): one rule body, so their CSTs have the same shape.
 */
import type { TokenType } from 'chevrotain';
import { Comma, Eq } from '../tokens.js';
import type { Grammar } from '../syntax/types.js';

export function fieldsAndOptions(g: Grammar, command: TokenType): void {
  g.consume(0, command);
  g.many(0, () => {
    g.or(0, [
      { GATE: () => g.LA(2).tokenType === Eq, ALT: () => g.subrule(0, g.rules.commandOption) },
      { ALT: () => g.subrule(1, g.rules.fieldName) },
      { ALT: () => g.consume(1, Comma) },
    ]);
  });
}

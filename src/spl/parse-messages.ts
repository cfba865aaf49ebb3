/**
 * Parser messages phrased like ours ("expected X, found Y"), not Chevrotain's token-type names.
 * parse.ts turns them into coded SplErrors with spans.
 */
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';

const DISPLAY: Record<string, string> = {
  Pipe: '"|"', LBracket: '"["', RBracket: '"]"', LParen: '"("', RParen: '")"', Comma: '","',
  CompareOp: 'a comparison operator', Eq: '"="', EqEq: '"=="', NotEq: '"!="', Lt: '"<"', Gt: '">"',
  Le: '"<="', Ge: '">="', Word: 'a field name or value', QuotedString: 'a quoted string',
  And: '"AND"', Or: '"OR"', Not: '"NOT"', As: '"AS"', By: '"BY"', In: '"IN"', EvalFn: '"eval("',
  Identifier: 'a field name', QuotedField: "a 'quoted' field name", NumberLit: 'a number',
  ExprAnd: '"AND"', ExprOr: '"OR"', ExprXor: '"XOR"', ExprNot: '"NOT"', ExprLike: '"LIKE"',
  ExprIn: '"IN"', Plus: '"+"', Minus: '"-"', Star: '"*"', Slash: '"/"', Percent: '"%"', Dot: '"."',
  CommandName: 'a command name',
};

export function tokenDisplay(type: TokenType): string {
  return DISPLAY[type.name] ?? (type.name.endsWith('Cmd') ? 'a command name' : type.name);
}

export function foundDisplay(tok: IToken): string {
  return tok.image === '' || tok.tokenType.name === 'EOF' ? 'the end of the search' : JSON.stringify(tok.image);
}

function expectedFromPaths(paths: TokenType[][][]): string {
  const names = new Set<string>();
  for (const alt of paths) for (const path of alt) if (path[0]) names.add(tokenDisplay(path[0]));
  const list = [...names];
  return list.length <= 1 ? (list[0] ?? 'more input') : `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`;
}

export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) =>
    `expected ${tokenDisplay(expected)}, found ${foundDisplay(actual)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) =>
    `expected "|" or the end of the search, found ${foundDisplay(firstRedundant)}`,
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual }) =>
    `expected ${expectedFromPaths(expectedPathsPerAlt)}, found ${foundDisplay(actual[0]!)}`,
  buildEarlyExitMessage: ({ expectedIterationPaths, actual }) =>
    `expected ${expectedFromPaths([expectedIterationPaths])}, found ${foundDisplay(actual[0]!)}`,
};

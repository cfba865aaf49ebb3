/**
 * Parser messages phrased like ours ("expected X, found Y"), not Chevrotain's token-type names.
 * parse.ts turns them into coded SplErrors with spans.
 */
import { COMMAND_SYNTAX } from './commands/index.js';
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

/** Tokens that are all "a word" to a reader: which word is meant depends on the rule (WORD_ROLE). */
const WORD_TOKENS = new Set(['Word', 'QuotedString', 'As', 'By']);

/** What a word stands for where a rule expects one (`stats count by` expects a field name). */
const WORD_ROLE: Record<string, string> = {
  fieldName: 'a field name',
  byClause: 'a field name',
  aggregation: 'a field name',
  commandOption: 'a value',
  searchValue: 'a value',
  searchComparison: 'a value',
  searchExpression: 'a search term',
  searchOr: 'a search term',
  searchNot: 'a search term',
  searchPrimary: 'a search term',
};

/** Rules whose alternatives read better summarised than listed. */
const RULE_EXPECTS: Record<string, string> = {
  notExpr: 'an expression',
  unaryExpr: 'an expression',
  primaryExpr: 'an expression',
};

// Command modules describe their own rules (CommandSyntax.wordRole/expects).
for (const syntax of COMMAND_SYNTAX) {
  for (const [rule, messages] of [[`${syntax.name}Command`, syntax] as const, ...(syntax.subrules ?? []).map((r) => [r.name, r] as const)]) {
    if (messages.wordRole) WORD_ROLE[rule] = messages.wordRole;
    if (messages.expects) RULE_EXPECTS[rule] = messages.expects;
  }
}

function expectedToken(type: TokenType, ruleName: string): string {
  return WORD_TOKENS.has(type.name) ? (WORD_ROLE[ruleName] ?? DISPLAY.Word!) : tokenDisplay(type);
}


function expectedFromPaths(paths: TokenType[][][], ruleName: string): string {
  const summary = RULE_EXPECTS[ruleName];
  if (summary) return summary;
  const names = new Set<string>();
  for (const alt of paths) {
    for (const path of alt) {
      const first = path[0];
      if (!first) continue;
      names.add(expectedToken(first, ruleName));
    }
  }
  const list = [...names];
  return list.length <= 1 ? (list[0] ?? 'more input') : `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`;
}

/** What is left over when a command ends early; `AND`/`OR` there lack their left operand (`search OR b`). */
function leftOver(tok: IToken): string {
  const name = tok.tokenType.name;
  if (name === 'And' || name === 'Or') return `a search term before ${tokenDisplay(tok.tokenType)}`;
  return '"|" or the end of the search';
}

export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual, ruleName }) =>
    `expected ${expectedToken(expected, ruleName)}, found ${foundDisplay(actual)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) =>
    `expected ${leftOver(firstRedundant)}, found ${foundDisplay(firstRedundant)}`,
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual, ruleName }) =>
    `expected ${expectedFromPaths(expectedPathsPerAlt, ruleName)}, found ${foundDisplay(actual[0]!)}`,
  buildEarlyExitMessage: ({ expectedIterationPaths, actual, ruleName }) =>
    `expected ${expectedFromPaths([expectedIterationPaths], ruleName)}, found ${foundDisplay(actual[0]!)}`,
};

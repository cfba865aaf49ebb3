/**
 * parse(expanded text) -> Pipeline AST. Structural checks that Splunk reports with fixed texts run
 * on the token stream first (unbalanced parentheses, stray `]`, empty commands, unknown commands,
 * spec 08 E1/E4/E5/E6); then the Chevrotain parser runs and its first error becomes an SplError.
 */
import type { IRecognitionException, IToken } from 'chevrotain';
import { SplError } from '../errors/spl-error.js';
import type { Pipeline } from './ast.js';
import { tokenize } from './lexer.js';
import { splParser } from './parser.js';
import { buildPipeline } from './to-ast.js';
import { tokenSpan } from './cst-access.js';
import { foundDisplay } from './parse-messages.js';
import * as T from './tokens.js';

export function parse(text: string): Pipeline {
  const tokens = tokenize(text);
  if (tokens.length === 0) throw new SplError('P009', {}, { span: { start: 0, end: text.length } });
  checkStructure(tokens);
  splParser.input = tokens;
  const cst = splParser.pipeline();
  const err = splParser.errors[0];
  if (err) throw recognitionError(err, tokens, text);
  return buildPipeline(cst, text);
}

/** Bracket/paren balance per nesting level, empty commands and unknown commands. */
function checkStructure(tokens: readonly IToken[]): void {
  const open: IToken[] = [];
  tokens.forEach((tok, i) => {
    const type = tok.tokenType;
    if (type === T.LBracket) openBracket(open, tok, tokens[i + 1]);
    else if (type === T.LParen) open.push(tok);
    else if (type === T.RParen) closeParen(open, tok);
    else if (type === T.RBracket) closeBracket(open, tok);
    else if (type === T.Pipe) checkCommandAfterPipe(tok, tokens[i + 1]);
    else if (type === T.UnknownCommand) throw new SplError('P001', { name: tok.image.toLowerCase() }, { span: tokenSpan(tok) });
  });
  const unclosed = open.pop();
  if (unclosed?.tokenType === T.LParen) throw new SplError('P002', {}, { span: tokenSpan(unclosed) });
  if (unclosed) throw new SplError('P010', {}, { span: tokenSpan(unclosed) });
}

/** A subsearch must hold a search: `[]` is an empty search. */
function openBracket(open: IToken[], tok: IToken, next: IToken | undefined): void {
  if (next?.tokenType === T.RBracket) throw new SplError('P009', {}, { span: { start: tok.startOffset, end: tokenSpan(next).end } });
  open.push(tok);
}

function closeParen(open: IToken[], tok: IToken): void {
  const top = open.at(-1);
  if (top?.tokenType === T.LParen) open.pop();
  else throw new SplError('P002', {}, { span: tokenSpan(tok) });
}

function closeBracket(open: IToken[], tok: IToken): void {
  const top = open.at(-1);
  if (top?.tokenType === T.LParen) throw new SplError('P002', {}, { span: tokenSpan(top) });
  if (!top) throw new SplError('P003', {}, { span: tokenSpan(tok) });
  open.pop();
}

function checkCommandAfterPipe(pipe: IToken, next: IToken | undefined): void {
  if (!next || next.tokenType === T.Pipe || next.tokenType === T.RBracket) {
    throw new SplError('P004', {}, { span: tokenSpan(next?.tokenType === T.Pipe ? next : pipe) });
  }
  if (next.tokenType !== T.UnknownCommand && !next.tokenType.CATEGORIES?.includes(T.CommandName)) {
    throw new SplError('P005', { command: 'search', expected: 'a command name', found: foundDisplay(next) }, { span: tokenSpan(next) });
  }
}

/** The innermost command rule on the parser's stack names the command in the message. */
function recognitionError(err: IRecognitionException, tokens: readonly IToken[], text: string): SplError {
  const stack = err.context?.ruleStack ?? [];
  const rule = [...stack].reverse().find((r) => r.endsWith('Command'));
  // Input left over after a command (NotAllInputParsed) has no rule on the stack: it belongs to
  // the command that was open before it.
  const command = rule ? rule.replace(/Command$/, '') : openCommandBefore(tokens, err.token);
  const tok = err.token.tokenType.name === 'EOF' ? undefined : err.token;
  const last = tokens.at(-1)!;
  // At the end of the search: an empty span there (the renderer draws one caret after the text).
  const span = tok ? tokenSpan(tok) : { start: Math.min(tokenSpan(last).end, text.length), end: text.length };
  const [expected, found] = splitMessage(err.message);
  return new SplError('P005', { command, expected, found }, { span });
}

/** The name of the command whose arguments run up to `tok`, or 'search' for the first segment. */
function openCommandBefore(tokens: readonly IToken[], tok: IToken): string {
  let depth = 0;
  for (let i = tokens.indexOf(tok) - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.tokenType === T.RBracket) depth++;
    else if (t.tokenType === T.LBracket) {
      if (depth === 0) return 'search';
      depth--;
    } else if (depth === 0 && t.tokenType.CATEGORIES?.includes(T.CommandName)) return t.image.toLowerCase();
    else if (depth === 0 && t.tokenType === T.Pipe) return 'search';
  }
  return 'search';
}

function splitMessage(message: string): [string, string] {
  const m = /^expected (.*), found (.*)$/s.exec(message);
  return m ? [m[1]!, m[2]!] : [message, 'unexpected input'];
}

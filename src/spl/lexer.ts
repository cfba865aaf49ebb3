/**
 * tokenize(expanded): the hand-written, context-aware SPL lexer. It emits Chevrotain tokens with
 * offsets into the expanded text, so the parser sees one token stream.
 *
 * Context: the first word of each pipeline segment is the command name, and the command decides
 * how its arguments lex (its entry in commands/index.ts). Subsearches `[...]` open a nested context.
 */
import type { IToken, TokenType } from 'chevrotain';
import { createTokenInstance } from './chevrotain.js';
import { SplError } from '../errors/spl-error.js';
import { lookupCommand } from './commands/index.js';
import type { LexMode } from './syntax/types.js';
import * as T from './tokens.js';
import { lexExprToken } from './lex-expr.js';
import { scanQuoted, scanSearchWord, unbalancedQuotes } from './lex-scan.js';

interface Frame {
  expectCommand: boolean;
  /** At the very start of a search (top level or subsearch): `search`/`|` are optional. */
  atStart: boolean;
  mode: LexMode;
  /** Paren depth of an `eval(` expression inside a search-mode command; 0 = not inside one. */
  evalDepth: number;
  /** Whether `[` in the current command holds commands (appendpipe, foreach). */
  bracketHoldsCommands: boolean;
  /** Whether `eval(` in the current command opens an expression (stats); in `search` it is a word. */
  evalArgs: boolean;
  subsearchOfCommands: boolean;
  /** In an eval command: the next token is an assignment target (`x=`), and the paren depth. */
  assignTarget: boolean;
  assignments: boolean;
  exprDepth: number;
}

export class Lexer {
  private readonly tokens: IToken[] = [];
  private readonly frames: Frame[] = [newFrame(false)];
  private pos = 0;

  constructor(private readonly text: string) {}

  run(): IToken[] {
    const text = this.text;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else this.step();
    }
    return this.tokens;
  }

  private get frame(): Frame {
    return this.frames[this.frames.length - 1]!;
  }

  private step(): void {
    const ch = this.text[this.pos]!;
    if (ch === '|') return this.pipe();
    if (ch === '[') return this.openBracket();
    if (ch === ']') return this.closeBracket();
    if (this.frame.expectCommand || this.frame.atStart) return this.commandPosition();
    if (this.inExpr()) return this.exprToken();
    return this.searchToken();
  }

  private inExpr(): boolean {
    return this.frame.mode === 'expr' || this.frame.evalDepth > 0;
  }

  private emit(type: TokenType, start: number, end: number): void {
    this.tokens.push(createTokenInstance(type, this.text.slice(start, end), start, end - 1, NaN, NaN, NaN, NaN));
    this.pos = end;
  }

  private pipe(): void {
    const f = this.frame;
    f.expectCommand = true;
    f.atStart = false;
    f.mode = 'search';
    f.evalDepth = 0;
    f.evalArgs = false;
    this.emit(T.Pipe, this.pos, this.pos + 1);
  }

  private openBracket(): void {
    const holdsCommands = this.frame.bracketHoldsCommands;
    this.emit(T.LBracket, this.pos, this.pos + 1);
    this.frames.push(newFrame(holdsCommands));
  }

  private closeBracket(): void {
    if (this.frames.length > 1) this.frames.pop();
    this.emit(T.RBracket, this.pos, this.pos + 1);
  }

  /** The first word of a segment: a command name, or (at the start of a search) a search term. */
  private commandPosition(): void {
    const f = this.frame;
    const end = scanSearchWord(this.text, this.pos);
    const word = end > this.pos ? this.text.slice(this.pos, end) : '';
    const syntax = /^[A-Za-z_][\w-]*$/.test(word) ? lookupCommand(word) : undefined;
    const isCommand = f.expectCommand || (syntax !== undefined && this.commandAllowedAtStart(syntax.name));
    f.atStart = false;
    f.expectCommand = false;
    if (!isCommand || word === '') {
      f.mode = 'search';
      return this.searchToken();
    }
    f.mode = syntax?.mode ?? 'search';
    f.bracketHoldsCommands = syntax?.bracketHoldsCommands ?? false;
    f.evalArgs = syntax?.evalArgs ?? false;
    f.assignments = f.assignTarget = syntax?.evalAssignments ?? false;
    f.exprDepth = 0;
    this.emit(syntax ? syntax.token : T.UnknownCommand, this.pos, end);
  }

  /**
   * Without a leading `|`, the top level only knows the word `search` as a command (anything else
   * is a search term, spec 01 S1); a subsearch may also start with any known command
   * (`[inputlookup x | fields y]`, `[tstats ...]`, both in security_content).
   */
  private commandAllowedAtStart(name: string): boolean {
    return name === 'search' || this.frames.length > 1;
  }

  private searchToken(): void {
    const text = this.text;
    const start = this.pos;
    // `<<FIELD>>` (foreach templates) starts a word, not a `<` comparison.
    const op = /^<<\w+>>/.test(text.slice(start, start + 64)) ? undefined : operatorAt(text, start);
    if (op) return this.emit(op.type, start, start + op.length);
    const ch = text[start]!;
    if (ch === '(') return this.emit(T.LParen, start, start + 1);
    if (ch === ')') return this.emit(T.RParen, start, start + 1);
    if (ch === ',') return this.emit(T.Comma, start, start + 1);
    if (ch === '"') {
      const end = scanQuoted(text, start, '"');
      if (end < 0) throw unbalancedQuotes(start);
      if (scanSearchWord(text, end) === end) return this.emit(T.QuotedString, start, end);
    }
    const end = scanSearchWord(text, start);
    if (end === start) throw new SplError('L002', { char: JSON.stringify(ch) }, { span: { start, end: start + 1 } });
    const type = this.classifyWord(start, end);
    this.emit(type, start, end);
    if (type === T.EvalFn) this.enterEval();
  }

  /** Keywords of search mode, and `eval(` which switches to expression mode. */
  private classifyWord(start: number, end: number): TokenType {
    const word = this.text.slice(start, end);
    if (word === 'AND') return T.And;
    if (word === 'OR') return T.Or;
    if (word === 'NOT') return T.Not;
    const lower = word.toLowerCase();
    if (lower === 'as') return T.As;
    if (lower === 'by') return T.By;
    const next = this.text[end];
    if (lower === 'in' && this.nextNonSpace(end) === '(') return T.In;
    if (lower === 'eval' && next === '(' && this.frame.evalArgs) return T.EvalFn;
    return T.Word;
  }

  /** After `eval`, the `(` opens an expression that lasts until its matching `)`. */
  private enterEval(): void {
    this.emit(T.LParen, this.pos, this.pos + 1);
    this.frame.evalDepth = 1;
  }

  private exprToken(): void {
    const f = this.frame;
    if (f.assignTarget) return this.assignmentTarget();
    const tok = lexExprToken(this.text, this.pos);
    if (f.evalDepth > 0 && tok.type === T.LParen) f.evalDepth++;
    if (f.evalDepth > 0 && tok.type === T.RParen) f.evalDepth--;
    if (tok.type === T.LParen) f.exprDepth++;
    if (tok.type === T.RParen) f.exprDepth--;
    // A top-level comma in eval starts the next assignment.
    if (tok.type === T.Comma && f.assignments && f.exprDepth === 0) f.assignTarget = true;
    this.emit(tok.type, this.pos, tok.end);
  }

  /**
   * The field an eval assignment sets runs up to its `=`: Splunk takes names such as
   * `unusual_cmdline_feature_-value` there (a security_content macro), which an expression would
   * read as a subtraction. Quoted targets lex as usual.
   */
  private assignmentTarget(): void {
    const f = this.frame;
    f.assignTarget = false;
    const ch = this.text[this.pos];
    if (ch === '"' || ch === "'") return this.exprToken();
    let end = this.pos;
    while (end < this.text.length && !/[\s=,()"'|\]]/.test(this.text[end]!)) end++;
    if (end === this.pos) return this.exprToken();
    this.emit(T.Identifier, this.pos, end);
  }

  private nextNonSpace(from: number): string | undefined {
    let i = from;
    while (i < this.text.length && /\s/.test(this.text[i]!)) i++;
    return this.text[i];
  }
}

function newFrame(subsearchOfCommands: boolean): Frame {
  return {
    expectCommand: subsearchOfCommands,
    atStart: !subsearchOfCommands,
    mode: 'search',
    evalDepth: 0,
    bracketHoldsCommands: false,
    evalArgs: false,
    assignTarget: false,
    assignments: false,
    exprDepth: 0,
    subsearchOfCommands,
  };
}

function operatorAt(text: string, i: number): { type: TokenType; length: number } | undefined {
  const c = text[i];
  const d = text[i + 1];
  if (c === '!' && d === '=') return { type: T.NotEq, length: 2 };
  if (c === '=' && d === '=') return { type: T.EqEq, length: 2 };
  if (c === '=') return { type: T.Eq, length: 1 };
  if (c === '<') return d === '=' ? { type: T.Le, length: 2 } : { type: T.Lt, length: 1 };
  if (c === '>') return d === '=' ? { type: T.Ge, length: 2 } : { type: T.Gt, length: 1 };
  return undefined;
}

/** Tokenize expanded SPL text. Throws SplError (L001 unbalanced quotes, L002 stray character). */
export function tokenize(text: string): IToken[] {
  return new Lexer(text).run();
}

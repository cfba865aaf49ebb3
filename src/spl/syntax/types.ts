/**
 * What a command module of the grammar provides: its lexical mode, its Chevrotain rule body
 * (written against the Grammar DSL, with the shared rules at hand), the CST -> AST builder and the
 * canonical printer. Adding a command = one module in src/spl/commands/ and one table line.
 */
import type { CstNode, IToken, TokenType } from 'chevrotain';
import type * as A from '../ast.js';

export type LexMode = 'search' | 'expr';

/** The shared rules a command grammar may use (defined once in parser.ts). */
export interface SharedRules {
  readonly pipeline: Rule;
  readonly subsearch: Rule;
  /** A search expression; its optional ARGS `[SearchStop]` end it before a clause keyword. */
  readonly searchExpression: Rule;
  readonly expression: Rule;
  readonly argumentList: Rule;
  readonly fieldName: Rule;
  readonly commandOption: Rule;
  readonly aggregation: Rule;
  readonly byClause: Rule;
  readonly evalArgument: Rule;
  readonly genericArg: Rule;
}

export type Rule = (idx?: number) => CstNode;

/**
 * Where a search expression written inside a command clause ends, since a search reads `by` and
 * `span=10s` as ordinary terms: `tstats ... WHERE a=1 BY host` stops before `BY`, `mstats ...
 * WHERE index=m span=1m` before `span=`. Commas in front of the keyword are left to the command.
 */
export interface SearchStop {
  /** End before the keyword `BY`. */
  readonly by?: boolean;
  /** End before `<name>=` for these option names (lower case). */
  readonly options?: readonly string[];
}

export interface Alt {
  readonly GATE?: () => boolean;
  readonly ALT: () => void;
}

/** Chevrotain's DSL with explicit occurrence indexes (CONSUME2 == consume(2, ...)). */
export interface Grammar {
  consume(idx: number, tok: TokenType, label?: string): void;
  /** `args` are the rule's Chevrotain ARGS (`[SearchStop]` for `searchExpression`). */
  subrule(idx: number, rule: Rule, label?: string, args?: readonly unknown[]): void;
  option(idx: number, body: () => void, gate?: () => boolean): void;
  /**
   * An optional clause opened by a word, in any case (`FROM`, `WHERE`): the word alone decides,
   * so a clause cut short fails inside it (`tstats count FROM` expects a data model).
   */
  keywordOption(idx: number, words: readonly string[], body: () => void): void;
  or(idx: number, alts: readonly Alt[]): void;
  many(idx: number, body: () => void, gate?: () => boolean): void;
  atLeastOne(idx: number, body: () => void, gate?: () => boolean): void;
  LA(n: number): IToken;
  readonly rules: SharedRules;
  /** A rule declared in a command's `subrules` (names are unique across the grammar). */
  local(name: string): Rule;
}

/** A rule private to one command, so its parts stay grouped in the CST (`conversion` of convert). */
export interface SubruleSyntax extends RuleMessages {
  readonly name: string;
  readonly grammar: (g: Grammar) => void;
}

/** How parse errors inside a rule describe what was expected (parse-messages.ts). */
export interface RuleMessages {
  /** What a bare word stands for here: 'a field name', 'an aggregation such as count'. */
  readonly wordRole?: string;
  /** A summary replacing the list of alternatives: '"AS", "TO" or "->"'. */
  readonly expects?: string;
}

/** Builders for the shared rules, handed to command builders (no import cycles). */
export interface Builder {
  readonly text: string;
  pipeline(n: CstNode): A.Pipeline;
  searchExpression(n: CstNode): A.SearchExpr;
  expression(n: CstNode): A.Expr;
  fieldName(n: CstNode): string;
  option(n: CstNode): A.CommandOption;
  aggregation(n: CstNode): A.Aggregation;
  fieldRef(n: CstNode): A.FieldRef;
  genericArg(n: CstNode): A.GenericArg;
}

/** Canonical SPL text for the shared node kinds. */
export interface Printer {
  pipeline(p: A.Pipeline): string;
  search(e: A.SearchExpr): string;
  expression(e: A.Expr): string;
  field(name: string): string;
  /** A field name inside an eval expression (`'quoted'` when not a plain identifier). */
  exprField(name: string): string;
  value(text: string): string;
  option(o: A.CommandOption): string;
  aggregation(a: A.Aggregation): string;
  genericArg(a: A.GenericArg): string;
}

export interface CommandSyntax<N extends { readonly kind: string; readonly span: A.Span }> extends RuleMessages {
  /** The command name in lower case, and its synonyms (`bucket` for `bin`). */
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly token: TokenType;
  readonly mode: LexMode;
  /** `eval(` inside the arguments opens an expression (`stats count(eval(x>1))`). */
  readonly evalArgs?: boolean;
  /** The arguments are `field=expression` assignments (eval): a target runs up to its `=`. */
  readonly evalAssignments?: boolean;
  /** A `[...]` argument holds commands, not a search (`appendpipe [stats count]`). */
  readonly bracketHoldsCommands?: boolean;
  readonly subrules?: readonly SubruleSyntax[];
  readonly grammar: (g: Grammar) => void;
  readonly build: (n: CstNode, b: Builder) => N;
  readonly print: (node: N, p: Printer) => string;
}

/**
 * The AST: plain, JSON-serialisable, readonly nodes, each with a `kind` and a `span` in the expanded
 * text. Command nodes use the SPL command name as `kind` (the registry key, the file name and the
 * docs agree); expression nodes use PascalCase kinds.
 */
import type { Span } from '../source/span.js';

import type { Command } from './commands/index.js';

export interface Pipeline {
  readonly kind: 'Pipeline';
  readonly span: Span;
  /** True when the text starts with `|` (a generating command comes first, spec 01 S1). */
  readonly leadingPipe: boolean;
  readonly commands: readonly Command[];
}

// ---------------------------------------------------------------- search expressions (spec 01)

/** A literal written in a search: its unescaped text and how it was written. */
export interface SearchValue {
  readonly text: string;
  readonly quoted: boolean;
  /** Written as CASE(x): compared case-sensitively (S13). */
  readonly caseSensitive: boolean;
  /** Written as TERM(x): matched as one indexed token (S13). */
  readonly term: boolean;
  readonly span: Span;
}

export type CompareOp = '=' | '!=' | '<' | '>' | '<=' | '>=';

export type SearchExpr =
  | { readonly kind: 'And'; readonly span: Span; readonly items: readonly SearchExpr[] }
  | { readonly kind: 'Or'; readonly span: Span; readonly items: readonly SearchExpr[] }
  | { readonly kind: 'Not'; readonly span: Span; readonly operand: SearchExpr }
  | { readonly kind: 'Term'; readonly span: Span; readonly value: SearchValue }
  | {
      readonly kind: 'Compare';
      readonly span: Span;
      readonly field: string;
      readonly op: CompareOp;
      readonly value: SearchValue;
    }
  | { readonly kind: 'In'; readonly span: Span; readonly field: string; readonly values: readonly SearchValue[] }
  | { readonly kind: 'Subsearch'; readonly span: Span; readonly pipeline: Pipeline };

// ---------------------------------------------------------------- eval expressions

export type BinaryOp =
  | 'OR' | 'XOR' | 'AND'
  | '=' | '==' | '!=' | '<' | '>' | '<=' | '>='
  | 'LIKE'
  | '+' | '-' | '.' | '*' | '/' | '%';

export type Expr =
  | { readonly kind: 'Literal'; readonly span: Span; readonly value: string | number | boolean | null }
  | { readonly kind: 'Field'; readonly span: Span; readonly name: string }
  | { readonly kind: 'Unary'; readonly span: Span; readonly op: 'NOT' | '-' | '+'; readonly operand: Expr }
  | { readonly kind: 'Binary'; readonly span: Span; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'In'; readonly span: Span; readonly operand: Expr; readonly values: readonly Expr[] }
  | { readonly kind: 'Call'; readonly span: Span; readonly name: string; readonly nameSpan: Span; readonly args: readonly Expr[] };

// ---------------------------------------------------------------- shared command parts

/** A `key=value` option of a command (e.g. `dedup_splitvals=true`, `timeformat="..."`). */
export interface CommandOption {
  readonly name: string;
  readonly value: string;
  readonly quoted: boolean;
  readonly span: Span;
}

export interface FieldRef {
  readonly name: string;
  readonly span: Span;
}

export type AggregationArg =
  | { readonly kind: 'field'; readonly name: string; readonly span: Span }
  | { readonly kind: 'eval'; readonly expr: Expr; readonly span: Span };

/** One `fn(arg) [AS name]` of stats and its relatives (spec 03 T1). */
export interface Aggregation {
  readonly span: Span;
  /** The function name as written (`count`, `dc`, `perc95`, ...). */
  readonly fn: string;
  readonly fnSpan: Span;
  readonly arg: AggregationArg | null;
  /** The output name as written without AS (`values(verb)`), used when `as` is absent. */
  readonly text: string;
  readonly as: string | null;
  /** `sparkline(<fn>[(<field>)][, <span>])`: the function and span (its field is also `arg`). */
  readonly sparkline?: SparklineArg;
}

/** The argument of chart/stats' sparkline-agg: `sparkline(count)`, `sparkline(dc(user), 1h)`. */
export interface SparklineArg {
  readonly fn: string;
  readonly fnSpan: Span;
  readonly field: FieldRef | null;
  readonly span: { readonly text: string; readonly span: Span } | null;
}

/**
 * An argument of a command whose grammar is generic: options, words (with their exact image, so
 * printing reproduces them), parenthesised groups, subsearches and `eval(...)` expressions.
 */
export type GenericArg =
  | { readonly kind: 'option'; readonly span: Span; readonly option: CommandOption }
  | { readonly kind: 'assign'; readonly span: Span; readonly name: string; readonly value: GenericArg }
  | { readonly kind: 'word'; readonly span: Span; readonly image: string; readonly text: string }
  | { readonly kind: 'group'; readonly span: Span; readonly args: readonly GenericArg[] }
  | { readonly kind: 'subsearch'; readonly span: Span; readonly pipeline: Pipeline }
  | { readonly kind: 'eval'; readonly span: Span; readonly expr: Expr };

export type {
  Command, CommandKind, SearchCommand, RenameCommand, RenamePair, StatsCommand, ConvertCommand, Conversion, GenericCommand,
} from './commands/index.js';
export type { Span };

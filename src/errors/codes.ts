/**
 * The error catalog: code -> phase and message template. The only place error prose lives.
 * Codes are a phase letter and three digits (M macro, L lex, P parse, B bind, R run, I input,
 * U usage). Each phase keeps its codes in its own file under codes/; this table joins them.
 * Where Splunk's exact text is known (../shared/spec/08-errors.md) the template reproduces it.
 */
import { MACRO_CODES } from './codes/macro.js';
import { SYNTAX_CODES } from './codes/syntax.js';
import { BIND_CODES } from './codes/bind.js';
import { INPUT_CODES } from './codes/input.js';
import { EVAL_CODES } from './codes/eval.js';
import { COMMANDS_B_CODES } from './codes/commands-b.js';
import { LOOKUP_CODES } from './codes/lookups.js';
import { COMMANDS_C_CODES } from './codes/commands-c.js';
import { COMMANDS_A_CODES } from './codes/commands-a.js';
import { SUBSEARCH_CODES } from './codes/subsearch.js';
import { LIMIT_CODES } from './codes/limits.js';
import { DATASET_CODES } from './codes/datasets.js';

export type Phase = 'macro' | 'lex' | 'parse' | 'bind' | 'run' | 'input' | 'usage';

export interface CodeInfo {
  readonly phase: Phase;
  readonly message: string;
}

export const CODES = {
  ...MACRO_CODES,
  ...SYNTAX_CODES,
  ...BIND_CODES,
  ...INPUT_CODES,
  ...EVAL_CODES,
  ...COMMANDS_B_CODES,
  ...LOOKUP_CODES,
  ...COMMANDS_C_CODES,
  ...COMMANDS_A_CODES,
  ...SUBSEARCH_CODES,
  ...LIMIT_CODES,
  ...DATASET_CODES,
} as const satisfies Record<string, CodeInfo>;

export type ErrorCode = keyof typeof CODES;

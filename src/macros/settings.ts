/**
 * What macros.conf and security_content YAML share: the stanza name `name(N)`, argument-name rules,
 * boolean settings, and how a malformed file is reported (M008 with file:line).
 * Splunk: macros.conf.spec (args: "alphanumeric characters, '_' and '-'", no repeats) (spec 05 MA1).
 */
import { SplError } from '../errors/spl-error.js';
import type { MappedText } from '../source/source-map.js';
import type { MacroDef } from './types.js';

/** A malformed-file error pointing at a 1-based line (and column when known). */
export function malformed(file: string, line: number, reason: string, column?: number): SplError {
  return new SplError('M008', { file, reason }, { location: { file, line, column } });
}

/** `name` or `name(N)` from a stanza header; undefined when it is not a macro stanza name. */
export function parseStanzaName(text: string): { name: string; arity: number } | undefined {
  const m = /^(.*?)\s*\(\s*(\d+)\s*\)$/.exec(text.trim());
  const name = (m ? m[1]! : text).trim();
  if (name === '' || /[\s`()]/.test(name)) return undefined;
  return { name, arity: m ? Number(m[2]) : 0 };
}

/** Splunk's conf booleans: true/false, t/f, yes/no, y/n, 1/0 (case-insensitive). */
export function parseBool(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (['1', 'true', 't', 'yes', 'y'].includes(v)) return true;
  if (['0', 'false', 'f', 'no', 'n', ''].includes(v)) return false;
  return undefined;
}

/** Check declared argument names against the arity; returns a reason when they do not fit. */
export function checkArgs(names: readonly string[], arity: number): string | undefined {
  if (names.length !== arity) {
    return `expected ${arity} argument name${arity === 1 ? '' : 's'} in args, found ${names.length}`;
  }
  const seen = new Set<string>();
  for (const n of names) {
    if (!/^[A-Za-z0-9_-]+$/.test(n)) return `invalid argument name "${n}" (letters, digits, _ and - only)`;
    if (seen.has(n)) return `argument name "${n}" is declared twice`;
    seen.add(n);
  }
  return undefined;
}

/** `a, b` -> ['a', 'b'] (empty text -> no names). */
export function splitArgNames(text: string): string[] {
  return text.trim() === '' ? [] : text.split(',').map((s) => s.trim());
}

/** The fields both readers collect before a definition becomes a `MacroDef`. */
export interface RawMacro {
  name: string;
  arity: number;
  args: readonly string[];
  definition: MappedText;
  iseval: boolean;
  validation?: string;
  errormsg?: string;
  line: number;
}

export function toMacroDef(raw: RawMacro, file: string, layer: string): MacroDef {
  const { validation, errormsg, ...rest } = raw;
  return {
    ...rest,
    args: raw.arity === 0 ? [] : raw.args,
    file,
    layer,
    ...(validation !== undefined ? { validation } : {}),
    ...(errormsg !== undefined ? { errormsg } : {}),
  };
}

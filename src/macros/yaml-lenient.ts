/**
 * Parses a YAML file the way security_content's own tooling (PyYAML) accepts it. YAML 1.2 wants
 * the continuation lines of a quoted value indented, but PyYAML also takes them at column 0, and
 * real files rely on that (security_content macros/base64decode.yml:
 * `definition: 'eval ...` + newline + `| lookup ...'`). When the strict parse fails, we indent
 * such lines by one space, parse again, and map every offset back to the original text.
 */
import { parseDocument, type Document, type YAMLError } from 'yaml';

export interface ParsedYaml {
  readonly doc: Document;
  /** The text that was parsed (the original, or the re-indented copy). */
  readonly text: string;
  /** Offset in `text` -> offset in the original file. */
  readonly toOriginal: (offset: number) => number;
}

/** Parse, retrying once with column-0 quoted continuations indented; else the first error. */
export function parseYamlLenient(text: string): ParsedYaml | YAMLError {
  const doc = parseDocument(text);
  if (doc.errors.length === 0) return { doc, text, toOriginal: (o) => o };
  const patched = indentQuotedContinuations(text);
  if (patched.inserts.length > 0) {
    const retry = parseDocument(patched.text);
    if (retry.errors.length === 0) {
      const toOriginal = (o: number) => o - patched.inserts.filter((at) => at < o).length;
      return { doc: retry, text: patched.text, toOriginal };
    }
  }
  return doc.errors[0]!;
}

/** A copy of `text` with one space before every column-0 continuation line of a quoted value. */
function indentQuotedContinuations(text: string): { text: string; inserts: number[] } {
  const out: string[] = [];
  const inserts: number[] = [];
  let length = 0;
  let quote: string | undefined;
  for (let line of text.split('\n')) {
    let from: number;
    if (quote) {
      if (line !== '' && !/^\s/.test(line)) {
        inserts.push(length);
        line = ' ' + line;
      }
      from = 0;
    } else {
      const open = /^(\s*(?:- +)?[^\s'"#][^:#]*: +|\s*- +)(['"])/.exec(line);
      quote = open?.[2];
      from = open ? open[0].length : line.length;
    }
    if (quote && closingQuote(line, from, quote) !== -1) quote = undefined;
    out.push(line);
    length += line.length + 1;
  }
  return { text: out.join('\n'), inserts };
}

/** Index of the quote that closes a scalar, scanning from `from`; -1 if it stays open. */
function closingQuote(line: string, from: number, quote: string): number {
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (quote === '"' && c === '\\') i++;
    else if (quote === "'" && c === "'" && line[i + 1] === "'") i++;
    else if (c === quote) return i;
  }
  return -1;
}
